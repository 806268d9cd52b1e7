package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Report;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The 2019 layout, a mixed layout and label variants (（1）/1、 numbering, group and item on one line). */
class TemplateLayoutTest {

    private final ReportTextParser parser = new ReportTextParser();

    private static String fixture(String name) throws IOException {
        try (InputStream in = TemplateLayoutTest.class.getResourceAsStream("/parsing/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertValue(String expected, Report report, String path) {
        BigDecimal v = report.value(path);
        assertNotNull(v, path);
        assertEquals(0, new BigDecimal(expected).compareTo(v), path + " = " + v);
    }

    @Test
    void reads2019Layout() throws IOException {
        Report report = parser.parse(fixture("layout-2019.txt"));
        assertEquals("2019", report.templateVersion());
        assertEquals(2020, report.year());
        assertEquals("北京市朝阳区人民政府", report.agency());
        assertEquals("county", report.administrativeLevel());
        assertEquals("2021-01-29", String.valueOf(report.publishedOn()));
        assertValue("120", report, "activeDisclosure.normativeDocuments.totalPublished");
        assertValue("-2", report, "activeDisclosure.licensing.change");
        assertValue("50", report, "activeDisclosure.otherManagementServices.decisions");
        assertValue("3", report, "activeDisclosure.fees.previousYearItems");
        assertValue("251000", report, "activeDisclosure.centralizedProcurement.amount");
        assertEquals("元", report.units().get("activeDisclosure.centralizedProcurement.amount"));
        assertEquals(ApplicationRow.rows(false).size(), report.applications().size());
        assertValue("1", report, "applications.otherHandling.total");
        assertFalse(report.applications().containsKey("otherOther"));
        assertValue("3", report, "applications.unavailableNotHeld.naturalPerson");
        assertValue("0", report, "applications.withheldAdministrativeQuery.total");
        assertValue("2", report, "reviewsAndLawsuits.review.total");
        assertNull(report.value("reviewsAndLawsuits.lawsuitDirect.upheld"));
        assertEquals("/", report.provenance().get("reviewsAndLawsuits.lawsuitDirect.upheld").rawText());
        assertTrue(report.extractionFindings().stream().noneMatch(f -> f.code().equals(Findings.UNREADABLE_TABLE)),
                report.extractionFindings().toString());
    }

    @Test
    void table2021WithSingleOtherHandlingRowIsMixed() throws IOException {
        String layout2019 = fixture("layout-2019.txt");
        String seed = ReportTextParserTest.text("000_f8a12ae11966356f");
        String table2021 = seed.substring(seed.indexOf("二、主动公开政府信息情况"), seed.indexOf("三、收到和处理"));
        String mixed = layout2019.substring(0, layout2019.indexOf("二、主动公开政府信息情况")) + table2021
                + layout2019.substring(layout2019.indexOf("三、收到和处理"));
        Report report = parser.parse(mixed);
        assertEquals("mixed", report.templateVersion());
        assertValue("27", report, "activeDisclosure.normativeDocuments.inForce");
        assertValue("1", report, "applications.otherHandling.naturalPerson");
    }

    @Test
    void aSentenceNamingARowDoesNotHideTheTableRow() throws IOException {
        String seed = ReportTextParserTest.text("002_e0ae7886d21f5780");
        String text = seed.replace("## 二、主动公开政府信息情况\n", "## 二、主动公开政府信息情况\n\n本年主动公开规范性文件 5 件\n");
        Report report = parser.parse(text);
        assertValue("3", report, "activeDisclosure.normativeDocuments.issued");
        assertValue("21", report, "activeDisclosure.normativeDocuments.inForce");
    }

    @Test
    void reportWithoutNationalTablesIsPre2019() {
        String text = """
                某某县人民政府2017年政府信息公开工作年度报告
                一、概述
                本年度主动公开政府信息1200条。
                二、主动公开政府信息情况
                政府信息公开情况统计表 指标名称 计量单位 本年度 历年累计
                三、依申请公开政府信息情况
                四、因政府信息公开申请行政复议、提起行政诉讼的情况
                五、存在的主要问题和改进措施
                六、其他需要报告的事项
                """;
        Report report = parser.parse(text);
        assertEquals("pre2019", report.templateVersion());
        assertTrue(report.applications().isEmpty());
        assertEquals("county", report.administrativeLevel());
    }
}
