package io.gongkai.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gongkai.model.events.Topics;
import io.gongkai.model.schema.EventSchemas.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document ({@code docs/asyncapi.yaml}) describes every topic the services use, names each event's
 * CloudEvent type, and its payloads are the committed schemas that {@link EventSchemasTest} keeps current.
 */
class EventContractsTest {

    private static final Path ASYNCAPI = Path.of("../docs/asyncapi.yaml");

    @Test
    void everyTopicIsAChannel() throws IOException {
        JsonNode doc = asyncApi();
        Set<String> addresses = new TreeSet<>();
        doc.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertEquals(new TreeSet<>(Topics.ALL), addresses, "docs/asyncapi.yaml's channels against Topics.ALL");
    }

    @Test
    void everyEventHasItsTypeHeadersAndCommittedPayloadSchema() throws IOException {
        JsonNode doc = asyncApi();
        Map<String, JsonNode> byAddress = new HashMap<>();
        doc.get("channels").forEach(channel -> byAddress.put(channel.get("address").asText(), channel));
        for (EventType event : EventSchemas.EVENTS) {
            JsonNode channel = byAddress.get(event.topic());
            assertNotNull(channel, event.topic());
            assertEquals(1, channel.get("messages").size(), event.topic());
            JsonNode message = resolve(doc, channel.get("messages").elements().next());
            assertEquals(event.cloudEventType(), message.get("title").asText(), event.topic());
            assertEquals("./schema/" + event.file(), message.at("/payload/schema/$ref").asText(), event.topic());
            assertTrue(Files.exists(ASYNCAPI.resolveSibling("schema").resolve(event.file())), event.file());
            JsonNode headers = resolve(doc, message.get("headers"));
            assertTrue(headers.at("/properties/ce_type/enum").toString().contains("\"" + event.cloudEventType() + "\""));
            assertEquals("documentIdKey", message.at("/bindings/kafka/key/$ref").asText().replaceAll(".*/", ""));
        }
        Set<String> types = EventSchemas.EVENTS.stream().map(EventType::cloudEventType).collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = new TreeSet<>();
        doc.at("/components/schemas/cloudEventHeaders/properties/ce_type/enum").forEach(t -> declared.add(t.asText()));
        assertEquals(types, declared);
    }

    @Test
    void everyDeadLetterTopicCarriesTheDeadLetterHeaders() throws IOException {
        JsonNode doc = asyncApi();
        doc.get("channels").forEach(channel -> {
            if (channel.get("address").asText().contains(".dlq.")) {
                JsonNode message = resolve(doc, channel.get("messages").elements().next());
                assertEquals("#/components/schemas/deadLetterHeaders", message.at("/headers/$ref").asText(), channel.toString());
            }
        });
    }

    static JsonNode asyncApi() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        return doc;
    }

    /** A local {@code $ref} ("#/components/...") followed, or the node itself. */
    static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : doc.at(ref.asText().substring(1));
    }
}
