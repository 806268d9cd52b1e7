package io.gongkai.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.ingest.service.DocumentStatusService;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.smallrye.common.annotation.Blocking;
import com.mongodb.MongoException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import java.io.IOException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns each document's status from reports.extracted and reports.validated. A message that cannot be
 * read throws, which sends it to the channel's dead-letter topic; the consumer goes on. A MongoDB outage is
 * waited out (retried) instead, so no status is lost.
 */
@ApplicationScoped
public class PipelineEventsConsumer {

    private final DocumentStatusService statuses;
    private final ObjectMapper json;

    public PipelineEventsConsumer(DocumentStatusService statuses, ObjectMapper json) {
        this.statuses = statuses;
        this.json = json;
    }

    @Incoming("extracted-status")
    @Blocking
    @Retry(maxRetries = 20, delay = 3, delayUnit = ChronoUnit.SECONDS, maxDuration = 120, durationUnit = ChronoUnit.SECONDS,
            retryOn = MongoException.class)
    public void onExtracted(String payload) throws IOException {
        ExtractedEvent event = json.readValue(payload, ExtractedEvent.class);
        event.requireDocumentId();
        statuses.onExtracted(event);
    }

    @Incoming("validated-status")
    @Blocking
    @Retry(maxRetries = 20, delay = 3, delayUnit = ChronoUnit.SECONDS, maxDuration = 120, durationUnit = ChronoUnit.SECONDS,
            retryOn = MongoException.class)
    public void onValidated(String payload) throws IOException {
        ValidatedEvent event = json.readValue(payload, ValidatedEvent.class);
        event.requireDocumentId();
        statuses.onValidated(event);
    }
}
