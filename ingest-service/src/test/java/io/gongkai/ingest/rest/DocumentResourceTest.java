package io.gongkai.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.ingest.messaging.RawDocumentPublisher;
import io.gongkai.ingest.messaging.UnpublishedDocumentsSweeper;
import io.gongkai.ingest.messaging.RawDocumentPublisher.PublishFailedException;
import io.gongkai.messaging.EventJson;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.RawDocumentEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front door with the in-memory connector and an in-JVM MongoDB-protocol server. */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted-status,validated-status"),
        @ResourceArg(name = "outgoing", value = "raw")})
class DocumentResourceTest {

    private static final String SUBMIT = "Bearer test-submit-token";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper json;

    @Inject
    @Channel("raw")
    MutinyEmitter<String> rawEmitter;

    @Inject
    IngestConfig config;

    @Inject
    UnpublishedDocumentsSweeper sweeper;

    /** Injected by the test resource, to take MongoDB down. */
    MongoServerResource mongo;

    private InMemorySink<String> raw;

    @BeforeEach
    void clearSink() {
        raw = connector.sink("raw");
        raw.clear();
    }

    private static byte[] uniqueDocument() {
        return ("二〇二三年政府信息公开工作年度报告 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private String submit(byte[] body, int expectedStatus) {
        return given().header("Authorization", SUBMIT).contentType("text/plain").header("X-File-Name", "report.txt")
                .header("X-Source-Url", "http://www.example.gov.cn/a.html").body(body)
                .when().post("/api/documents")
                .then().statusCode(expectedStatus).body("status", notNullValue())
                .extract().path("documentId");
    }

    @Test
    void anUnauthenticatedSubmitIsRefused() {
        given().contentType("text/plain").body(uniqueDocument()).when().post("/api/documents")
                .then().statusCode(401).contentType("application/problem+json").body("title", equalTo("Unauthorized"))
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer wrong").contentType("text/plain").body(uniqueDocument())
                .when().post("/api/documents").then().statusCode(401).contentType("application/problem+json");
        assertEquals(0, raw.received().size(), "nothing is published for a refused submit");
    }

    @Test
    void aReadOnlyTokenCannotSubmit() {
        given().header("Authorization", "Bearer test-read-token").contentType("text/plain").body(uniqueDocument())
                .when().post("/api/documents")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void anEmptyDocumentIsABadRequest() {
        given().header("Authorization", SUBMIT).contentType("text/plain").body(new byte[0]).when().post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Empty document"));
    }

    @Test
    void aNewDocumentIsStoredAndPublishedOnceAndTheSameBytesAgainPublishNothing() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("../samples/000_f8a12ae11966356f.txt"));
        String id = submit(body, 202);

        assertEquals(1, raw.received().size());
        Message<String> event = raw.received().get(0);
        JsonNode payload = json.readTree(event.getPayload());
        assertEquals(id, payload.get("documentId").asText());
        assertEquals(64, payload.get("sha256").asText().length());
        assertEquals(body.length, payload.get("size").asLong());
        assertEquals("report.txt", payload.get("fileName").asText());
        assertEquals(id, event.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey());

        given().when().get("/api/documents/" + id).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("fileName", equalTo("report.txt"))
                .body("sourceUrl", equalTo("http://www.example.gov.cn/a.html"))
                .body("sha256", equalTo(payload.get("sha256").asText()));

        assertEquals(id, submit(body, 200), "the same bytes get the same id");
        assertEquals(1, raw.received().size(), "and publish nothing");
    }

    @Test
    void aMultipartUploadIsAccepted() {
        byte[] body = uniqueDocument();
        String id = given().header("Authorization", SUBMIT).multiPart("file", "upload.txt", body, "text/plain")
                .when().post("/api/documents").then().statusCode(202).extract().path("documentId");
        given().when().get("/api/documents/" + id).then().statusCode(200).body("fileName", equalTo("upload.txt"));
        assertEquals(1, raw.received().size());
    }

    @Test
    void aPercentEncodedChineseFileNameIsDecoded() {
        String id = given().header("Authorization", SUBMIT).contentType("text/plain")
                .header("X-File-Name", "%E6%B4%AA%E6%B3%BD%E5%8C%BA2023%E5%B9%B4%E6%8A%A5%E5%91%8A.pdf")
                .body(uniqueDocument()).when().post("/api/documents").then().statusCode(202).extract().path("documentId");
        given().get("/api/documents/" + id).then().body("fileName", equalTo("洪泽区2023年报告.pdf"));
        String plain = given().header("Authorization", SUBMIT).contentType("text/plain").header("X-File-Name", "100% done.txt")
                .body(uniqueDocument()).when().post("/api/documents").then().statusCode(202).extract().path("documentId");
        given().get("/api/documents/" + plain).then().body("fileName", equalTo("100% done.txt"));
    }

