package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Web pages that differ from the template: applicant columns printed in another order (总计 first),
 * 社会组织 for 社会公益组织, "1、" numbering, a typo in a row label, a blank cell, no charset declared
 * on a GB18030 page. Values are mapped by labels, not by position.
 */
class HtmlVariantsTest {

    private final ReportReader reader = new ReportReader(null, 500);

    /** Column order as printed: 总计, 自然人, 商业企业, 科研机构, 社会组织, 法律服务机构, 其他. */
    private static String page() {
        StringBuilder h = new StringBuilder("<html><body><div>某某市某某区人民政府2023年政府信息公开工作年度报告</div>"
                + "<p>一、总体情况</p><p>本年度共受理申请若干件。</p><p>二、主动公开政府信息情况</p>"
                + "<p>三、收到和处理政府信息公开申请情况</p><table>"
                + "<tr><td rowspan=3 colspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
                + "<td colspan=7>申请人情况</td></tr>"
                + "<tr><td rowspan=2>总计</td><td rowspan=2>自然<br>人</td><td colspan=5>法人或其他组织</td></tr>"
                + "<tr><td>商业<br>企业</td><td>科研机构</td><td>社会组织</td><td>法律服务机构</td><td>其他</td></tr>");
        int i = 0;
        for (ApplicationRow row : ApplicationRow.rows(true)) {
            i++;
            String label = row.label();
            if (row == ApplicationRow.WITHHELD_PROHIBITED_BY_LAW) {
                label = "（三）不予公开 2、其他法律行政止公开";
            }
            String[] parts = label.split(" ");
            h.append("<tr><td colspan=").append(parts.length == 2 ? 2 : 3).append('>').append(parts[0]).append("</td>");
            if (parts.length == 2) {
                h.append("<td>").append(parts[1].replace(".", "、")).append("</td>");
            }
            // total, naturalPerson, commercial, research, publicInterest (blank in row 3), legal, other
            h.append("<td>").append(i + 100).append("</td><td>").append(i).append("</td><td>100</td><td>0</td><td>")
                    .append(i == 3 ? "" : "0").append("</td><td>0</td><td>0</td></tr>");
        }
        h.append("</table><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>"
                + "<p>某某市某某区人民政府办公室</p><p>2024年1月19日</p></body></html>");
        return h.toString();
    }

    @Test
    void columnsAndRowsAreMappedByTheirLabels() {
        byte[] gb18030 = page().getBytes(Charset.forName("GB18030"));
        ReportReader.Result read = reader.read(gb18030);
        assertEquals(DocumentType.HTML, read.type());
        assertEquals("GB18030", read.encoding());
        Report report = read.report();
        assertEquals("某某市某某区人民政府", report.agency());
        assertEquals(2023, report.year());
        assertEquals("2024-01-19", String.valueOf(report.publishedOn()));
        int i = 0;
        for (ApplicationRow row : ApplicationRow.rows(true)) {
            i++;
            String p = "applications." + row.key() + ".";
            assertEquals(0, BigDecimal.valueOf(i).compareTo(report.value(p + "naturalPerson")), p + "naturalPerson");
            assertEquals(0, BigDecimal.valueOf(100).compareTo(report.value(p + "commercialEnterprise")), p + "commercialEnterprise");
            assertEquals(0, BigDecimal.valueOf(i + 100).compareTo(report.value(p + "total")), p + "total");
            if (i == 3) {
                assertNull(report.value(p + "publicInterestOrg"), "a blank cell is null, never 0");
            }
        }
        Provenance total = report.provenance().get("applications.newReceived.total");
        assertEquals(1, total.table());
        assertEquals(4, total.row());
        assertEquals(4, total.tableColumn(), "总计 is printed in the grid's 4th column");
        Provenance natural = report.provenance().get("applications.newReceived.naturalPerson");
        assertEquals(5, natural.tableColumn());
        assertTrue(report.extractionFindings().stream().anyMatch(f -> f.code().equals("TEMPLATE_DEVIATION")
                && f.paths().contains("applications.newReceived." + ApplicantColumn.PUBLIC_INTEREST_ORG.key())),
                "社会组织 for 社会公益组织 is reported: " + report.extractionFindings());
        List<String> keys = List.copyOf(report.applications().keySet());
        assertTrue(keys.contains(ApplicationRow.WITHHELD_PROHIBITED_BY_LAW.key()), "the row with a typo is found");
    }
}
