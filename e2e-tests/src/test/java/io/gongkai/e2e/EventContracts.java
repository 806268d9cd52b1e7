package io.gongkai.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.gongkai.model.schema.EventSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What subscribers are promised about the records on a topic ({@code docs/asyncapi.yaml}: the headers' schema and the
 * payload's JSON Schema file in {@code docs/schema/}), applied to records the running services wrote.
 */
final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode asyncApi;
    private final JsonSchemaFactory factory;

    EventContracts(Path root) {
        try {
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docs/asyncapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String local = root.resolve("docs/schema").toUri().toString();
        // The schemas' ids (https://gongkai.io/schema/...) are read from the committed files, not the network.
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(EventSchemas.BASE, local.endsWith("/") ? local : local + "/")));
    }

    /** What is wrong with {@code record} against its topic's message in the AsyncAPI document; empty when nothing. */
    List<String> violations(ConsumerRecord<String, String> record) {
        List<String> problems = new ArrayList<>();
        JsonNode message = message(record.topic());
        if (message == null) {
            return List.of(record.topic() + " is not a channel of docs/asyncapi.yaml");
        }
        String where = record.topic() + "@" + record.offset() + ": ";
        JsonNode headersSchema = resolve(message.get("headers"));
        if (headersSchema != null) {
            ObjectNode headers = JSON.createObjectNode();
            for (Header h : record.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            factory.getSchema(headersSchema).validate(headers).forEach(m -> problems.add(where + "headers " + m));
        }
        String payloadRef = message.at("/payload/schema/$ref").asText("");
        if (!payloadRef.isEmpty()) {
            JsonSchema payload = factory.getSchema(SchemaLocation.of(EventSchemas.BASE + payloadRef.replaceFirst("^\\./schema/", "")));
            try {
                payload.validate(JSON.readTree(record.value())).forEach(m -> problems.add(where + m));
            } catch (IOException e) {
                problems.add(where + "not JSON: " + e.getMessage());
            }
        }
        return problems;
    }

    private JsonNode message(String topic) {
        for (JsonNode channel : asyncApi.get("channels")) {
            if (topic.equals(channel.get("address").asText())) {
                return resolve(channel.get("messages").elements().next());
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode ref = node.get("$ref");
        return ref == null ? node : asyncApi.at(ref.asText().substring(1));
    }
}
