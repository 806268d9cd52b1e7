package io.gongkai.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.events.RawDocumentEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every consumer relies on: an event reads back as written, and anything else is refused (a dead letter). */
class EventJsonTest {

    private final EventJson json = new EventJson(new ObjectMapper().findAndRegisterModules());

    @Test
    void anEventReadsBackAsWritten() throws Exception {
        RawDocumentEvent event = new RawDocumentEvent("d1", "ab12", 3, "a.txt", "text/plain", null, null,
                Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(event, json.read(json.write(event), RawDocumentEvent.class));
    }

    @Test
    void poisonIsRefused() {
        for (String poison : List.of("{not json", "", "null", "\u0000\u0001", "{}", "{\"documentId\":\"\"}",
                "{\"documentId\":{\"$ne\":1}}", "[1,2]")) {
            assertThrows(Exception.class, () -> json.read(poison, RawDocumentEvent.class), poison);
        }
        assertThrows(Exception.class, () -> json.read(null, RawDocumentEvent.class));
    }
}
