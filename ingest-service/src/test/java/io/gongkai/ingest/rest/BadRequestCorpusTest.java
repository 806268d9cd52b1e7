package io.gongkai.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.gongkai.testsupport.OutcomeTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus at the front door: each hostile or malformed request, the answer a client must get (a 4xx
 * problem+json naming the problem, or acceptance with the value made harmless), and what it got. Prints the table.
 */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted-status,validated-status"),
        @ResourceArg(name = "outgoing", value = "raw")})
class BadRequestCorpusTest {

    static final OutcomeTable TABLE = new OutcomeTable("Bad requests at the front door (ingest-service, HTTP)");
    private static final String SUBMIT = "Bearer test-submit-token";

    @AfterAll
    static void print() {
        TABLE.print();
    }

    private static RequestSpecification submitter() {
        return given().header("Authorization", SUBMIT);
    }

    private static byte[] unique() {
        return ("二〇二三年政府信息公开工作年度报告 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends, asserts a problem+json answer of this status whose title names the problem, records the row. */
    private static void refused(String input, int status, String title, Function<RequestSpecification, Response> send) {
        Response r = send.apply(given());
        String got = r.statusCode() + " " + r.contentType() + " " + r.jsonPath().getString("title");
        TABLE.add(input, status + " problem+json “" + title + "”", got);
        assertEquals(status, r.statusCode(), input + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), input + ": " + r.contentType());
        assertEquals(title, r.jsonPath().getString("title"), input);
        assertNotNull(r.jsonPath().getString("detail"), input);
    }

    /** Sends a submission that must be accepted; returns the document view the front door then shows. */
    private static io.restassured.path.json.JsonPath accepted(String input, String expected, Function<RequestSpecification, Response> send) {
        Response r = send.apply(submitter());
        assertEquals(202, r.statusCode(), input + ": " + r.asString());
        String id = r.jsonPath().getString("documentId");
        io.restassured.path.json.JsonPath view = given().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
        TABLE.add(input, expected, r.statusCode() + " " + view.getString("status") + " fileName=" + view.getString("fileName"));
        return view;
    }

    @Test
    void emptyAndOversizeBodies() {
        refused("empty body", 400, "Empty document",
                s -> s.header("Authorization", SUBMIT).contentType("text/plain").body(new byte[0]).post("/api/documents"));
        refused("body above gongkai.upload.max-bytes (1 MB in tests)", 413, "Document too large",
                s -> s.header("Authorization", SUBMIT).contentType("application/pdf").body(new byte[1_000_001]).post("/api/documents"));
        refused("multipart upload above the limit", 413, "Document too large",
                s -> s.header("Authorization", SUBMIT).multiPart("file", "big.pdf", new byte[1_000_001], "application/pdf")
                        .post("/api/documents"));
        refused("multipart form without a file field", 400, "Missing file",
                s -> s.header("Authorization", SUBMIT).multiPart("sourceUrl", "http://a.gov.cn/").post("/api/documents"));
        io.restassured.path.json.JsonPath oneByte = accepted("one-byte body", "202, read later (extract decides)",
                s -> s.contentType("text/plain").body(new byte[] {(byte) (UUID.randomUUID().hashCode() | 1)}).post("/api/documents"));
        assertNotNull(oneByte.getString("documentId"));
    }

    @Test
    void contentTypesAreHintsTheBytesDecide() {
        accepted("wrong Content-Type (text sent as application/pdf)", "202, type detected from bytes",
                s -> s.contentType("application/pdf").body(unique()).post("/api/documents"));
        accepted("Content-Type application/x-msdownload", "202, type detected from bytes",
                s -> s.contentType("application/x-msdownload").body(unique()).post("/api/documents"));
        Response missing = submitter().body(unique()).post("/api/documents");
        TABLE.add("missing Content-Type", "202 or 415 problem+json", missing.statusCode() + " " + missing.contentType());
        assertTrue(missing.statusCode() == 202 || missing.statusCode() == 415 && missing.contentType().startsWith("application/problem+json"),
                missing.asString());
    }

    @Test
    void fileNamesAreNeverPaths() {
        String name = accepted("X-File-Name ../../etc/passwd", "202, name kept as passwd",
                s -> s.contentType("text/plain").header("X-File-Name", "../../etc/passwd").body(unique()).post("/api/documents"))
                .getString("fileName");
        assertEquals("passwd", name);
        name = accepted("X-File-Name ..\\..\\windows\\win.ini (percent-encoded)", "202, name kept as win.ini",
                s -> s.contentType("text/plain").header("X-File-Name", "..%5C..%5Cwindows%5Cwin.ini").body(unique()).post("/api/documents"))
                .getString("fileName");
        assertEquals("win.ini", name);
        name = accepted("X-File-Name with control characters and U+202E (percent-encoded)", "202, controls dropped",
                s -> s.contentType("text/plain").header("X-File-Name", "re%00po%0D%0Art%E2%80%AEfdp.exe").body(unique()).post("/api/documents"))
                .getString("fileName");
        assertEquals("reportfdp.exe", name);
        name = accepted("X-File-Name of 1000 characters", "202, name cut to 255",
                s -> s.contentType("text/plain").header("X-File-Name", "a".repeat(996) + ".pdf").body(unique()).post("/api/documents"))
                .getString("fileName");
        assertEquals(255, name.length());
        name = accepted("X-File-Name '..'", "202, no name",
                s -> s.contentType("text/plain").header("X-File-Name", "..").body(unique()).post("/api/documents"))
                .getString("fileName");
        assertEquals(null, name);
        name = accepted("multipart file name ../../x.pdf", "202, name kept as x.pdf",
                s -> s.multiPart("file", "../../x.pdf", unique(), "application/pdf").post("/api/documents")).getString("fileName");
        assertEquals("x.pdf", name);
    }

    @Test
    void malformedMetadataHeaders() {
        for (String value : new String[] {"yesterday", "2024-13-45T99:00:00Z", "1700000000", "2024-03-01 08:00"}) {
            refused("X-Fetched-At " + value, 400, "Bad X-Fetched-At",
                    s -> s.header("Authorization", SUBMIT).header("X-Fetched-At", value).contentType("text/plain").body(unique())
                            .post("/api/documents"));
        }
        for (String value : new String[] {"javascript:alert(1)", "not a url", "file:///etc/passwd", "http://" + "a".repeat(2100) + ".cn/",
                "//no-scheme.gov.cn/x"}) {
            refused("X-Source-Url " + (value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value),
                    400, "Bad X-Source-Url", s -> s.header("Authorization", SUBMIT).header("X-Source-Url", value)
                            .contentType("text/plain").body(unique()).post("/api/documents"));
        }
        refused("form field fetchedAt=tomorrow", 400, "Bad X-Fetched-At",
                s -> s.header("Authorization", SUBMIT).multiPart("file", "a.txt", unique(), "text/plain")
                        .multiPart("fetchedAt", "tomorrow").post("/api/documents"));
    }

    @Test
    void queryValuesNeverBecomeOperators() {
        long all = given().get("/api/documents").then().statusCode(200).extract().jsonPath().getLong("total");
        for (String agency : new String[] {"{\"$gt\": \"\"}", "{\"$ne\": null}", "{\"$regex\": \".*\"}", "'; return true; var x='"}) {
            long total = given().queryParam("agency", agency).get("/api/documents").then().statusCode(200).extract().jsonPath().getLong("total");
            TABLE.add("agency=" + agency, "200, matched literally (0 documents)", "200 total=" + total);
            assertEquals(0, total, agency);
        }
        long total = given().queryParam("agency[$ne]", "x").get("/api/documents").then().statusCode(200).extract().jsonPath().getLong("total");
        TABLE.add("agency[$ne]=x", "200, unknown parameter ignored (no filter)", "200 total=" + total + " of " + all);
        assertEquals(all, total);
        refused("status={\"$gt\": \"\"}", 400, "Unknown status",
                s -> s.queryParam("status", "{\"$gt\": \"\"}").get("/api/documents"));
        refused("year={\"$gt\": 0}", 400, "Bad year", s -> s.queryParam("year", "{\"$gt\": 0}").get("/api/documents"));
        refused("year=abc", 400, "Bad year", s -> s.queryParam("year", "abc").get("/api/documents"));
        refused("page=-1", 400, "Bad paging", s -> s.queryParam("page", "-1").get("/api/documents"));
        refused("size=100000", 400, "Bad paging", s -> s.queryParam("size", "100000").get("/api/documents"));
        refused("document id {\"$ne\":1} (percent-encoded)", 404, "Document not found",
                s -> s.urlEncodingEnabled(false).get("/api/documents/%7B%22%24ne%22%3A1%7D"));
        refused("document id of 3000 characters", 404, "Document not found",
                s -> s.get("/api/documents/" + "a".repeat(3000)));
    }

    @Test
    void credentialsThatAreNotBearerTokens() {
        refused("Authorization: Bearer (empty)", 401, "Unauthorized",
                s -> s.header("Authorization", "Bearer ").contentType("text/plain").body(unique()).post("/api/documents"));
        refused("Authorization: Basic dXNlcjpwYXNz", 401, "Unauthorized",
                s -> s.header("Authorization", "Basic dXNlcjpwYXNz").contentType("text/plain").body(unique()).post("/api/documents"));
        refused("Authorization: Bearer <10 kB token>", 401, "Unauthorized",
                s -> s.header("Authorization", "Bearer " + "x".repeat(10_000)).contentType("text/plain").body(unique()).post("/api/documents"));
        refused("read token submitting", 403, "Forbidden",
                s -> s.header("Authorization", "Bearer test-read-token").contentType("text/plain").body(unique()).post("/api/documents"));
        Response r = given().header("Authorization", "Bearer test-submit-token\u0000admin").contentType("text/plain").body(unique())
                .post("/api/documents");
        TABLE.add("token with an embedded NUL", "4xx", r.statusCode() + " " + r.contentType());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500);
        assertFalse(r.asString().contains("test-submit-token"), "a token is never echoed");
    }
}
