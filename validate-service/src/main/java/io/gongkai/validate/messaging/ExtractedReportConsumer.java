package io.gongkai.validate.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * reports.extracted → reports.validated, a batch of records at a time: the events the batch yields, its dead letters
 * and its consumed offsets are committed in one Kafka transaction ({@link ValidatedBatches}).
 */
@ApplicationScoped
public class ExtractedReportConsumer {

    private final ValidatedBatches batches;
    private final RecordChecks checks;

    public ExtractedReportConsumer(ValidatedBatches batches, RecordChecks checks) {
        this.batches = batches;
        this.checks = checks;
    }

    @Incoming("extracted")
    public CompletionStage<Void> onExtracted(Message<List<String>> batch) {
        return batches.process(batch, checks::extracted);
    }
}
