package io.gongkai.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.RawDocumentEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.model.schema.EventSchemas.EventType;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed event schemas ({@code docs/schema/*-event.schema.json}) are the ones the event records give, name every
 * field of every record, and accept the events as the services write them (Jackson with ISO instants, as Quarkus'
 * mapper), and refuse what a subscriber must never get.
 */
class EventSchemasTest {

    /** As the services' mapper writes events: instants and dates as ISO text. */
    private static final ObjectMapper SERVICE_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Path DOCS = Path.of("../docs/schema");
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String SHA = "ab".repeat(32);

    @Test
    void theCommittedSchemasAreTheOnesTheRecordsGive() throws IOException {
        List<String> stale = new ArrayList<>();
        for (EventType event : EventSchemas.EVENTS) {
            Path fresh = Path.of("target/schema").resolve(event.file());
            Files.createDirectories(fresh.getParent());
            PRETTY.writeValue(fresh.toFile(), EventSchemas.schema(event));
            Path committed = DOCS.resolve(event.file());
            if (!Files.exists(committed) || !PRETTY.readTree(fresh.toFile()).equals(PRETTY.readTree(committed.toFile()))) {
                stale.add("cp " + fresh.toAbsolutePath() + " " + committed.toAbsolutePath().normalize());
            }
        }
        assertTrue(stale.isEmpty(), "the event records changed; refresh docs/schema:\n" + String.join("\n", stale));
    }

    @Test
    void everyFieldOfEveryEventRecordIsInItsSchemaAndNothingElse() throws IOException {
        for (EventType event : EventSchemas.EVENTS) {
            Set<String> fields = new TreeSet<>(Arrays.stream(event.record().getRecordComponents()).map(RecordComponent::getName).toList());
            Set<String> named = new TreeSet<>();
            PRETTY.readTree(DOCS.resolve(event.file()).toFile()).get("properties").fieldNames().forEachRemaining(named::add);
            assertEquals(fields, named, event.file() + " against " + event.record().getName());
        }
    }

    @Test
    void eventsAsTheServicesWriteThemAreValid() throws IOException {
        Report report = SERVICE_JSON.treeToValue(sampleReport(), Report.class);
        Instant now = Instant.parse("2026-03-01T08:00:00.123456Z");
        List<Finding> findings = List.of(Finding.of("APPLICATIONS_BALANCE", Severity.error, "收支不平衡", "applications.newReceived.total"));
        assertValid(new RawDocumentEvent(ID, SHA, 1234, "report.txt", "text/plain", "https://example.gov.cn/r.txt", now, now));
        assertValid(new RawDocumentEvent(ID, SHA, 0, null, null, null, null, now));
        assertValid(new ExtractedEvent(ID, SHA, ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report, "x-1"));
        assertValid(ExtractedEvent.failed(new RawDocumentEvent(ID, SHA, 3, "a.txt", null, null, null, now), "不是年度报告", "text/plain", "x-1"));
        assertValid(ValidatedEvent.of(ID, SHA, report, findings, "rules-7", 1, now));
    }

    @Test
    void whatASubscriberMustNeverGetIsRefused() throws IOException {
        Instant now = Instant.now();
        ObjectNode raw = SERVICE_JSON.valueToTree(new RawDocumentEvent(ID, SHA, 10, "a.txt", null, null, null, now));
        EventType rawType = EventSchemas.EVENTS.get(0);
        assertTrue(validate(rawType, raw).isEmpty());
        assertFalse(validate(rawType, raw.deepCopy().put("madeUp", 1)).isEmpty(), "a field the schema does not name");
        assertFalse(validate(rawType, raw.deepCopy().put("documentId", "")).isEmpty(), "an empty document id");
        assertFalse(validate(rawType, raw.deepCopy().put("size", "10")).isEmpty(), "a size written as text");

        EventType extractedType = EventSchemas.EVENTS.get(1);
        ObjectNode extracted = SERVICE_JSON.valueToTree(new ExtractedEvent(ID, SHA, "DONE", null, null, null, null, "x"));
        assertFalse(validate(extractedType, extracted).isEmpty(), "a status other than EXTRACTED or FAILED");

        EventType validatedType = EventSchemas.EVENTS.get(2);
        ObjectNode validated = SERVICE_JSON.valueToTree(ValidatedEvent.of(ID, SHA, SERVICE_JSON.treeToValue(sampleReport(), Report.class),
                List.of(), "r", 1, now));
        assertTrue(validate(validatedType, validated).isEmpty());
        ((ObjectNode) validated.get("report").get("applications")).putObject("madeUpRow").put("total", 1);
        assertFalse(validate(validatedType, validated).isEmpty(), "the report follows document.schema.json: no unknown row");
    }

    @Test
    void aComponentOfATypeWithoutSchemaFailsTheGeneration() {
        record Odd(String documentId, java.net.URI where) {
        }
        assertThrows(IllegalStateException.class,
                () -> EventSchemas.schema(new EventType("t", "t.v1", Odd.class, "odd.schema.json")));
    }

    private static JsonNode sampleReport() throws IOException {
        return SERVICE_JSON.readTree(Path.of("../samples/000_f8a12ae11966356f.expected.json").toFile()).get("report");
    }

    private static void assertValid(Record event) throws IOException {
        EventType type = EventSchemas.EVENTS.stream().filter(e -> e.record() == event.getClass()).findFirst().orElseThrow();
        JsonNode written = SERVICE_JSON.readTree(SERVICE_JSON.writeValueAsString(event));
        assertEquals(Set.of(), validate(type, written), type.file() + " refuses " + written);
    }

    private static Set<?> validate(EventType type, JsonNode value) throws IOException {
        JsonSchema schema = EventSchemaFiles.schema(DOCS, type.file());
        return schema.validate(value);
    }
}
