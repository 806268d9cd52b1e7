package io.gongkai.extract.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.extract.service.ExtractionService;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.RawDocumentEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import com.mongodb.MongoException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * reports.raw → reports.extracted, keyed by document id. The incoming record is acknowledged only once
 * the outgoing one is (at least once). A payload that cannot be read throws and goes to reports.raw.dlq.extract.
 */
@ApplicationScoped
public class RawDocumentProcessor {

    private final ExtractionService extraction;
    private final ObjectMapper json;

    public RawDocumentProcessor(ExtractionService extraction, ObjectMapper json) {
        this.extraction = extraction;
        this.json = json;
    }

    @Incoming("raw")
    @Outgoing("extracted")
    @Blocking
    // A MongoDB outage is waited out here rather than dead-lettering documents that were accepted.
    @Retry(maxRetries = 20, delay = 3, delayUnit = ChronoUnit.SECONDS, maxDuration = 120, durationUnit = ChronoUnit.SECONDS,
            retryOn = MongoException.class)
    public Record<String, String> process(String payload) throws JsonProcessingException {
        RawDocumentEvent raw = json.readValue(payload, RawDocumentEvent.class);
        raw.requireDocumentId();
        if (raw.sha256() == null) {
            throw new IllegalArgumentException("RawDocumentEvent without sha256");
        }
        ExtractedEvent event = extraction.extract(raw);
        return Record.of(raw.documentId(), json.writeValueAsString(event));
    }
}
