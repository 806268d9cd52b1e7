package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import io.gongkai.model.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The five seed reports, read exactly as their hand-checked expectations say. */
class ReportTextParserTest {

    /** Maven runs tests in the module directory; the seeds live at the repository root. */
    static final Path SAMPLES = Path.of("..", "samples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReportTextParser parser = new ReportTextParser();

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static String text(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name + ".txt"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsMetadataAsExpected(String name) throws IOException {
        JsonNode expected = JSON.readTree(SAMPLES.resolve(name + ".expected.json").toFile()).get("report");
        Report report = parser.parse(text(name));
        assertEquals(expected.get("agency").asText(), report.agency(), name + " agency");
        assertEquals(expected.get("year").asInt(), report.year(), name + " year");
        assertEquals(expected.get("administrativeLevel").asText(), report.administrativeLevel(), name + " level");
        JsonNode published = expected.get("publishedOn");
        if (published == null || published.isNull()) {
            assertNull(report.publishedOn(), name + " publishedOn");
        } else {
            assertEquals(published.asText(), String.valueOf(report.publishedOn()), name + " publishedOn");
        }
        assertEquals(expected.get("templateVersion").asText(), report.templateVersion(), name + " templateVersion");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsEveryCellAsExpected(String name) throws IOException {
        JsonNode expected = JSON.readTree(SAMPLES.resolve(name + ".expected.json").toFile()).get("report");
        Report report = parser.parse(text(name));
        List<String> wrong = new ArrayList<>();
        for (String table : List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS)) {
            JsonNode rows = expected.get(table);
            Map<String, Map<String, BigDecimal>> actual = report.table(table);
            assertEquals(names(rows), actual.keySet(), name + " " + table + " row keys");
            for (Iterator<String> r = rows.fieldNames(); r.hasNext(); ) {
                String row = r.next();
                JsonNode fields = rows.get(row);
                assertEquals(names(fields), actual.get(row).keySet(), name + " " + table + "." + row + " field keys");
                for (Iterator<String> f = fields.fieldNames(); f.hasNext(); ) {
                    String field = f.next();
                    JsonNode want = fields.get(field);
                    BigDecimal got = actual.get(row).get(field);
                    String path = table + "." + row + "." + field;
                    boolean same = want.isNull() ? got == null : got != null && want.decimalValue().compareTo(got) == 0;
                    if (!same) {
                        wrong.add(path + ": expected " + want + " got " + got + " " + report.provenance().get(path));
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), name + " cells differ:\n" + String.join("\n", wrong));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyCellHasProvenancePointingAtItsText(String name) throws IOException {
        String text = text(name);
        List<String> lines = text.lines().toList();
        Report report = parser.parse(text);
        for (Map.Entry<String, BigDecimal> cell : report.cells().entrySet()) {
            Provenance p = report.provenance().get(cell.getKey());
            assertNotNull(p, name + " provenance of " + cell.getKey());
            assertNotNull(p.line(), name + " line of " + cell.getKey());
            assertNotNull(p.rawText(), name + " raw text of " + cell.getKey());
            assertTrue(p.line() >= 1 && p.line() <= lines.size(), name + " line in range " + cell.getKey());
            assertTrue(lines.get(p.line() - 1).contains(p.rawText()),
                    name + " " + cell.getKey() + " line " + p.line() + " contains '" + p.rawText() + "'");
            if (cell.getValue() != null) {
                assertEquals(0, cell.getValue().compareTo(new BigDecimal(p.rawText().strip())),
                        name + " " + cell.getKey() + " value matches its raw text");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void reportsNoErrorOrWarningTheExpectationDoesNotList(String name) throws IOException {
        JsonNode findings = JSON.readTree(SAMPLES.resolve(name + ".expected.json").toFile()).get("findings");
        Set<String> listed = new HashSet<>();
        for (String kind : List.of("required", "allowed")) {
            for (JsonNode f : findings.get(kind)) {
                listed.add(f.get("code").asText());
            }
        }
        Report report = parser.parse(text(name));
        for (Finding f : report.extractionFindings()) {
            assertTrue(Set.of(Findings.TEMPLATE_DEVIATION, Findings.UNREADABLE_TABLE).contains(f.code()), f.toString());
            if (f.severity() != Severity.info) {
                assertTrue(listed.contains(f.code()), name + " unexpected " + f);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void findsTheSixSections(String name) throws IOException {
        Report report = parser.parse(text(name));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), report.sections().stream().map(Section::number).toList(), name);
        for (Section s : report.sections()) {
            assertTrue(s.startLine() <= s.endLine(), name + " " + s.heading());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void headingsMisreadByOcrAreFoundByTheirLikenessToTheFormats(String name) throws IOException {
        // What Tesseract made of two seeds' scans: the 、 lost, a character misread (幵 for 开, 越 for 题), spaces.
        String misread = text(name).replace("二、主动公开政府信息情况", "二 、 主 动 公 幵 政 府 信息 情况")
                .replace("五、存在的主要问题及改进情况", "五 存在 的 主要 问越 及 改进 情况");
        assertTrue(!misread.equals(text(name)), name + " prints the format's headings");
        Report report = parser.parse(misread);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), report.sections().stream().map(Section::number).toList(), name);
    }

    @Test
    void seed002FlagsTheRenamedColumnAsDeviation() throws IOException {
        Report report = parser.parse(text("002_e0ae7886d21f5780"));
        assertTrue(report.extractionFindings().stream().anyMatch(f -> f.code().equals(Findings.TEMPLATE_DEVIATION)
                && f.paths().contains("applications.newReceived.publicInterestOrg") && f.message().contains("社会组织")),
                report.extractionFindings().toString());
    }

    @Test
    void seed004FlagsTheTypoLabel() throws IOException {
        Report report = parser.parse(text("004_ca1fd1482ab00037"));
        assertTrue(report.extractionFindings().stream().anyMatch(f -> f.code().equals(Findings.TEMPLATE_DEVIATION)
                && f.paths().contains("applications.withheldProhibitedByLaw.total")
                && f.message().contains("其他法律法规禁止公开")), report.extractionFindings().toString());
    }

    @Test
    void flattenedCellsAreUnreadableNotGuessed() throws IOException {
        String text = text("000_f8a12ae11966356f").replace("行政规范性文件 6 2 27", "行政规范性文件6227");
        Report report = parser.parse(text);
        assertNull(report.value("activeDisclosure.normativeDocuments.issued"));
        assertNull(report.value("activeDisclosure.normativeDocuments.inForce"));
        assertTrue(report.extractionFindings().stream().anyMatch(f -> f.code().equals(Findings.UNREADABLE_TABLE)
                && f.severity() == Severity.error && f.paths().contains("activeDisclosure.normativeDocuments.issued")),
                report.extractionFindings().toString());
    }

    @Test
    void blankMarkersAndTextCellsAreNull() throws IOException {
        String text = text("002_e0ae7886d21f5780")
                .replace("规章\t0\t0\t0", "规章\t/\t—\t无")
                .replace("行政许可\t0\t\t", "行政许可\t不详\t\t");
        Report report = parser.parse(text);
        for (String f : List.of("issued", "repealed", "inForce")) {
            assertNull(report.value("activeDisclosure.rules." + f), f);
        }
        assertEquals("—", report.provenance().get("activeDisclosure.rules.repealed").rawText());
        assertNull(report.value("activeDisclosure.licensing.decisions"));
        assertEquals("不详", report.provenance().get("activeDisclosure.licensing.decisions").rawText());
    }

    @Test
    void aTextCellInTableFoursValuesRowIsNullInItsPlaceNotTheWholeRow() throws IOException {
        // An OCR misread (a 1 read as 工) or a 不详 where a figure belongs: that cell is no number, the other
        // fourteen keep their columns.
        String text = text("002_e0ae7886d21f5780").replace("\n1\t0\t0\t0\t1\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n",
                "\n工\t0\t0\t0\t1\t1\t0\t0\t不详\t1\t0\t0\t0\t0\t0\n");
        Report report = parser.parse(text);
        assertNull(report.value("reviewsAndLawsuits.review.upheld"));
        assertEquals("工", report.provenance().get("reviewsAndLawsuits.review.upheld").rawText());
        assertNull(report.value("reviewsAndLawsuits.lawsuitDirect.pending"));
        assertEquals(new BigDecimal("1"), report.value("reviewsAndLawsuits.review.total"));
        assertEquals(new BigDecimal("1"), report.value("reviewsAndLawsuits.lawsuitDirect.upheld"));
        assertEquals(new BigDecimal("1"), report.value("reviewsAndLawsuits.lawsuitDirect.total"));
        assertEquals(new BigDecimal("0"), report.value("reviewsAndLawsuits.lawsuitAfterReview.total"));
        assertTrue(report.extractionFindings().stream().noneMatch(f -> f.code().equals("UNREADABLE_TABLE")),
                report.extractionFindings().toString());
    }

    @Test
    void negativeAndFractionalCountsAreReadAsPrinted() throws IOException {
        String text = text("002_e0ae7886d21f5780").replace("行政规范性文件\t3\t3\t21", "行政规范性文件\t-3\t1.5\t21.0");
        Report report = parser.parse(text);
        assertEquals(0, new BigDecimal("-3").compareTo(report.value("activeDisclosure.normativeDocuments.issued")));
        assertEquals(new BigDecimal("1.5"), report.value("activeDisclosure.normativeDocuments.repealed"));
        assertEquals(new BigDecimal("21"), report.value("activeDisclosure.normativeDocuments.inForce"));
    }

    @Test
    void theEndOfAStatisticsPeriodWrappedOntoALineIsNoDateOfPublication() {
        String text = """
                某某县人民政府办公室
                2023年政府信息公开工作年度报告
                本报告中所列数据的统计时限为2023年1月1日至
                2023年12月31日。
                一、总体情况
                本机关全年主动公开政府信息若干条。
                二、主动公开政府信息情况
                三、收到和处理政府信息公开申请情况
                四、政府信息公开行政复议、行政诉讼情况
                五、存在的主要问题及改进情况
                一是公开平台建设仍需加强。
                二是政策解读的质量仍需提升。
                三是队伍专业化水平仍需提高。
                六、其他需要报告的事项
                本机关本年度未收取信息处理费。
                """;
        assertNull(parser.parse(text).publishedOn(), "a PDF's line wrap is no signature");
    }

    @Test
    void readsChineseNumeralDatesAndYears() {
        String text = """
                某某市教育局二〇二三年政府信息公开工作年度报告
                一、总体情况
                略。
                二、主动公开政府信息情况
                三、收到和处理政府信息公开申请情况
                四、政府信息公开行政复议、行政诉讼情况
                五、存在的主要问题及改进情况
                六、其他需要报告的事项
                无。
                某某市教育局
                二〇二四年一月十九日
                """;
        Report report = parser.parse(text);
        assertEquals(2023, report.year());
        assertEquals("2024-01-19", String.valueOf(report.publishedOn()));
        assertEquals("某某市教育局", report.agency());
        assertEquals("city", report.administrativeLevel());
        // A 2023 report is in the national format: its tables, absent from the text, are said to be unread.
        assertEquals("2021", report.templateVersion());
        assertEquals(3, report.extractionFindings().stream().filter(f -> f.code().equals("UNREADABLE_TABLE")).count());
    }

    @Test
    void emptyTextIsNotAReport() {
        assertThrows(NotAReportException.class, () -> parser.parse(""));
        assertThrows(NotAReportException.class, () -> parser.parse(null));
    }

    @Test
    void whitespaceIsNotAReport() {
        assertThrows(NotAReportException.class, () -> parser.parse(" \n\t\r\n\u3000  \n"));
    }

    @Test
    void chineseProseIsNotAReport() {
        String prose = """
                春节前夕，市长走访慰问了部分困难群众，详细了解他们的生产生活情况。
                他强调，各级各部门要把群众冷暖放在心上，切实做好保障工作。
                据悉，今年全市共发放慰问金1200万元，惠及群众3万余户。
                一、坚持以人民为中心
                二、持续改善民生
                """;
        NotAReportException e = assertThrows(NotAReportException.class, () -> parser.parse(prose));
        assertTrue(e.getMessage().contains("年度报告") && e.getMessage().contains("not an annual report"), e.getMessage());
    }

    @Test
    void newsAboutAReportIsNotAReport() {
        String news = """
                我市发布2023年政府信息公开工作年度报告
                记者从市政府办公室获悉，我市近日在政府网站发布了2023年政府信息公开工作年度报告，全年主动公开政府信息1万余条。
                """;
        assertThrows(NotAReportException.class, () -> parser.parse(news));
    }

    @Test
    void randomBytesAreNotAReport() {
        Random random = new Random(42);
        TextDecoder decoder = new TextDecoder();
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[1 + random.nextInt(20000)];
            random.nextBytes(bytes);
            String text = decoder.decode(bytes).text();
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                try {
                    parser.parse(text);
                    fail("random bytes read as a report");
                } catch (NotAReportException expected) {
                    // the only acceptable outcome
                }
            });
        }
    }

    @Test
    void pathologicalInputFailsCleanlyAndFast() {
        String longLine = "一".repeat(200_000) + "1".repeat(100_000) + "\t".repeat(50_000);
        String manyLines = "0\n".repeat(100_000);
        String tableOnly = "三、收到和处理政府信息公开申请情况\n" + "（七）总计 ".repeat(20_000);
        for (String text : List.of(longLine, manyLines, tableOnly)) {
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(NotAReportException.class, () -> parser.parse(text)));
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new java.util.LinkedHashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
    @Test
    void tableTwoWhoseHeadingAndFirstGroupCellAreLostStartsAtItsFirstBlockHeader() throws IOException {
        // OCR can drop section 二's heading and garble the group cell above the first block (第二十条第（一）项 read as
        // 二条入(一)项): the block's header 信息内容 still starts the table.
        String text = text("004_ca1fd1482ab00037").replace("## 二、主动公开政府信息情况", "")
                .replace("第二十条第（一）项", "二条入(一)项");
        Report report = new ReportTextParser().parse(text, null, true);
        assertEquals(new BigDecimal("407"), report.activeDisclosure().get("normativeDocuments").get("issued"));
        assertEquals(new BigDecimal("12"), report.activeDisclosure().get("rules").get("issued"));
    }
}
