package io.gongkai.validate.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gongkai.messaging.EventJson;
import io.gongkai.messaging.OutageRetry;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.service.ValidationService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final EventJson json;

    public ExtractedReportConsumer(ValidationService validation, ValidatedPublisher publisher, EventJson json) {
        this.validation = validation;
        this.publisher = publisher;
        this.json = json;
    }

    @Incoming("extracted")
    @Blocking
    // MongoDB or broker outages are waited out here rather than dead-lettering reports that were accepted.
    @ApplyGuard(OutageRetry.NAME)
    public void onExtracted(String payload) throws JsonProcessingException {
        ExtractedEvent event = json.read(payload, ExtractedEvent.class);
        for (ValidatedEvent out : validation.validate(event)) {
            publisher.publish(out);
        }
    }
}
