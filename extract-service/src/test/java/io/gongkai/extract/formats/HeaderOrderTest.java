package io.gongkai.extract.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tables 二 and 四 of a web page printing their columns in another order than the template: values are
 * placed by the headers that name their columns (and, in table 四, by the group cells above them).
 */
class HeaderOrderTest {

    private final ReportReader reader = new ReportReader(null, 500);

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("activeDisclosure.rules.issued", "1"), Map.entry("activeDisclosure.rules.repealed", "2"),
            Map.entry("activeDisclosure.rules.inForce", "3"), Map.entry("activeDisclosure.normativeDocuments.issued", "4"),
            Map.entry("activeDisclosure.normativeDocuments.repealed", "5"),
            Map.entry("activeDisclosure.normativeDocuments.inForce", "6"), Map.entry("activeDisclosure.licensing.decisions", "7"),
            Map.entry("activeDisclosure.punishment.decisions", "8"), Map.entry("activeDisclosure.enforcement.decisions", "9"),
            Map.entry("activeDisclosure.fees.amountTenThousandYuan", "10.5"),
            Map.entry("reviewsAndLawsuits.review.upheld", "1"), Map.entry("reviewsAndLawsuits.review.corrected", "2"),
            Map.entry("reviewsAndLawsuits.review.other", "3"), Map.entry("reviewsAndLawsuits.review.pending", "4"),
            Map.entry("reviewsAndLawsuits.review.total", "10"),
            Map.entry("reviewsAndLawsuits.lawsuitDirect.upheld", "5"), Map.entry("reviewsAndLawsuits.lawsuitDirect.corrected", "6"),
            Map.entry("reviewsAndLawsuits.lawsuitDirect.other", "7"), Map.entry("reviewsAndLawsuits.lawsuitDirect.pending", "8"),
            Map.entry("reviewsAndLawsuits.lawsuitDirect.total", "26"),
            Map.entry("reviewsAndLawsuits.lawsuitAfterReview.upheld", "9"),
            Map.entry("reviewsAndLawsuits.lawsuitAfterReview.corrected", "10"),
            Map.entry("reviewsAndLawsuits.lawsuitAfterReview.other", "11"),
            Map.entry("reviewsAndLawsuits.lawsuitAfterReview.pending", "12"),
            Map.entry("reviewsAndLawsuits.lawsuitAfterReview.total", "42"));

    /**
     * Table 二's first block prints 现行有效件数 first; the one-column blocks span three columns. Table 四 prints
     * 总计 first under 行政复议, 复议后起诉 before 未经复议直接起诉, and 尚未审结 first in each lawsuit group.
     */
    private static String page() {
        String block = "<tr><td colspan=4>%s</td></tr><tr><td>信息内容</td><td colspan=3>%s</td></tr>";
        String lawsuit = "<td>尚未<br>审结</td><td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td><td>总计</td>";
        return "<html><head><meta charset=utf-8><title>某某县人民政府2024年政府信息公开工作年度报告</title></head><body>"
                + "<h1>某某县人民政府2024年政府信息公开工作年度报告</h1>"
                + "<p>一、总体情况</p><p>本年度工作有序开展。</p>"
                + "<p>二、主动公开政府信息情况</p><table border=1>"
                + "<tr><td colspan=4>第二十条第（一）项</td></tr>"
                + "<tr><td>信息内容</td><td>现行有效件数</td><td>本年制发件数</td><td>本年废止件数</td></tr>"
                + "<tr><td>规章</td><td>3</td><td>1</td><td>2</td></tr>"
                + "<tr><td>行政规范性文件</td><td>6</td><td>4</td><td>5</td></tr>"
                + block.formatted("第二十条第（五）项", "本年处理决定数量")
                + "<tr><td>行政许可</td><td colspan=3>7</td></tr>"
                + block.formatted("第二十条第（六）项", "本年处理决定数量")
                + "<tr><td>行政处罚</td><td colspan=3>8</td></tr><tr><td>行政强制</td><td colspan=3>9</td></tr>"
                + block.formatted("第二十条第（八）项", "本年收费金额（单位：万元）")
                + "<tr><td>行政事业性收费</td><td colspan=3>10.5</td></tr></table>"
                + "<p>三、收到和处理政府信息公开申请情况</p><p>本年度未收到申请。</p>"
                + "<p>四、政府信息公开行政复议、行政诉讼情况</p><table border=1>"
                + "<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
                + "<tr><td rowspan=2>总计</td><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td>"
                + "<td rowspan=2>尚未审结</td><td colspan=5>复议后起诉</td><td colspan=5>未经复议直接起诉</td></tr>"
                + "<tr>" + lawsuit + lawsuit + "</tr>"
                + "<tr><td>10</td><td>1</td><td>2</td><td>3</td><td>4</td>"
                + "<td>12</td><td>9</td><td>10</td><td>11</td><td>42</td>"
                + "<td>8</td><td>5</td><td>6</td><td>7</td><td>26</td></tr></table>"
                + "<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>"
                + "<p>某某县人民政府办公室</p><p>2025年1月20日</p></body></html>";
    }

    @Test
    void valuesArePlacedByTheHeadersThatNameTheirColumns() {
        Report report = reader.read(page().getBytes(StandardCharsets.UTF_8)).report();
        EXPECTED.forEach((path, value) -> assertEquals(0, new BigDecimal(value).compareTo(report.value(path)),
                path + " = " + report.value(path)));
    }

    @Test
    void provenanceNamesTheGridColumnTheValueWasPrintedIn() {
        Report report = reader.read(page().getBytes(StandardCharsets.UTF_8)).report();
        Provenance inForce = report.provenance().get("activeDisclosure.rules.inForce");
        assertEquals(1, inForce.table());
        assertEquals(2, inForce.tableColumn(), "现行有效件数 is the grid's 2nd column");
        assertEquals("3", inForce.rawText());
        Provenance reviewTotal = report.provenance().get("reviewsAndLawsuits.review.total");
        assertEquals(2, reviewTotal.table());
        assertEquals(1, reviewTotal.tableColumn(), "行政复议 总计 is printed first");
        Provenance directPending = report.provenance().get("reviewsAndLawsuits.lawsuitDirect.pending");
        assertEquals(11, directPending.tableColumn(), "未经复议直接起诉 is the last group, 尚未审结 its first column");
        assertEquals("8", directPending.rawText());
    }
}
