package io.gongkai.validate.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.gongkai.model.Report;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** reports.extracted in, reports.validated out and stored, with the in-memory connector and a MongoDB-protocol server. */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted,revalidate"),
        @ResourceArg(name = "outgoing", value = "validated,revalidate-requests")})
class ExtractedReportConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MongoClient mongo;

    @Inject
    ObjectMapper json;

    private InMemorySink<String> validated;

    @BeforeEach
    void clear() {
        validated = connector.sink("validated");
        validated.clear();
    }

    /** The hand-checked report of sample 004, whose table 三 breaks two identities. */
    private Report sample004() throws Exception {
        return json.treeToValue(json.readTree(new File("../samples/004_ca1fd1482ab00037.expected.json")).get("report"), Report.class);
    }

    private ValidatedEvent send(ExtractedEvent in, int expectedTotal) throws Exception {
        connector.source("extracted").send(List.of(json.writeValueAsString(in)));
        await().atMost(Duration.ofSeconds(20)).until(() -> validated.received().size() >= expectedTotal);
        Message<String> out = validated.received().get(expectedTotal - 1);
        assertEquals(in.documentId(), out.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey());
        return json.readValue(out.getPayload(), ValidatedEvent.class);
    }

    @Test
    void aReportIsCheckedStoredAndPublished() throws Exception {
        ExtractedEvent in = new ExtractedEvent("doc-004", "sha-004", ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", sample004(), "t");
        ValidatedEvent out = send(in, 1);
        assertEquals(1, out.version());
        assertTrue(out.findings().stream().anyMatch(f -> f.code().equals("APPLICATIONS_BALANCE")
                && f.paths().contains("applications.newReceived.total")), out.findings().toString());
        assertTrue(out.findings().stream().anyMatch(f -> f.code().equals("APPLICATIONS_TOTAL_ROW")), out.findings().toString());
        // Lean: the report's values and texts, not what only reading the source needs (provenance is on reports.extracted,
        // extraction findings are among the findings).
        assertEquals(in.report().applications(), out.report().applications());
        assertEquals(in.report().sections(), out.report().sections());
        assertTrue(out.report().provenance().isEmpty() && out.report().extractionFindings().isEmpty(), out.report().toString());
        assertTrue(out.findings().containsAll(in.report().extractionFindings()), out.findings().toString());

        Document stored = mongo.getDatabase("gongkai-validate").getCollection("reports").find(Filters.eq("_id", "doc-004")).first();
        assertEquals("河曲县人民政府办公室", stored.getString("agency"));
        assertEquals(1L, stored.getLong("version"));

        // Redelivery: stored again with the same version (nothing changed), and not published twice: subscribers
        // already hold (doc-004, 1).
        java.util.Date first = stored.getDate("validatedAt");
        connector.source("extracted").send(List.of(json.writeValueAsString(in)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !first.equals(mongo.getDatabase("gongkai-validate").getCollection("reports")
                .find(Filters.eq("_id", "doc-004")).first().getDate("validatedAt")));
        assertEquals(1, validated.received().size(), "a redelivered event does not repeat (document, version)");
        assertEquals(1L, mongo.getDatabase("gongkai-validate").getCollection("reports").find(Filters.eq("_id", "doc-004")).first().getLong("version"));
        assertEquals(1, mongo.getDatabase("gongkai-validate").getCollection("reports").countDocuments(Filters.eq("_id", "doc-004")));
    }

    @Test
    void aFailedExtractionPublishesNothingAndAPoisonMessageDoesNotStopTheConsumer() throws Exception {
        connector.source("extracted").send(List.of(json.writeValueAsString(
                new ExtractedEvent("doc-failed", "sha", ExtractedEvent.FAILED, "不是年报", "text/plain", null, null, "t"))));
        connector.source("extracted").send(List.of("[1, 2"));
        ExtractedEvent in = new ExtractedEvent("doc-after", "sha-after", ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", sample004(), "t");
        ValidatedEvent out = send(in, 1);
        assertEquals("doc-after", out.documentId());
        assertEquals(1, validated.received().size());
    }
}
