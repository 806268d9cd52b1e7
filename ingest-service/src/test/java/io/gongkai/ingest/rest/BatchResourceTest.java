package io.gongkai.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/documents/batch}: many form parts, a zip part, a zip body; one answer item per file in order; the
 * limits of the whole request (413 problem+json, nothing published) and of each file (its own problem). The test
 * profile's limits: 1 000 000 bytes a file, 20 files and 3 000 000 bytes a batch, ratio 100.
 */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted-status,validated-status"),
        @ResourceArg(name = "outgoing", value = "raw")})
class BatchResourceTest {

    private static final String SUBMIT = "Bearer test-submit-token";
    private static final String BATCH = "/api/documents/batch";

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<String> raw;

    @BeforeEach
    void clearSink() {
        raw = connector.sink("raw");
        raw.clear();
    }

    private static byte[] uniqueDocument() {
        return ("二〇二三年政府信息公开工作年度报告 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of these entries in order, names written in {@code charset} (UTF-8 flagged, or GBK unflagged as Windows does). */
    private static byte[] zip(Map<String, byte[]> entries, Charset charset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, charset)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return zip(entries, StandardCharsets.UTF_8);
    }

    private static JsonPath postZip(byte[] zip, int expectedStatus) {
        return given().header("Authorization", SUBMIT).contentType("application/zip").body(zip)
                .when().post(BATCH).then().statusCode(expectedStatus).extract().jsonPath();
    }

    @Test
    void formPartsAndAZipPartAreAnsweredOneItemPerFileInOrder() throws IOException {
        Map<String, byte[]> inZip = new LinkedHashMap<>();
        inZip.put("2023/河南/获嘉县.txt", uniqueDocument());
        inZip.put("2023/empty-folder/", new byte[0]);
        inZip.put("../../etc/passwd", uniqueDocument());
        JsonPath answer = given().header("Authorization", SUBMIT)
                .multiPart("file", "first.txt", uniqueDocument(), "text/plain")
                .multiPart("file", "reports.zip", zip(inZip), "application/octet-stream")
                .multiPart("file", "last.html", "<html><body>报告</body></html>".getBytes(StandardCharsets.UTF_8), "text/html")
                .when().post(BATCH).then().statusCode(200).contentType("application/json")
                .body("items", hasSize(4)).body("accepted", equalTo(4)).body("refused", equalTo(0))
                .extract().jsonPath();
        assertEquals(List.of("first.txt", "获嘉县.txt", "passwd", "last.html"), answer.getList("items.fileName"));
        assertEquals("2023/河南/获嘉县.txt", answer.getString("items[1].entry"));
        assertEquals("../../etc/passwd", answer.getString("items[2].entry"), "shown as given, stored by its last segment");
        assertEquals(List.of("RECEIVED", "RECEIVED", "RECEIVED", "RECEIVED"), answer.getList("items.status"));
        assertEquals(java.util.Set.of("fileName", "entry", "documentId", "status", "created"),
                answer.getMap("items[1]").keySet(), "the documented fields, no more");
        assertEquals(4, raw.received().size(), "each file published once");
        String id = answer.getString("items[1].documentId");
        given().get("/api/documents/" + id).then().statusCode(200).body("fileName", equalTo("获嘉县.txt"));
    }

    @Test
    void theSameBytesGetTheSameIdInABatchAndAcrossSubmits() throws IOException {
        byte[] doc = uniqueDocument();
        String single = given().header("Authorization", SUBMIT).contentType("text/plain").body(doc)
                .when().post("/api/documents").then().statusCode(202).extract().path("documentId");
        JsonPath answer = postZip(zip(Map.of("a.txt", doc)), 200);
        assertEquals(single, answer.getString("items[0].documentId"));
        assertEquals(false, answer.getBoolean("items[0].created"));
        assertEquals(1, answer.getInt("duplicates"));

        byte[] other = uniqueDocument();
        JsonPath twice = given().header("Authorization", SUBMIT).multiPart("file", "x.txt", other, "text/plain")
                .multiPart("file", "y.txt", other, "text/plain").when().post(BATCH).then().statusCode(200).extract().jsonPath();
        assertEquals(twice.getString("items[0].documentId"), twice.getString("items[1].documentId"));
        assertEquals(List.of(true, false), twice.getList("items.created"));
        assertEquals(2, raw.received().size(), "the single submit and the new file of the form; duplicates publish nothing");
    }

    @Test
    void eachFileThatCannotBeAcceptedHasItsOwnProblemAndTheOthersGoIn() throws IOException {
        byte[] random = new byte[1_000_001];
        new Random(7).nextBytes(random); // incompressible: too large, not a bomb
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ok.txt", uniqueDocument());
        entries.put("empty.txt", new byte[0]);
        entries.put("big.pdf", random);
        entries.put("bomb.txt", new byte[2_000_000]); // zeros: ~1000:1
        entries.put("inner/nested.zip", zip(Map.of("x.txt", uniqueDocument())));
        entries.put("__MACOSX/._ok.txt", new byte[] {0, 5, 22, 7});
        JsonPath answer = postZip(zip(entries), 200);
        assertEquals(List.of("ok.txt", "empty.txt", "big.pdf", "bomb.txt", "nested.zip", "._ok.txt"), answer.getList("items.fileName"));
        assertEquals(List.of(400, 413, 413, 422, 422), answer.getList("items.problem.status"), "the refused five, in order");
        assertEquals("Empty document", answer.getString("items[1].problem.title"));
        assertEquals("Document too large", answer.getString("items[2].problem.title"));
        assertEquals("Compression ratio too high", answer.getString("items[3].problem.title"));
        assertEquals("Nested archive not expanded", answer.getString("items[4].problem.title"));
        assertEquals("Not a document", answer.getString("items[5].problem.title"));
        assertEquals(1, answer.getInt("accepted"));
        assertEquals(5, answer.getInt("refused"));
        assertEquals(1, raw.received().size(), "only the readable document is published");
    }

    @Test
    void anEntryInflatingPastItsDeclaredSizeIsCutOffAndRefused() throws IOException {
        byte[] doc = ("政府信息公开 " + "一二三四五六七八九十".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        byte[] zip = zip(Map.of("liar.txt", doc));
        // The central directory says 100 bytes (a bomb's trick): the reader stops there.
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = zip.length - 22; i >= 0; i--) {
            if (b.getInt(i) == 0x02014b50) {
                b.putInt(i + 24, 100);
                break;
            }
        }
        JsonPath answer = postZip(zip, 200);
        assertEquals("Unreadable archive entry", answer.getString("items[0].problem.title"));
        assertEquals(0, raw.received().size());
    }

    @Test
    void gbkNamesOfAWindowsZipAreRead() throws IOException {
        JsonPath answer = postZip(zip(Map.of("洪泽区2023年政府信息公开工作年度报告.txt", uniqueDocument()), Charset.forName("GBK")), 200);
        assertEquals("洪泽区2023年政府信息公开工作年度报告.txt", answer.getString("items[0].fileName"));
        assertEquals(1, raw.received().size());
    }

    @Test
    void aBatchAboveTheRequestLimitsIsRefusedWholeAndNothingIsSubmitted() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("r" + i + ".txt", uniqueDocument());
        }
        given().header("Authorization", SUBMIT).contentType("application/zip").body(zip(many)).when().post(BATCH)
                .then().statusCode(413).contentType("application/problem+json").body("title", equalTo("Too many files"))
                .body("detail", containsString("20"));

