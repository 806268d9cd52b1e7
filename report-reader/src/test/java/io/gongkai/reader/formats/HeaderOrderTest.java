package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import java.math.BigDecimal;
import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
import io.gongkai.reader.formats.render.RenderedReport.Paragraph;
import io.gongkai.reader.formats.render.RenderedReport.Table;
import io.gongkai.reader.formats.render.RenderedReport.TableCell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables 二 and 四 printing their columns in another order than the template, as a web page and as a Word
 * file: values are placed by the headers that name their columns (and, in table 四, by the group cells above
 * them).
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

    private static List<TableCell> row(String... texts) {
        return java.util.Arrays.stream(texts).map(TableCell::of).toList();
    }

    /**
     * Table 二's first block prints 现行有效件数 first; the one-column blocks span three columns. Table 四 prints
     * 总计 first under 行政复议, 复议后起诉 before 未经复议直接起诉, and 尚未审结 first in each lawsuit group.
     */
    private static RenderedReport report() {
        List<List<TableCell>> table2 = new ArrayList<>();
        table2.add(List.of(new TableCell("第二十条第（一）项", 1, 4)));
        table2.add(row("信息内容", "现行有效件数", "本年制发件数", "本年废止件数"));
        table2.add(row("规章", "3", "1", "2"));
        table2.add(row("行政规范性文件", "6", "4", "5"));
        String[][] blocks = {{"第二十条第（五）项", "本年处理决定数量", "行政许可", "7"},
                {"第二十条第（六）项", "本年处理决定数量", "行政处罚", "8", "行政强制", "9"},
                {"第二十条第（八）项", "本年收费金额（单位：万元）", "行政事业性收费", "10.5"}};
        for (String[] b : blocks) {
            table2.add(List.of(new TableCell(b[0], 1, 4)));
            table2.add(List.of(TableCell.of("信息内容"), new TableCell(b[1], 1, 3)));
            for (int i = 2; i < b.length; i += 2) {
                table2.add(List.of(TableCell.of(b[i]), new TableCell(b[i + 1], 1, 3)));
            }
        }
        List<List<TableCell>> table4 = new ArrayList<>();
        table4.add(List.of(new TableCell("行政复议", 1, 5), new TableCell("行政诉讼", 1, 10)));
        table4.add(List.of(new TableCell("总计", 2, 1), new TableCell("结果维持", 2, 1), new TableCell("结果纠正", 2, 1),
                new TableCell("其他结果", 2, 1), new TableCell("尚未审结", 2, 1), new TableCell("复议后起诉", 1, 5),
                new TableCell("未经复议直接起诉", 1, 5)));
        table4.add(row("尚未审结", "结果维持", "结果纠正", "其他结果", "总计", "尚未审结", "结果维持", "结果纠正", "其他结果", "总计"));
        table4.add(row("10", "1", "2", "3", "4", "12", "9", "10", "11", "42", "8", "5", "6", "7", "26"));
        double[] four = {2, 1, 1, 1};
        double[] fifteen = new double[15];
        java.util.Arrays.fill(fifteen, 1);
        return new RenderedReport(List.of(new Paragraph("某某县人民政府2024年政府信息公开工作年度报告"),
                new Paragraph("一、总体情况"), new Paragraph("本年度工作有序开展。"),
                new Paragraph("二、主动公开政府信息情况"), new Table(table2, four),
                new Paragraph("三、收到和处理政府信息公开申请情况"), new Paragraph("本年度未收到申请。"),
                new Paragraph("四、政府信息公开行政复议、行政诉讼情况"), new Table(table4, fifteen),
                new Paragraph("五、存在的主要问题及改进情况"), new Paragraph("无。"),
                new Paragraph("六、其他需要报告的事项"), new Paragraph("本年度未收取信息处理费。"),
                new Paragraph("某某县人民政府办公室"), new Paragraph("2025年1月20日")));
    }

    private Report read(String format) throws IOException {
        byte[] bytes = format.equals("html") ? HtmlRenderer.render(report(), StandardCharsets.UTF_8) : DocxRenderer.render(report());
        ReportReader.Result read = reader.read(bytes);
        assertEquals(format.equals("html") ? DocumentType.HTML : DocumentType.DOCX, read.type());
        return read.report();
    }

    @ParameterizedTest
    @ValueSource(strings = {"html", "docx"})
    void valuesArePlacedByTheHeadersThatNameTheirColumns(String format) throws IOException {
        Report report = read(format);
        EXPECTED.forEach((path, value) -> assertEquals(0, new BigDecimal(value).compareTo(report.value(path)),
                format + " " + path + " = " + report.value(path)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"html", "docx"})
    void provenanceNamesTheGridColumnTheValueWasPrintedIn(String format) throws IOException {
        Report report = read(format);
        Provenance inForce = report.provenance().get("activeDisclosure.rules.inForce");
        assertEquals(2, inForce.tableColumn(), "现行有效件数 is the grid's 2nd column");
        assertEquals("3", inForce.rawText());
        Provenance reviewTotal = report.provenance().get("reviewsAndLawsuits.review.total");
        assertEquals(inForce.table() + 1, reviewTotal.table(), "table 四 is the next table");
        assertEquals(1, reviewTotal.tableColumn(), "行政复议 总计 is printed first");
        Provenance directPending = report.provenance().get("reviewsAndLawsuits.lawsuitDirect.pending");
        assertEquals(11, directPending.tableColumn(), "未经复议直接起诉 is the last group, 尚未审结 its first column");
        assertEquals("8", directPending.rawText());
    }
}
