package io.gongkai.validate.messaging;

import io.gongkai.messaging.EventJson;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.service.ValidationService;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends reports.validated events keyed by document id, waiting for the broker, and records what subscribers have. */
@ApplicationScoped
public class ValidatedPublisher {

    private final MutinyEmitter<String> validated;
    private final EventJson json;
    private final ValidateConfig config;
    private final ValidationService validation;

    public ValidatedPublisher(@Channel("validated") MutinyEmitter<String> validated, EventJson json, ValidateConfig config,
            ValidationService validation) {
        this.validated = validated;
        this.json = json;
        this.config = config;
        this.validation = validation;
    }

    public void publish(ValidatedEvent event) {
        Message<String> message = Message.of(json.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.documentId()).build());
        validated.sendMessage(message).await().atMost(config.publish().timeout());
        validation.published(event);
    }
}
