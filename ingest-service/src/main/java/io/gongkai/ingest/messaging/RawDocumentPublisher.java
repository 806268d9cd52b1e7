package io.gongkai.ingest.messaging;

import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.messaging.EventJson;
import io.gongkai.model.events.RawDocumentEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes reports.raw, keyed by document id, and waits for the broker's acknowledgement. */
@ApplicationScoped
public class RawDocumentPublisher {

    private final MutinyEmitter<String> emitter;
    private final EventJson json;
    private final IngestConfig config;

    public RawDocumentPublisher(@Channel("raw") MutinyEmitter<String> emitter, EventJson json, IngestConfig config) {
        this.emitter = emitter;
        this.json = json;
        this.config = config;
    }

    /**
     * @throws PublishFailedException when the broker did not acknowledge in time
     */
    public void publish(RawDocumentEvent event) {
        Message<String> message = Message.of(json.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.documentId()).build());
        try {
            emitter.sendMessage(message).await().atMost(config.publish().timeout());
        } catch (RuntimeException e) {
            throw new PublishFailedException(e);
        }
    }

    /** The broker could not be reached or did not acknowledge: the submit can be retried later. */
    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(Throwable cause) {
            super("Kafka did not acknowledge the reports.raw event: " + cause.getMessage(), cause);
        }
    }
}
