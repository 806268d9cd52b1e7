package io.gongkai.extract.formats;

import io.gongkai.extract.formats.PdfRulings.Ruling;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A scanned page read the way a text page is: the page rendered and straightened ({@link ScanImage}), its tables'
 * ruling lines found in the image ({@link ImageRulings}) and erased, the rest recognised by Tesseract once with
 * word boxes, and the words turned into the lines and characters ({@link Glyph}) that the lattice reader places
 * into cells by their boxes ({@link PdfLatticeTables}). So a scanned table reads through the same grid as a
 * drawn one, instead of as OCR lines whose cell boundaries are lost. Coordinates are PDF units from the page's
 * top left, as PDFBox gives text positions.
 */
record ScannedPage(List<PositionedLine> lines, List<Glyph> glyphs, List<Ruling> rulings, double skew) {

    static final int DPI = 300;
    /** Page segmentation: automatic layout, which takes each cell of a ruled table (its lines erased) as a block. */
    static final int PSM = 3;

    static ScannedPage read(OcrEngine ocr, PDDocument pdf, int page) throws IOException {
        BufferedImage rendered = new PDFRenderer(pdf).renderImageWithDPI(page - 1, DPI, ImageType.GRAY);
        ScanImage scan = ScanImage.straightened(rendered);
        BufferedImage image = scan.image();
        List<ImageRulings.Line> found = ImageRulings.lines(scan.ink(), image.getWidth(), image.getHeight(), DPI);
        List<Ruling> rulings = ImageRulings.rulings(found, DPI);
        ImageRulings.erase(image, found);
        List<OcrEngine.Word> words = ocr.words(image, DPI, PSM, page);
        return of(page, words, rulings, DPI, scan.skew());
    }

    /**
     * The page's lines and characters from Tesseract's words: words of one Tesseract line share its baseline
     * (the line's bottom) and size (its height), so that a short character (一, 、) is not taken for a line of its
     * own; lines side by side (the cells of one table row) are one page line, top to bottom, each left to right.
     * A word's characters share its box evenly: a word that Tesseract ran across a cell boundary is split there.
     */
    static ScannedPage of(int page, List<OcrEngine.Word> words, List<Ruling> rulings, float dpi, double skew) {
        float k = 72f / dpi;
        Map<String, List<OcrEngine.Word>> byLine = new LinkedHashMap<>();
        for (OcrEngine.Word w : words) {
            byLine.computeIfAbsent(w.line(), x -> new ArrayList<>()).add(w);
        }
        List<OcrLine> ocrLines = new ArrayList<>();
        for (List<OcrEngine.Word> ws : byLine.values()) {
            int top = Integer.MAX_VALUE;
            int bottom = Integer.MIN_VALUE;
            for (OcrEngine.Word w : ws) {
                top = Math.min(top, w.top());
                bottom = Math.max(bottom, w.top() + w.height());
            }
            ocrLines.add(new OcrLine(ws, top * k, bottom * k));
        }
        ocrLines.sort(Comparator.comparingDouble(OcrLine::top));
        // Page lines: OCR lines that overlap vertically by half the shorter one's height.
        List<List<OcrLine>> pageLines = new ArrayList<>();
        float bandTop = 0;
        float bandBottom = 0;
        for (OcrLine l : ocrLines) {
            List<OcrLine> band = pageLines.isEmpty() ? null : pageLines.get(pageLines.size() - 1);
            float common = Math.min(bandBottom, l.bottom()) - Math.max(bandTop, l.top());
            if (band != null && common * 2 >= Math.min(bandBottom - bandTop, l.bottom() - l.top())) {
                band.add(l);
                bandTop = Math.min(bandTop, l.top());
                bandBottom = Math.max(bandBottom, l.bottom());
            } else {
                band = new ArrayList<>();
                band.add(l);
                pageLines.add(band);
                bandTop = l.top();
                bandBottom = l.bottom();
            }
        }
        List<PositionedLine> lines = new ArrayList<>(pageLines.size());
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < pageLines.size(); i++) {
            List<PositionedLine.Word> lineWords = new ArrayList<>();
            for (OcrLine l : pageLines.get(i)) {
                float size = Math.max(1f, l.bottom() - l.top());
                for (OcrEngine.Word w : l.words()) {
                    float x0 = w.left() * k;
                    float x1 = (w.left() + w.width()) * k;
                    lineWords.add(new PositionedLine.Word(w.text(), x0, x1));
                    int[] cps = w.text().codePoints().toArray();
                    float each = (x1 - x0) / cps.length;
                    for (int c = 0; c < cps.length; c++) {
                        glyphs.add(new Glyph(new String(cps, c, 1), x0 + c * each, l.bottom(), each, size, i));
                    }
                }
            }
            lineWords.sort(Comparator.comparingDouble(PositionedLine.Word::x0));
            lines.add(new PositionedLine(page, lineWords));
        }
        return new ScannedPage(lines, glyphs, rulings, skew);
    }

    private record OcrLine(List<OcrEngine.Word> words, float top, float bottom) {
    }
}
