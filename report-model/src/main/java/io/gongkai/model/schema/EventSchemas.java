package io.gongkai.model.schema;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.RawDocumentEvent;
import io.gongkai.model.events.Topics;
import io.gongkai.model.events.ValidatedEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas (draft 2020-12) of the values on the pipeline's topics, built from the event records themselves:
 * every record component becomes a property, typed from its Java type, so a field added to a record is in the schema
 * the next time it is generated (and {@code EventSchemasTest} fails until the committed copy in {@code docs/schema/}
 * is refreshed). A component of a type this class cannot describe fails the generation instead of being let through.
 * The report and the findings are not described again: they refer to {@code document.schema.json}
 * ({@link ResultSchema}), the schema of the API's answer.
 *
 * <p>The AsyncAPI document {@code docs/asyncapi.yaml} names these files as the payloads of its messages.
 */
public final class EventSchemas {

    public static final String BASE = "https://gongkai.io/schema/";

    /** One event: the topic it travels on, its CloudEvent type, the record and the file its schema is committed as. */
    public record EventType(String topic, String cloudEventType, Class<? extends Record> record, String file) {

        public String id() {
            return BASE + file;
        }
    }

    public static final List<EventType> EVENTS = List.of(
            new EventType(Topics.RAW, Topics.RAW_TYPE, RawDocumentEvent.class, "raw-document-event.schema.json"),
            new EventType(Topics.EXTRACTED, Topics.EXTRACTED_TYPE, ExtractedEvent.class, "extracted-event.schema.json"),
            new EventType(Topics.VALIDATED, Topics.VALIDATED_TYPE, ValidatedEvent.class, "validated-event.schema.json"));

    /** What a subscriber relies on beyond the Java type, by {@code Record.component}. */
    private static final Map<String, Map<String, Object>> REFINEMENTS = Map.ofEntries(
            Map.entry("*.documentId", Map.of("type", "string", "minLength", 1,
                    "description", "the document's id, also the record's key")),
            Map.entry("*.sha256", Map.of("type", "string", "pattern", "^[0-9a-f]{64}$",
                    "description", "SHA-256 of the document's bytes (hex)")),
            Map.entry("RawDocumentEvent.size", Map.of("minimum", 0, "description", "bytes")),
            Map.entry("RawDocumentEvent.sha256", Map.of("description",
                    "SHA-256 of the document's bytes (hex); the claim check: the bytes are in collection raw.blobs of "
                            + "database gongkai-ingest under this _id")),
            Map.entry("RawDocumentEvent.receivedAt", Map.of("description", "when the front door accepted the document")),
            Map.entry("RawDocumentEvent.fetchedAt", Map.of("description", "when the crawler fetched it, where it said so")),
            Map.entry("ExtractedEvent.status", Map.of("type", "string", "enum", List.of(ExtractedEvent.EXTRACTED, ExtractedEvent.FAILED))),
            Map.entry("ExtractedEvent.error", Map.of("description", "for FAILED, the reason in words users understand")),
            Map.entry("ExtractedEvent.detectedType", Map.of("description", "the media type detected from the bytes")),
            Map.entry("ExtractedEvent.encoding", Map.of("description", "the text encoding detected, where the document is text")),
            Map.entry("ExtractedEvent.report", Map.of("description", "the report read; null when FAILED")),
            Map.entry("ValidatedEvent.report", Map.of("description",
                    "the report with every value, unit, section text, region and metadata, but empty provenance and "
                            + "extractionFindings (docs/events.md)")),
            Map.entry("ValidatedEvent.findings", Map.of("description", "all findings: the extraction's first, then the rules'")),
            Map.entry("ValidatedEvent.version", Map.of("minimum", 1,
                    "description", "grows each time the document is checked again with a different outcome: keep the highest")),
            Map.entry("ValidatedEvent.validatedAt", Map.of("description", "when this version was checked")));

    private EventSchemas() {
    }

    public static Map<String, Object> schema(EventType event) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", event.id());
        schema.put("title", event.record().getSimpleName() + ": the value of a " + event.topic() + " record ("
                + event.cloudEventType() + ")");
        schema.put("type", "object");
        List<String> required = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent component : event.record().getRecordComponents()) {
            Map<String, Object> property = new LinkedHashMap<>(type(component.getGenericType(), component.getName()));
            property.putAll(REFINEMENTS.getOrDefault("*." + component.getName(), Map.of()));
            property.putAll(REFINEMENTS.getOrDefault(event.record().getSimpleName() + "." + component.getName(), Map.of()));
            properties.put(component.getName(), property);
            if (component.getType().isPrimitive() || component.getName().equals("documentId")) {
                required.add(component.getName());
            }
        }
        schema.put("required", required);
        schema.put("properties", properties);
        // What the producers write, and nothing else: a field added to a record must come with the schema that names it.
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> type(Type type, String name) {
        if (type == String.class) {
            return Map.of("type", List.of("string", "null"));
        }
        if (type == long.class || type == int.class) {
            return Map.of("type", "integer");
        }
        if (type == Instant.class) {
            return Map.of("type", List.of("string", "null"), "format", "date-time");
        }
        if (type == Report.class) {
            return Map.of("oneOf", List.of(Map.of("type", "null"), Map.of("$ref", "document.schema.json#/$defs/report")));
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == Finding.class) {
            return Map.of("type", List.of("array", "null"), "items", Map.of("$ref", "document.schema.json#/$defs/finding"));
        }
        throw new IllegalStateException("no JSON Schema for " + name + " of type " + type.getTypeName()
                + ": say in EventSchemas how it is written");
    }
}
