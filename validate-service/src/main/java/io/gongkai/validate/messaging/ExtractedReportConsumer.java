package io.gongkai.validate.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import io.gongkai.model.events.ValidatedEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * reports.extracted → reports.validated, a batch of records at a time: each record's own check, then the stored
 * neighbours they affect, each checked once; the events the batch yields, its dead letters and its consumed offsets are
 * committed in one Kafka transaction ({@link ValidatedBatches}).
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
        return batches.process(batch, (payloads, claimants) -> {
            RecordChecks.ExtractedBatch started = checks.extractedBatch(payloads, claimants);
            return new ValidatedBatches.Checks() {
                @Override
                public List<ValidatedEvent> apply(int index, String claimant) throws Exception {
                    return checks.extracted(started, index, claimant);
                }

                @Override
                public List<String> rechecks() {
                    return started.batch().rechecks();
                }

                @Override
                public String claimantOf(String documentId) {
                    return started.batch().claimantOf(documentId);
                }

                @Override
                public Optional<ValidatedEvent> recheck(String documentId) {
                    return checks.recheck(started, documentId);
                }
            };
        });
    }
}
