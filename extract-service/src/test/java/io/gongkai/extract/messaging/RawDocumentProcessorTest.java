package io.gongkai.extract.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.ReplaceOptions;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.RawDocumentEvent;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import io.gongkai.model.divisions.Divisions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** reports.raw in, reports.extracted out, with the in-memory connector and a MongoDB-protocol server holding the blobs. */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "raw"),
        @ResourceArg(name = "outgoing", value = "extracted")})
class RawDocumentProcessorTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MongoClient mongo;

    @Inject
    ObjectMapper json;

    private InMemorySink<Record<String, String>> extracted;

    @BeforeEach
    void clear() {
        extracted = connector.sink("extracted");
        extracted.clear();
    }

    private RawDocumentEvent store(byte[] bytes, String documentId) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        // as ingest-service's BlobStore stores a small blob: bytes inline, by _id
        mongo.getDatabase("gongkai-ingest").getCollection("raw.blobs").replaceOne(new Document("_id", sha),
                new Document("_id", sha).append("size", (long) bytes.length).append("declaredContentType", "text/plain")
                        .append("chunks", 0).append("data", new Binary(bytes)),
                new ReplaceOptions().upsert(true));
        return event(documentId, sha, bytes.length);
    }

    private static RawDocumentEvent event(String documentId, String sha, long size) {
        return new RawDocumentEvent(documentId, sha, size, "x.txt", "text/plain", null, null, Instant.now());
    }

    private ExtractedEvent send(RawDocumentEvent raw) throws Exception {
        int before = extracted.received().size();
        connector.source("raw").send(json.writeValueAsString(raw));
        await().atMost(Duration.ofSeconds(20)).until(() -> extracted.received().size() > before);
        Record<String, String> out = extracted.received().get(before).getPayload();
        assertEquals(raw.documentId(), out.key(), "events are keyed by document id");
        return json.readValue(out.value(), ExtractedEvent.class);
    }

    @Test
    void aSampleReportIsExtracted() throws Exception {
        ExtractedEvent out = send(store(Files.readAllBytes(Path.of("../samples/004_ca1fd1482ab00037.txt")), "doc-004"));
        assertEquals(ExtractedEvent.EXTRACTED, out.status(), String.valueOf(out.error()));
        assertEquals("UTF-8", out.encoding());
        assertEquals("text/plain", out.detectedType());
        assertEquals("河曲县人民政府办公室", out.report().agency());
        assertEquals(0, out.report().value("applications.totalHandled.total").compareTo(new java.math.BigDecimal(29)));
    }

    @Test
    void theSourceUrlHostNamesTheAgencyWhenTheDocumentDoesNot() throws Exception {
        Assumptions.assumeTrue(Divisions.get().available(), Divisions.ABSENT);
        byte[] bytes = ("2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我县认真贯彻落实《条例》。\n二、主动公开政府信息情况\n"
                + "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
                + "六、其他需要报告的事项\n无。\n").getBytes(StandardCharsets.UTF_8);
        RawDocumentEvent stored = store(bytes, "doc-host");
        RawDocumentEvent raw = new RawDocumentEvent(stored.documentId(), stored.sha256(), stored.size(), "x.txt", "text/plain",
                "https://www.huojia.gov.cn/zwgk/ndbg/1.html", null, Instant.now());
        ExtractedEvent out = send(raw);
        assertEquals(ExtractedEvent.EXTRACTED, out.status(), String.valueOf(out.error()));
        assertEquals("获嘉县人民政府", out.report().agency());
        assertEquals("county", out.report().administrativeLevel());
        assertEquals("获嘉县", out.report().region().county());
        assertEquals("sourceUrl", out.report().agencyResolution().source());
    }

    @Test
    void aMissingBlobEndsFailedWithTheReason() throws Exception {
        ExtractedEvent out = send(event("doc-missing", "0".repeat(64), 10));
        assertEquals(ExtractedEvent.FAILED, out.status());
        assertTrue(out.error().contains("missing"), out.error());
        assertNull(out.report());
    }

    @Test
    void aPdfIsRecognisedByItsBytesWhateverTheClientSaid() throws Exception {
        ExtractedEvent out = send(store("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1), "doc-pdf"));
        assertEquals(ExtractedEvent.FAILED, out.status());
        assertEquals("application/pdf", out.detectedType());
        assertNotNull(out.error());
    }

    @Test
    void aNonReportEndsFailedWithTheReason() throws Exception {
        ExtractedEvent out = send(store("今天天气很好，我们去公园散步。".getBytes(StandardCharsets.UTF_8), "doc-prose"));
        assertEquals(ExtractedEvent.FAILED, out.status());
        assertTrue(out.error() != null && !out.error().isBlank());
    }

    @Test
    void aPoisonMessageIsRefusedAndTheNextOneIsStillProcessed() throws Exception {
        connector.source("raw").send("{not json");
        ExtractedEvent out = send(store(Files.readAllBytes(Path.of("../samples/002_e0ae7886d21f5780.txt")), "doc-002"));
        assertEquals(ExtractedEvent.EXTRACTED, out.status(), String.valueOf(out.error()));
        assertEquals(1, extracted.received().size(), "the poison message produced no event");
    }
}
