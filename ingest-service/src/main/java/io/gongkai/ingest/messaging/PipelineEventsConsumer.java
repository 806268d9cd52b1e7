package io.gongkai.ingest.messaging;

import io.gongkai.ingest.service.DocumentStatusService;
import io.gongkai.messaging.EventJson;
import io.gongkai.messaging.OutageRetry;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final EventJson json;

    public PipelineEventsConsumer(DocumentStatusService statuses, EventJson json) {
        this.statuses = statuses;
        this.json = json;
    }

    @Incoming("extracted-status")
    @Blocking
    @ApplyGuard(OutageRetry.NAME)
    public void onExtracted(String payload) throws IOException {
        statuses.onExtracted(json.read(payload, ExtractedEvent.class));
    }

    @Incoming("validated-status")
    @Blocking
    @ApplyGuard(OutageRetry.NAME)
    public void onValidated(String payload) throws IOException {
        statuses.onValidated(json.read(payload, ValidatedEvent.class));
    }
}
