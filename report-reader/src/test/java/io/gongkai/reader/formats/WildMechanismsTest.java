package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.reader.parsing.ReportTextParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/**
 * The mechanisms {@link WildVariantsTest} measures end to end, alone: rulings from dotted and dashed borders and from
 * cell spacing over a dark background, a one-cell layout table of running text, tables in an appendix, and a report
 * of the national format whose tables are not text.
 */
class WildMechanismsTest {

    private static List<PdfRulings.Ruling> rulings(DrawOn draw) throws IOException {
        try (PDDocument d = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                draw.on(cs);
            }
            return PdfRulings.of(page);
        }
    }

    interface DrawOn {
        void on(PDPageContentStream cs) throws IOException;
    }

    @Test
    void dotsInARowAreOneRuling() throws IOException {
        List<PdfRulings.Ruling> found = rulings(cs -> {
            for (float x = 100; x < 300; x += 1.5f) {
                cs.addRect(x, 500, 0.75f, 0.75f); // Chromium's dotted border: a filled square per dot
                cs.fill();
            }
            for (float y = 300; y < 450; y += 3f) {
                cs.addRect(200, y, 0.75f, 2.25f); // its dashed border: dashes in one path
            }
            cs.fill();
        });
        assertTrue(found.stream().anyMatch(r -> r.horizontal() && r.x0() <= 101 && r.x1() >= 298), found.toString());
        assertTrue(found.stream().anyMatch(r -> !r.horizontal() && r.y1() - r.y0() >= 145), found.toString());
        assertEquals(2, found.size(), found.toString());
    }

    @Test
    void scatteredSmallMarksAreNoRuling() throws IOException {
        List<PdfRulings.Ruling> found = rulings(cs -> {
            cs.addRect(100, 500, 0.75f, 0.75f);
            cs.addRect(110, 500, 0.75f, 0.75f); // too far apart to be a dotted line
            cs.addRect(120, 500, 0.75f, 0.75f);
            cs.addRect(200, 500, 0.75f, 0.75f);
            cs.addRect(201.5f, 500, 0.75f, 0.75f); // two dots only
            cs.fill();
        });
        assertEquals(List.of(), found);
    }

    @Test
    void lightCellsOverADarkBackgroundDrawTheirEdges() throws IOException {
        List<PdfRulings.Ruling> found = rulings(cs -> {
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.addRect(100, 400, 201, 101);
            cs.fill();
            cs.setNonStrokingColor(1f, 1f, 1f);
            cs.addRect(100.75f, 400.75f, 99.5f, 99.5f);
            cs.addRect(201f, 400.75f, 99.5f, 99.5f);
            cs.fill();
        });
        assertEquals(8, found.size(), found.toString());
        assertEquals(4, found.stream().filter(r -> !r.horizontal()).count());
    }

    @Test
    void whiteBoxesOnAPaperTintAreNoTable() throws IOException {
        List<PdfRulings.Ruling> found = rulings(cs -> {
            cs.setNonStrokingColor(1f, 0.97f, 0.88f); // a paper-coloured page background
            cs.addRect(0, 0, 595, 842);
            cs.fill();
            cs.setNonStrokingColor(1f, 1f, 1f);
            cs.addRect(100, 400, 100, 100);
            cs.fill();
        });
        assertEquals(List.of(), found);
    }

    @Test
    void aOneCellFrameOfParagraphsIsReadParagraphByParagraph() {
        String page = "<html><body><table border=1><tr><td><p>某某县人民政府2023年政府信息公开工作年度报告</p>"
                + "<p>一、总体情况</p><p>" + "本年度我县持续推进政务公开工作，".repeat(8) + "</p><p>二、主动公开政府信息情况</p>"
                + "<p><img src=t1.png></p></td></tr></table></body></html>";
        String text = new HtmlReader().read(page.getBytes(StandardCharsets.UTF_8)).text();
        assertTrue(text.contains("\n一、总体情况\n"), text);
        assertTrue(text.contains("\n二、主动公开政府信息情况\n"), text);
    }

    @Test
    void aSmallTableOfShortParagraphsStaysATable() {
        String page = "<html><body><table border=1><tr><td><p>三、本年度</p><p>办理结果</p></td><td><p>（一）予以公开</p></td>"
                + "<td>5</td></tr></table></body></html>";
        String text = new HtmlReader().read(page.getBytes(StandardCharsets.UTF_8)).text();
        assertTrue(text.contains("三、本年度办理结果\t（一）予以公开\t5"), text);
    }

    private static final String SECTIONS = """
            某某县人民政府办公室2023年政府信息公开工作年度报告
            一、总体情况
            本年度主动公开政府信息1200条。
            二、主动公开政府信息情况
            详见附表1。
            三、收到和处理政府信息公开申请情况
            详见附表2。
            四、政府信息公开行政复议、行政诉讼情况
            详见附表3。
            五、存在的主要问题及改进情况
            公开内容仍需丰富。
            六、其他需要报告的事项
            无。
            某某县人民政府办公室
            2024年1月20日
            """;

    @Test
    void tablesInAnAppendixAfterSectionSixAreRead() {
        String text = SECTIONS + """
                附件：统计表
                附表1
                第二十条第（一）项
                信息内容	本年制发件数	本年废止件数	现行有效件数
                规章	1	0	5
                行政规范性文件	3	1	20
                附表3
                行政复议	行政诉讼
                结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
                1	0	0	0	1	0	0	0	0	0	0	0	0	0	0
                """;
        Report report = new ReportTextParser().parse(text);
        assertEquals("2021", report.templateVersion());
        assertEquals(0, report.activeDisclosure().get("normativeDocuments").get("inForce").compareTo(java.math.BigDecimal.valueOf(20)));
        assertEquals(0, report.reviewsAndLawsuits().get("review").get("total").compareTo(java.math.BigDecimal.ONE));
        assertEquals("2024-01-20", String.valueOf(report.publishedOn()));
        // table 三 is in neither place: said so, not passed over
        assertTrue(report.extractionFindings().stream().anyMatch(f -> f.code().equals("UNREADABLE_TABLE")
                && f.paths().equals(List.of(Report.APPLICATIONS))), report.extractionFindings().toString());
    }

    @Test
    void aNationalFormatReportWithoutTableTextSaysSoInsteadOfPassingAsPre2019() {
        Report report = new ReportTextParser().parse(SECTIONS);
        assertEquals("2021", report.templateVersion());
        List<String> named = report.extractionFindings().stream().filter(f -> f.code().equals("UNREADABLE_TABLE"))
                .map(Finding::paths).flatMap(List::stream).toList();
        assertEquals(List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS), named);
    }
}
