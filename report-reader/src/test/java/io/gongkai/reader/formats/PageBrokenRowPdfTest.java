package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Ruled tables whose rows a page break cuts: Word lets a row break across pages, and LibreOffice, exporting the Word
 * file to PDF, prints the first lines of a wrapped label (with the row's values) at the foot of one page and the rest
 * of the label, a row of text only, at the head of the next. The seeds as Word files, with 0 to 14 empty paragraphs
 * before table 三 so that the page break falls at every height of its rows, exported by LibreOffice: every cell of the
 * three tables reads back, and the row's label is whole (no finding about it). Skipped, saying why, without soffice.
 */
class PageBrokenRowPdfTest {

    private static final Path DIR = Path.of("target", "page-broken-rows").toAbsolutePath();
    private static final List<String> SEEDS = List.of("000_f8a12ae11966356f", "002_e0ae7886d21f5780");
    private static final int MAX_SHIFT = 14;

    @Test
    void aLabelCutByThePageBreakIsJoinedAndEveryCellReadsBack() throws Exception {
        assumeTrue(LibreOffice.installed(), "soffice (apt-get install libreoffice-writer-nogui) absent: skipped");
        Path sources = Files.createDirectories(DIR.resolve("docx"));
        List<Path> docx = new ArrayList<>();
        for (String seed : SEEDS) {
            RenderedReport doc = RenderingsTest.rendered(seed);
            for (int shift = 0; shift <= MAX_SHIFT; shift++) {
                Path file = sources.resolve(seed + "-" + shift + ".docx");
                Files.write(file, DocxRenderer.render(shifted(doc, shift)));
                docx.add(file);
            }
        }
        Path pdfs = Files.createDirectories(DIR.resolve("pdf"));
        LibreOffice.convert(DIR.resolve("soffice-profile"), docx, "pdf", null, pdfs);

        ReportReader reader = new ReportReader(null, 500);
        List<String> problems = new ArrayList<>();
        int cut = 0;
        for (String seed : SEEDS) {
            ExpectedReport expected = ExpectedReport.load(ExpectedReport.SAMPLES, seed);
            for (int shift = 0; shift <= MAX_SHIFT; shift++) {
                Path pdf = pdfs.resolve(seed + "-" + shift + ".pdf");
                assertTrue(Files.isRegularFile(pdf), "soffice made no " + pdf);
                byte[] bytes = Files.readAllBytes(pdf);
                if (opensAPageWithALabelFragment(bytes)) {
                    cut++;
                }
                Report report = reader.read(bytes).report();
                for (String d : expected.differences(report)) {
                    if (d.contains(": expected")) {
                        problems.add(seed + " +" + shift + ": " + d);
                    }
                }
                for (Finding f : report.extractionFindings()) {
                    if (f.paths().stream().anyMatch(path -> path.startsWith(Report.APPLICATIONS + "."))) {
                        problems.add(seed + " +" + shift + ": " + f.code() + " " + f.message());
                    }
                }
            }
        }
        // The point of the test: some of these PDFs do cut a row of table 三 inside its label.
        assertTrue(cut >= 3, "only " + cut + " PDFs open a page inside table 三 with the rest of a label");
        assertEquals(List.of(), problems);
        System.out.println("PageBrokenRowPdfTest: " + cut + " of " + SEEDS.size() * (MAX_SHIFT + 1)
                + " PDFs open a page inside table 三 with the rest of a cut label; every cell read");
    }

    /** The report with {@code shift} empty paragraphs before its second table (三). */
    private static RenderedReport shifted(RenderedReport doc, int shift) {
        List<RenderedReport.Block> blocks = new ArrayList<>();
        int tables = 0;
        for (RenderedReport.Block b : doc.blocks()) {
            if (b instanceof RenderedReport.Table && ++tables == 2) {
                for (int i = 0; i < shift; i++) {
                    blocks.add(new RenderedReport.Paragraph("\u3000"));
                }
            }
            blocks.add(b);
        }
        return new RenderedReport(blocks);
    }

    /**
     * Whether a page after the one where table 三 starts, and before table 四's heading, opens with a line of text
     * without a figure or an item number of its own (1. （六） 一、): the rest of a label a page break cut.
     */
    private static boolean opensAPageWithALabelFragment(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            boolean inTable = false;
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (lines.isEmpty()) {
                    continue;
                }
                String first = lines.get(0);
                if (inTable && !first.contains("四、") && first.chars().noneMatch(Character::isDigit)
                        && !first.matches("^[（(]?[一二三四五六七八九十]{1,3}[）)、].*")) {
                    return true;
                }
                if (text.contains("四、政府信息公开行政复议")) {
                    return false;
                }
                inTable |= text.contains("三、收到和处理");
            }
            return false;
        }
    }
}
