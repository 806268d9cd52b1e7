package io.gongkai.validate.messaging;

import io.gongkai.messaging.EventJson;
import io.gongkai.validate.config.ValidateConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** reports.revalidate: puts a job's requests on the topic, and checks each requested document again, republishing changes. */
@ApplicationScoped
public class RevalidationConsumer {

    private final ValidatedBatches batches;
    private final RecordChecks checks;
    private final MutinyEmitter<String> requests;
    private final EventJson json;
    private final ValidateConfig config;

    public RevalidationConsumer(ValidatedBatches batches, RecordChecks checks,
            @Channel("revalidate-requests") MutinyEmitter<String> requests, EventJson json, ValidateConfig config) {
        this.batches = batches;
        this.checks = checks;
        this.requests = requests;
        this.json = json;
        this.config = config;
    }

    /** Sends one request and waits for the broker. */
    public void request(String jobId, String documentId) {
        Message<String> message = Message.of(json.write(new RevalidationRequest(jobId, documentId)))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(documentId).build());
        requests.sendMessage(message).await().atMost(config.publish().timeout());
    }

    /** A batch of requests, checked and republished in one Kafka transaction ({@link ValidatedBatches}). */
    @Incoming("revalidate")
    public CompletionStage<Void> onRequests(Message<List<String>> batch) {
        return batches.process(batch, (all, claimants) -> (index, claimant) -> checks.revalidation(all.get(index), claimant));
    }
}
