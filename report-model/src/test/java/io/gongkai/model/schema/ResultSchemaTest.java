package io.gongkai.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed schema ({@code docs/schema/document.schema.json}) is the one the model's enums give, and it accepts
 * the hand-checked expectations of the samples and rejects what users must never get (an unknown row, a number
 * written as text).
 */
class ResultSchemaTest {

    static final Path COMMITTED = Path.of("../docs/schema/document.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theCommittedSchemaIsTheOneTheModelGives() throws IOException {
        JsonNode generated = JSON.valueToTree(ResultSchema.document());
        Path fresh = Path.of("target/document.schema.json");
        Files.createDirectories(fresh.getParent());
        JSON.writeValue(fresh.toFile(), ResultSchema.document());
        assertTrue(Files.exists(COMMITTED), COMMITTED.toAbsolutePath() + " is missing: copy " + fresh.toAbsolutePath());
        assertEquals(generated, JSON.readTree(COMMITTED.toFile()),
                "docs/schema/document.schema.json is stale: the model changed. Copy " + fresh.toAbsolutePath() + " over it");
    }

    @Test
    void theSamplesExpectationsAreValidReports() throws IOException {
        JsonSchema schema = schema();
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("../samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList();
        }
        assertFalse(samples.isEmpty());
        for (Path sample : samples) {
            ObjectNode document = document(JSON.readTree(sample.toFile()).get("report"));
            Set<ValidationMessage> errors = schema.validate(document);
            assertTrue(errors.isEmpty(), sample.getFileName() + ": " + errors);
        }
    }

    @Test
    void anUnknownRowOrANumberWrittenAsTextIsRejected() throws IOException {
        JsonSchema schema = schema();
        ObjectNode report = (ObjectNode) JSON.readTree(Path.of("../samples/000_f8a12ae11966356f.expected.json").toFile()).get("report");
        ObjectNode unknownRow = report.deepCopy();
        ((ObjectNode) unknownRow.get("applications")).putObject("madeUpRow").put("total", 1);
        assertFalse(schema.validate(document(unknownRow)).isEmpty(), "an unknown row must be refused");

        ObjectNode textNumber = report.deepCopy();
        ((ObjectNode) textNumber.get("applications").get("newReceived")).put("total", "12");
        assertFalse(schema.validate(document(textNumber)).isEmpty(), "a number as text must be refused");

        ObjectNode badLevel = report.deepCopy();
        badLevel.put("administrativeLevel", "village");
        assertFalse(schema.validate(document(badLevel)).isEmpty(), "an unknown level must be refused");
    }

    private static ObjectNode document(JsonNode report) {
        ObjectNode document = JSON.createObjectNode();
        document.put("documentId", "0123456789abcdef0123456789abcdef");
        document.put("status", "VALIDATED");
        document.set("report", report);
        document.putArray("findings");
        return document;
    }

    static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(COMMITTED.toFile()));
    }
}
