package io.gongkai.validate.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.service.ValidationService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import com.mongodb.MongoException;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * reports.extracted → reports.validated. The incoming record is acknowledged only after the broker took
 * the outgoing event (at least once); an unreadable payload goes to reports.extracted.dlq.validate.
 */
@ApplicationScoped
public class ExtractedReportConsumer {

    private final ValidationService validation;
    private final MutinyEmitter<String> validated;
    private final ObjectMapper json;
    private final ValidateConfig config;

    public ExtractedReportConsumer(ValidationService validation, @Channel("validated") MutinyEmitter<String> validated,
            ObjectMapper json, ValidateConfig config) {
        this.validation = validation;
        this.validated = validated;
        this.json = json;
        this.config = config;
    }

    @Incoming("extracted")
    @Blocking
    // MongoDB or broker outages are waited out here rather than dead-lettering reports that were accepted.
    @Retry(maxRetries = 20, delay = 3, delayUnit = ChronoUnit.SECONDS, maxDuration = 120, durationUnit = ChronoUnit.SECONDS,
            retryOn = {MongoException.class, TimeoutException.class, KafkaException.class})
    public void onExtracted(String payload) throws JsonProcessingException {
        ExtractedEvent event = json.readValue(payload, ExtractedEvent.class);
        event.requireDocumentId();
        for (ValidatedEvent out : validation.validate(event)) {
            publish(out);
        }
    }

    void publish(ValidatedEvent event) throws JsonProcessingException {
        Message<String> message = Message.of(json.writeValueAsString(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.documentId()).build());
        validated.sendMessage(message).await().atMost(config.publish().timeout());
    }
}