        Map<String, byte[]> heavy = new LinkedHashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 4; i++) {
            byte[] part = new byte[900_000];
            random.nextBytes(part);
            heavy.put("h" + i + ".pdf", part);
        }
        given().header("Authorization", SUBMIT).contentType("application/zip").body(zip(heavy)).when().post(BATCH)
                .then().statusCode(413).contentType("application/problem+json").body("title", equalTo("Batch too large"))
                .body("detail", containsString("3000000"));
        assertEquals(0, raw.received().size());
    }

    @Test
    void badBatchRequestsAreProblems() {
        given().header("Authorization", SUBMIT).contentType("application/zip").body("not a zip".getBytes(StandardCharsets.UTF_8))
                .when().post(BATCH).then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Unreadable archive"));
        given().header("Authorization", SUBMIT).multiPart("sourceUrl", "http://example.gov.cn/").when().post(BATCH)
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Empty batch"));
        given().contentType("application/zip").body(new byte[] {1}).when().post(BATCH).then().statusCode(401);
        given().header("Authorization", "Bearer test-read-token").multiPart("file", "a.txt", uniqueDocument(), "text/plain")
                .when().post(BATCH).then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, raw.received().size());
    }

    @Test
    void theBatchOperationsAreDocumentedWithTheBearerScheme() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/documents/batch'.post.security[0].bearer", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/documents/batch'.post.responses.'413'.description", containsString("max-files"));
    }
}