    @Test
    void aDocumentAboveTheSizeLimitIs413() {
        byte[] body = new byte[1_000_001];
        given().header("Authorization", SUBMIT).contentType("application/pdf").body(body).when().post("/api/documents")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("1000001"));
        assertEquals(0, raw.received().size());
    }

    @Test
    void aBadFetchTimeIsABadRequest() {
        given().header("Authorization", SUBMIT).header("X-Fetched-At", "yesterday").contentType("text/plain")
                .body(uniqueDocument()).when().post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theProvenanceComesFromTheExtractedEventWhicheverArrivesFirstAndValidatedWaitsForIt() throws Exception {
        String id = submit(uniqueDocument(), 202);
        String sha = json.readTree(raw.received().get(0).getPayload()).get("sha256").asText();
        Finding blank = Finding.of("MISSING_VALUE", Severity.warning, "空", "applications.newReceived.naturalPerson");
        Report report = new Report("获嘉县人民政府办公室", 2023, "county", null, "2021", Map.of(),
                Map.of("newReceived", cells("total", new BigDecimal("9"))), Map.of(),
                Map.of("applications.newReceived.total", new Provenance(null, 12, 6, "一、本年新收", "9")),
                Map.of(), List.of(), List.of(blank));
        // reports.validated carries the report without provenance and extraction findings; here it is applied first.
        connector.source("validated-status").send(List.of(json.writeValueAsString(
                ValidatedEvent.of(id, sha, report, List.of(blank), "rules-1", 1, Instant.now()))));
        // Stored, but not shown VALIDATED before the reading is in: a client waiting for VALIDATED finds provenance.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/documents/" + id).then()
                .body("findings", hasSize(1))
                .body("status", equalTo("RECEIVED")));
        connector.source("extracted-status").send(List.of(json.writeValueAsString(
                new ExtractedEvent(id, sha, ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report, "test"))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/documents/" + id).then()
                .body("status", equalTo("VALIDATED"))
                .body("report.applications.newReceived.total", equalTo(9))
                .body("report.provenance.'applications.newReceived.total'.line", equalTo(12))
                .body("report.extractionFindings[0].code", equalTo("MISSING_VALUE"))
                .body("findings", hasSize(1)));
    }

    @Test
    void statusFollowsThePipelineAndNeverGoesBack() throws Exception {
        String id = submit(uniqueDocument(), 202);
        String sha = json.readTree(raw.received().get(0).getPayload()).get("sha256").asText();
        Report report = new Report("获嘉县人民政府办公室", 2023, "county", null, "2021", Map.of(),
                Map.of("newReceived", cells("total", new BigDecimal("9"))), Map.of(),
                Map.of("applications.newReceived.total", new Provenance(null, 12, 6, "一、本年新收", "9")),
                Map.of(), List.of(), List.of());

        connector.source("extracted-status").send(List.of(json.writeValueAsString(
                new ExtractedEvent(id, sha, ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report, "test"))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/documents/" + id).then()
                .body("status", equalTo("EXTRACTED")));

        Finding finding = Finding.of("MISSING_VALUE", Severity.warning, "空", "applications.newReceived.naturalPerson");
        connector.source("validated-status").send(List.of(json.writeValueAsString(
                new ValidatedEvent(id, sha, report, List.of(finding), "rules-1", 1, Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/documents/" + id).then()
                .body("status", equalTo("VALIDATED"))
                .body("report.agency", equalTo("获嘉县人民政府办公室"))
                .body("report.applications.newReceived.total", equalTo(9))
                .body("report.provenance.'applications.newReceived.total'.line", equalTo(12))
                .body("findings", hasSize(1)).body("findings[0].code", equalTo("MISSING_VALUE"))
                .body("findings[0].severity", equalTo("warning")));

        // A late extracted event (redelivery) must not undo the validation.
        connector.source("extracted-status").send(List.of(json.writeValueAsString(
                new ExtractedEvent(id, sha, ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report, "test"))));
        connector.source("validated-status").send(List.of(json.writeValueAsString(
                new ValidatedEvent(id, sha, report, List.of(), "rules-1", 1, Instant.now()))));
        // Nothing to wait for: the status must stay VALIDATED the whole time the late events are taken.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/api/documents/" + id)
                .then().body("status", equalTo("VALIDATED")).body("findings", hasSize(1)));

        given().queryParam("status", "validated").queryParam("agency", "获嘉县人民政府办公室").queryParam("year", 2023)
                .when().get("/api/documents").then().statusCode(200)
                .body("items.documentId", org.hamcrest.Matchers.hasItem(id))
                .body("items.find { it.documentId == '" + id + "' }.warnings", equalTo(1));
    }

    @Test
    void aFailedExtractionEndsFailedWithItsReason() throws Exception {
        String id = submit(uniqueDocument(), 202);
        connector.source("extracted-status").send(List.of(json.writeValueAsString(
                new ExtractedEvent(id, "x", ExtractedEvent.FAILED, "文档不是年度报告", "text/plain", null, null, "test"))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/documents/" + id).then()
                .body("status", equalTo("FAILED")).body("error", equalTo("文档不是年度报告")));
    }

    @Test
    void unknownDocumentsAndBadQueriesAreProblems() {
        given().get("/api/documents/" + "0".repeat(32)).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/documents/$gt").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("status", "DONE").get("/api/documents").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("size", 100000).get("/api/documents").then().statusCode(400);
        // An operator-looking value is only ever a literal: it matches nothing.
        given().queryParam("agency", "{\"$ne\": null}").get("/api/documents").then().statusCode(200).body("total", equalTo(0));
    }

    private static Map<String, BigDecimal> cells(String key, BigDecimal value) {
        Map<String, BigDecimal> row = new LinkedHashMap<>();
        row.put("naturalPerson", null);
        row.put(key, value);
        return row;
    }

    /** For this test, the real publisher, except that while the flag is set it fails as an unreachable broker does. */
    private AtomicBoolean simulatedBrokerOutage() {
        AtomicBoolean brokerDown = new AtomicBoolean(true);
        QuarkusMock.installMockForType(new RawDocumentPublisher(rawEmitter, new EventJson(json), config) {
            @Override
            public void publish(RawDocumentEvent event) {
                if (brokerDown.get()) {
                    throw new PublishFailedException(new TimeoutException("no acknowledgement"));
                }
                super.publish(event);
            }
        }, RawDocumentPublisher.class);
        return brokerDown;
    }

    @Test
    void whenTheBrokerDoesNotAcknowledgeTheSubmitIs503AndARetryPublishesOnce() {
        AtomicBoolean brokerDown = simulatedBrokerOutage();
        byte[] body = uniqueDocument();

        given().header("Authorization", SUBMIT).contentType("text/plain").body(body).when().post("/api/documents")
                .then().statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("Message broker unavailable"));
        assertEquals(0, raw.received().size());

        brokerDown.set(false);
        String id = submit(body, 202);
        assertEquals(1, raw.received().size(), "the retry publishes");
        assertEquals(id, submit(body, 200));
        assertEquals(1, raw.received().size(), "and only once");
    }

    @Test
    void aDocumentNobodyRetriesIsPublishedByTheSweep() throws Exception {
        AtomicBoolean brokerDown = simulatedBrokerOutage();
        byte[] body = uniqueDocument();
        given().header("Authorization", SUBMIT).contentType("text/plain").header("X-File-Name", "late.txt").body(body)
                .when().post("/api/documents").then().statusCode(503);
        assertThrows(PublishFailedException.class, () -> sweeper.sweep(Duration.ZERO), "still down: nothing is marked");

        brokerDown.set(false);
        assertEquals(1, sweeper.sweep(Duration.ZERO));
        assertEquals(1, raw.received().size());
        assertEquals("late.txt", json.readTree(raw.received().get(0).getPayload()).get("fileName").asText());
        assertEquals(0, sweeper.sweep(Duration.ZERO), "published once");
        submit(body, 200);
        assertEquals(1, raw.received().size());
    }

    @Test
    void whenMongoDbIsDownTheSubmitIs503AndARetryLaterSucceeds() throws Exception {
        byte[] body = uniqueDocument();
        try (AutoCloseable outage = mongo.outage()) {
            given().header("Authorization", SUBMIT).contentType("text/plain").body(body).when().post("/api/documents")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("title", equalTo("Database unavailable"));
            given().get("/q/health/ready").then().statusCode(503);
        }
        assertEquals(0, raw.received().size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        String id = submit(body, 202);
        assertEquals(id, submit(body, 200));
        assertEquals(1, raw.received().size(), "published once");
    }

    @Test
    void openApiIsPublishedWithTheBearerSchemeOnSubmit() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/documents'.post.security[0].bearer", notNullValue())
                .body("paths.'/api/documents'.get.security", nullValue())
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }
}
