package io.gongkai.extract.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gongkai.extract.service.ExtractionService;
import io.gongkai.messaging.EventJson;
import io.gongkai.messaging.OutageRetry;
import io.gongkai.model.events.RawDocumentEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * reports.raw → reports.extracted, keyed by document id. The incoming record is acknowledged only once
 * the outgoing one is (at least once). A payload that cannot be read throws and goes to reports.raw.dlq.extract.
 */
@ApplicationScoped
public class RawDocumentProcessor {

    private final ExtractionService extraction;
    private final EventJson json;

    public RawDocumentProcessor(ExtractionService extraction, EventJson json) {
        this.extraction = extraction;
        this.json = json;
    }

    @Incoming("raw")
    @Outgoing("extracted")
    @Blocking
    // A MongoDB outage is waited out rather than dead-lettering documents that were accepted.
    @ApplyGuard(OutageRetry.NAME)
    public Record<String, String> process(String payload) throws JsonProcessingException {
        RawDocumentEvent raw = json.read(payload, RawDocumentEvent.class);
        if (raw.sha256() == null) {
            throw new IllegalArgumentException("RawDocumentEvent without sha256");
        }
        return Record.of(raw.documentId(), json.write(extraction.extract(raw)));
    }
}
