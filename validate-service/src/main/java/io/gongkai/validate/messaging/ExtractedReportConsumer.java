package io.gongkai.validate.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.service.ValidationService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * reports.extracted → reports.validated: the report's own result, then those of stored neighbours whose findings it
 * changed. The incoming record is acknowledged only after the broker took the outgoing events (at least once); an
 * unreadable payload goes to reports.extracted.dlq.validate.
 */
@ApplicationScoped
public class ExtractedReportConsumer {

    private final ValidationService validation;
    private final ValidatedPublisher publisher;
    private final ObjectMapper json;

    public ExtractedReportConsumer(ValidationService validation, ValidatedPublisher publisher, ObjectMapper json) {
        this.validation = validation;
        this.publisher = publisher;
        this.json = json;
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
            publisher.publish(out);
        }
    }
}
