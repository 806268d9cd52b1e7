package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.reader.formats.render.PdfRenderer;
import io.gongkai.reader.parsing.ReportTextParser;
import io.gongkai.model.Report;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seed rendered as a text PDF, rasterised into an image-only PDF (a scan) and read back through Tesseract:
 * the year is read, and every value that differs from the text's has a finding on its cell
 * (OCR may misread, but never silently). About 20 s per document, so two seeds only; skipped without
 * tesseract (chi_sim) or the CJK font.
 */
class ScannedRenderingsTest {

    private final OcrEngine ocr = new OcrEngine("tesseract");

    @ParameterizedTest
    @ValueSource(strings = {"000_f8a12ae11966356f", "004_ca1fd1482ab00037"})
    void aScanIsReadByOcrAndEveryDoubtfulValueIsFlagged(String name) throws IOException {
        assumeTrue(ocr.available(), "tesseract with chi_sim is not installed: OCR rendering skipped");
        Path font = PdfRenderer.font().orElse(null);
        assumeTrue(font != null, "no CJK TrueType font (apt-get install fonts-wqy-zenhei): PDF rendering skipped");
        byte[] scan = PdfRenderer.scan(PdfRenderer.render(RenderingsTest.rendered(name), font), 300);
        ReportReader.Result read = new ReportReader(ocr, 500).read(scan);
        assertEquals(DocumentType.PDF, read.type());
        Report got = read.report();
        ExpectedReport.writeResult(RenderingsTest.RESULTS.resolve("scan"), name, got);
        JsonNode expected = ExpectedReport.load(ExpectedReport.SAMPLES, name).report();
        // The agency is not asserted: OCR of the title may drop or split characters (004 reads 河曲县).
        assertEquals(expected.get("year").asInt(), got.year(), name + " year");
        assertTrue(got.extractionFindings().stream().anyMatch(f -> f.code().equals(OcrEngine.OCR_USED)), "OCR is reported");
        Report want = new ReportTextParser().parse(RenderingsTest.seedText(name));
        List<String> silent = new ArrayList<>();
        int right = 0;
        for (Map.Entry<String, BigDecimal> cell : want.cells().entrySet()) {
            BigDecimal g = got.cells().get(cell.getKey());
            boolean same = cell.getValue() == null ? g == null : g != null && g.compareTo(cell.getValue()) == 0;
            boolean flagged = got.extractionFindings().stream().anyMatch(f -> f.paths().contains(cell.getKey()));
            right += same ? 1 : 0;
            if (!same && !flagged) {
                silent.add(cell.getKey() + ": expected " + cell.getValue() + " got " + g);
            }
        }
        System.out.println(name + " scanned at 300 dpi: " + right + "/" + want.cells().size() + " cells right; findings "
                + got.extractionFindings().stream().map(f -> f.code()).filter(c -> !c.startsWith("OCR_")).toList());
        assertTrue(silent.isEmpty(), name + " OCR values differ without a finding:\n" + String.join("\n", silent));
    }
}
