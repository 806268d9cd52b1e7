package io.gongkai.reader.formats;

import io.gongkai.reader.formats.PdfRulings.Ruling;
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
record ScannedPage(List<PositionedLine> lines, List<Glyph> glyphs, List<Ruling> rulings, double skew, BufferedImage image,
        int threshold) {

    static final int DPI = 300;
    /** Page segmentation: automatic layout, which takes each cell of a ruled table (its lines erased) as a block. */
    static final int PSM = 3;

    /** The page read through its grid; when the image shows no ruled table, its text as lines. */
    static ScannedPage read(OcrEngine ocr, PDDocument pdf, int page) throws IOException {
        BufferedImage rendered = new PDFRenderer(pdf).renderImageWithDPI(page - 1, DPI, ImageType.GRAY);
        ScanImage scan = ScanImage.straightened(rendered);
        BufferedImage image = scan.image();
        List<ImageRulings.Line> candidates = ImageRulings.candidates(scan.ink(), image.getWidth(), image.getHeight(), DPI);
        List<ImageRulings.Line> found = ImageRulings.lines(candidates, DPI);
        List<Ruling> rulings = ImageRulings.rulings(found, DPI);
        if (Lattice.tables(rulings).isEmpty()) {
            // No ruled table: the straightened page's text as lines (psm 4 keeps a row of an unruled table on one).
            return new ScannedPage(unpositioned(page, ocr.recognise(image, page - 1)), List.of(), List.of(), scan.skew(),
                    image, scan.threshold());
        }
        ImageRulings.erase(image, ImageRulings.withNeighbours(found, candidates, DPI));
        List<OcrEngine.Word> words = ocr.words(image, DPI, PSM, page);
        return of(page, words, rulings, DPI, scan.skew(), image, scan.threshold());
    }

    /**
     * The page's lines and characters from Tesseract's words: words of one Tesseract line share its baseline
     * (the line's bottom) and size (its height), so that a short character (一, 、) is not taken for a line of its
     * own; lines side by side (the cells of one table row) are one page line, top to bottom, each left to right.
     * A word's characters share its box evenly: a word that Tesseract ran across a cell boundary is split there.
     */
    static ScannedPage of(int page, List<OcrEngine.Word> words, List<Ruling> rulings, float dpi, double skew,
            BufferedImage image, int threshold) {
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
                float size = Math.max(1f, l.typicalHeight() * k);
                for (OcrEngine.Word w : l.words()) {
                    float x0 = w.left() * k;
                    float x1 = (w.left() + w.width()) * k;
                    lineWords.add(new PositionedLine.Word(w.text(), x0, x1));
                    // A box of the line's typical height about the word's middle: the baseline of a short
                    // character (一, 、, a digit) is then its line's, and each word stays in its own table row
                    // even where Tesseract ran one line across two rows.
                    float baseline = (w.top() + w.height() / 2f) * k + size / 2;
                    int[] cps = w.text().codePoints().toArray();
                    float each = (x1 - x0) / cps.length;
                    for (int c = 0; c < cps.length; c++) {
                        glyphs.add(new Glyph(new String(cps, c, 1), x0 + c * each, baseline - size * 0.15f, each, size, i));
                    }
                }
            }
            lineWords.sort(Comparator.comparingDouble(PositionedLine.Word::x0));
            lines.add(new PositionedLine(page, lineWords));
        }
        return new ScannedPage(lines, glyphs, rulings, skew, image, threshold);
    }

    /**
     * Reads the cells of the tables' value columns again, each cut out on its own: on the whole page Tesseract
     * takes a digit printed against a cell's border for part of a character (0 read as 仆, 中) or drops whole
     * columns of them. Every cell of one grid column with little or no text is read again (one Tesseract process
     * for all of a page's cells; blank cells are not sent). A cell's own reading replaces the page's
     * where it is a number; elsewhere the page's stands (a misread that is no number stays no number: the cell
     * comes out blank with a finding, never a wrong figure).
     */
    void rereadValueCells(OcrEngine ocr, int page, List<PdfLatticeTables.PageTable> tables) throws IOException {
        // Cells of one text line are read as a line (psm 7: a lone digit is not taken for punctuation), taller
        // ones as a block of lines (psm 6: wrapped labels).
        List<List<BufferedImage>> crops = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<int[]>> where = List.of(new ArrayList<>(), new ArrayList<>()); // table, cell
        float px = DPI / 72f;
        for (int t = 0; t < tables.size(); t++) {
            PdfLatticeTables.PageTable table = tables.get(t);
            for (int i = 0; i < table.lattice().cells().size(); i++) {
                Lattice.Cell c = table.lattice().cells().get(i);
                BufferedImage crop = crop(c, px);
                if (crop != null && inked(crop)) {
                    int kind = c.y1() - c.y0() <= ONE_LINE ? 0 : 1;
                    // A cell the page read as a few characters at most (a figure, or nothing) is read at a figure's best
                    // size; a label at the scan's own (smaller characters lose their strokes).
                    crops.get(kind).add(short_(table.texts()[i]) ? toGlyphHeight(crop) : crop);
                    where.get(kind).add(new int[] {t, i});
                }
            }
        }
        List<int[]> readAgain = new ArrayList<>();
        List<BufferedImage> lastTry = new ArrayList<>();
        List<int[]> lastTryWhere = new ArrayList<>();
        for (int kind = 0; kind < 2; kind++) {
            List<String> read = ocr.texts(crops.get(kind), DPI, kind == 0 ? 7 : 6, page);
            for (int k = 0; k < read.size(); k++) {
                String number = number(read.get(k));
                int[] w = where.get(kind).get(k);
                String[] texts = tables.get(w[0]).texts();
                if (number == null && number(texts[w[1]]) != null && short_(read.get(k))) {
                    // The page read a figure where the cell's own short reading is none (0四): the page's stands
                    // (checked by the table's identities like any other); a label read in full is kept.
                    number = number(texts[w[1]]);
                }
                texts[w[1]] = number != null ? number : likelierText(texts[w[1]], read.get(k));
                // A cell of a column of labels that read as nothing or a mark is a label OCR lost, not a figure: read
                // with digits only, its numbering (5.属于…) would become one.
                boolean mayBe = !inColumnOfLabels(tables.get(w[0]), w[1])
                        && (mayBeAFigure(read.get(k)) || (short_(read.get(k)) && amongFigures(tables.get(w[0]), w[1])));
                if (number != null || mayBe) {
                    readAgain.add(w);
                }
                if (number == null && mayBe) {
                    lastTry.add(crops.get(kind).get(k));
                    lastTryWhere.add(w);
                }
            }
        }
        // Every cell that read as a figure, or may be one (nothing, punctuation only, a digit or Latin letter with a
        // stray mark: D, 0四; or a short reading where figures stand), is read twice more with only digits allowed,
        // at a small size (its figures 10-11 px high): once in grey, once thresholded. Downscaling averages the
        // scanner's grain and the threshold's ragged edges away; grey keeps the strokes of a sharp scan, the threshold
        // those of a blurred one (whose grey Tesseract reads as nothing). The figure two of the three readings
        // agree on stands, else the grey one, else the thresholded one, else the first. Measured on the cells of a
        // published report's table 三 (7-8 pt print at 200 dpi, 147 cells): tilted 0.3° 120 → 144 right (14 → 3
        // wrong), tilted 1.5° and blurred 59 → 106 (33 → 23 wrong). A cell of words never comes here, so a label
        // cannot turn into a number.
        List<BufferedImage> grey = new ArrayList<>();
        List<BufferedImage> thresholded = new ArrayList<>();
        for (int[] w : readAgain) {
            Lattice.Cell c = tables.get(w[0]).lattice().cells().get(w[1]);
            BufferedImage binary = crop(c, px, true);
            int h = tallestComponent(binary);
            grey.add(scaled(crop(c, px, false), h, GREY_FIGURE_PX));
            thresholded.add(scaled(binary, h, THRESHOLDED_FIGURE_PX));
        }
        List<String> fromGrey = ocr.digits(grey, DPI, 7, page);
        List<String> fromThresholded = ocr.digits(thresholded, DPI, 7, page);
        for (int k = 0; k < readAgain.size(); k++) {
            int[] w = readAgain.get(k);
            String[] texts = tables.get(w[0]).texts();
            String number = likeliestFigure(number(fromGrey.get(k)), number(fromThresholded.get(k)), number(texts[w[1]]));
            if (number != null) {
                texts[w[1]] = number;
            }
        }
        // What is still no figure is read with digits only at the thresholded cell's size (a clean lone 1 of a
        // large print that the small grey reading loses).
        List<BufferedImage> still = new ArrayList<>();
        List<int[]> stillWhere = new ArrayList<>();
        for (int k = 0; k < lastTry.size(); k++) {
            int[] w = lastTryWhere.get(k);
            if (number(tables.get(w[0]).texts()[w[1]]) == null) {
                still.add(lastTry.get(k));
                stillWhere.add(w);
            }
        }
        List<String> last = ocr.digits(still, DPI, 7, page);
        for (int k = 0; k < last.size(); k++) {
            String number = number(last.get(k));
            if (number != null) {
                int[] w = stillWhere.get(k);
                tables.get(w[0]).texts()[w[1]] = number;
            }
        }
    }

    /**
     * Of the page's reading of a cell of words and the cell's own, the one with fewer marks that are no part of
     * Chinese text (Latin letters, strokes, symbols: {@code |7计} for 总计); on a tie the cell's own. A narrow cell
     * of two lines (总/计) can read worse on its own than on the page, where the layout analysis saw its lines.
     */
    static String likelierText(String page, String own) {
        return stray(page) < stray(own) ? page : own;
    }

    private static long stray(String s) {
        return s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isIdeographic(c) && !Character.isDigit(c)
                && "()（）、，。.“”\"：:；;-—".indexOf(c) < 0).count();
    }

    /**
     * Whether a short OCR reading (at most 3 characters) may be a misread figure: no letter or digit at all
     * (punctuation, strokes, nothing), or a digit or Latin letter with at most one Chinese character beside it.
     */
    static boolean mayBeAFigure(String text) {
        String s = text.strip();
        if (s.length() > 3) {
            return false;
        }
        long ideographs = s.codePoints().filter(c -> Character.isIdeographic(c)).count();
        boolean figureLike = s.codePoints().anyMatch(c -> Character.isDigit(c) || (c < 128 && Character.isLetter(c)));
        return s.codePoints().noneMatch(Character::isLetterOrDigit) || (figureLike && ideographs <= 1);
    }

    /** At most 3 characters besides spaces: a figure misread, not a label (labels of value rows are longer). */
    private static boolean short_(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).count() <= 3;
    }

    /**
     * Whether the cell stands where figures stand: its grid column and its row each hold figures in at least two
     * other cells (a value cell of table 三; a header cell's row holds none), or its row holds at least four figures
     * and no cell of more than 3 characters (a values row without a label, table 四's). A label of a value row is
     * in a column of labels.
     */
    static boolean amongFigures(PdfLatticeTables.PageTable table, int index) {
        List<Lattice.Cell> cells = table.lattice().cells();
        Lattice.Cell me = cells.get(index);
        int inColumn = 0;
        int inRow = 0;
        boolean wordsInRow = false;
        for (int i = 0; i < cells.size(); i++) {
            Lattice.Cell c = cells.get(i);
            if (i == index) {
                continue;
            }
            boolean figure = number(table.texts()[i]) != null;
            if (c.column() == me.column() && c.colSpan() == 1 && c.row() != me.row() && figure) {
                inColumn++;
            }
            if (c.row() == me.row() && c.rowSpan() == 1) {
                inRow += figure ? 1 : 0;
                wordsInRow |= !figure && !short_(table.texts()[i]);
            }
        }
        return (inColumn >= 2 && inRow >= 2) || (inRow >= 4 && !wordsInRow);
    }

    /**
     * The crop scaled so that its tallest character is {@link #GLYPH_PX} pixels high: Tesseract reads a lone digit
     * of a 300 dpi scan (30-40 px) worse than the same digit smaller (a 1 read as 工, a 0 beside a speck as 间).
     * Specks (components under {@link #MIN_GLYPH_PIXELS}) do not count; a crop without a character is kept as is.
     */
    static BufferedImage toGlyphHeight(BufferedImage crop) {
        int h = tallestComponent(crop);
        if (h <= 0) {
            return crop;
        }
        double scale = Math.max(0.25, Math.min(2.0, GLYPH_PX / (double) h));
        if (Math.abs(scale - 1) < 0.05) {
            return crop;
        }
        int w = Math.max(1, (int) Math.round(crop.getWidth() * scale));
        int ht = Math.max(1, (int) Math.round(crop.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, ht, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(crop, 0, 0, w, ht, null);
        g.dispose();
        return out;
    }

    /**
     * Whether the cell's grid column holds labels: at least two other cells of words (more than 3 characters, no
     * figure) and more of them than figures (the column of 1.属于国家秘密 …; table 四's values sit under one header
     * row of words).
     */
    static boolean inColumnOfLabels(PdfLatticeTables.PageTable table, int index) {
        List<Lattice.Cell> cells = table.lattice().cells();
        Lattice.Cell me = cells.get(index);
        int words = 0;
        int figures = 0;
        for (int i = 0; i < cells.size(); i++) {
            Lattice.Cell c = cells.get(i);
            if (i == index || c.column() != me.column() || c.colSpan() != 1) {
                continue;
            }
            if (number(table.texts()[i]) != null) {
                figures++;
            } else if (!short_(table.texts()[i])) {
                words++;
            }
        }
        return words >= 2 && words > figures;
    }

    /**
     * Of three readings of a figure (grey, thresholded, the cell's first), the one two agree on; else the first
     * that is a figure; null when none is.
     */
    static String likeliestFigure(String grey, String thresholded, String first) {
        if (grey != null && (grey.equals(thresholded) || grey.equals(first))) {
            return grey;
        }
        if (thresholded != null && thresholded.equals(first)) {
            return thresholded;
        }
        return grey != null ? grey : thresholded != null ? thresholded : first;
    }

    /** The crop scaled so that its tallest character ({@code tallest} px, 0 if none) is {@code px} high. */
    static BufferedImage scaled(BufferedImage crop, int tallest, int px) {
        if (tallest <= 0) {
            return crop;
        }
        double scale = Math.max(0.2, Math.min(2.0, px / (double) tallest));
        int w = Math.max(1, (int) Math.round(crop.getWidth() * scale));
        int ht = Math.max(1, (int) Math.round(crop.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, ht, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(crop, 0, 0, w, ht, null);
        g.dispose();
        return out;
    }

    /** Heights in pixels of a figure for the digits-only readings (measured on the cells above: 10-11 read best, 20 worst). */
    private static final int GREY_FIGURE_PX = 10;
    private static final int THRESHOLDED_FIGURE_PX = 11;

    /** Target height in pixels of a cell's tallest character for Tesseract (measured on tilted, noisy scans). */
    private static final int GLYPH_PX = 22;
    /** Ink components with fewer pixels are specks, not strokes (a 300 dpi digit has hundreds). */
    private static final int MIN_GLYPH_PIXELS = 30;

    /** The height of the tallest 8-connected component of ink (below 128) with at least MIN_GLYPH_PIXELS pixels. */
    private static int tallestComponent(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        java.awt.image.Raster r = image.getRaster();
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[w * h];
        int tallest = 0;
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || r.getSample(start % w, start / w, 0) >= 128) {
                continue;
            }
            int top = h;
            int bottom = -1;
            int size = 0;
            int sp = 0;
            stack[sp++] = start;
            seen[start] = true;
            while (sp > 0) {
                int p = stack[--sp];
                int x = p % w;
                int y = p / w;
                size++;
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int q = ny * w + nx;
                            if (!seen[q] && r.getSample(nx, ny, 0) < 128) {
                                seen[q] = true;
                                stack[sp++] = q;
                            }
                        }
                    }
                }
            }
            if (size >= MIN_GLYPH_PIXELS) {
                tallest = Math.max(tallest, bottom - top + 1);
            }
        }
        return tallest;
    }

    /** A cell at most this tall (PDF units) holds one line of text. */
    private static final float ONE_LINE = 30f;
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?");

    /** Whether the image holds any ink worth reading (a blank cell is not sent to Tesseract). */
    private static boolean inked(BufferedImage crop) {
        java.awt.image.Raster r = crop.getRaster();
        int dark = 0;
        for (int y = 0; y < crop.getHeight(); y++) {
            for (int x = 0; x < crop.getWidth(); x++) {
                if (r.getSample(x, y, 0) < 128 && ++dark >= MIN_INK_PIXELS) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A cell with fewer dark pixels than this (at 300 dpi) is blank: specks of noise, not a character. */
    private static final int MIN_INK_PIXELS = 40;

    /** The figure a cell's OCR text reads as, with the letters OCR takes for digits mended; null if none. */
    static String number(String text) {
        // A stroke at a cell's edge is what is left of its border, not a 1: a blank then, never a wrong figure. A dash
        // before a figure is such a remnant or a speck too (a count is never negative: -2776 for 2776).
        String s = text.strip().replaceAll("^[|\\[\\]_\\-—~]+|[|\\[\\]_\\-—~]+$", "").replace('O', '0').replace('o', '0')
                .replace('〇', '0').replace("，", ".").replace(',', '.');
        s = s.replaceAll("^[.]+|[.]+$", "");
        return NUMBER.matcher(s).matches() ? s : null;
    }

    /** The cell's inside on a white margin (Tesseract reads a glyph at the very edge badly). */
    private BufferedImage crop(Lattice.Cell c, float px) {
        return crop(c, px, true);
    }

    private BufferedImage crop(Lattice.Cell c, float px, boolean binary) {
        int inset = 2; // the rulings are erased already: a digit printed against its border keeps its edge
        int x0 = Math.max(0, Math.round(c.x0() * px) + inset);
        int y0 = Math.max(0, Math.round(c.y0() * px) + inset);
        int x1 = Math.min(image.getWidth(), Math.round(c.x1() * px) - inset);
        int y1 = Math.min(image.getHeight(), Math.round(c.y1() * px) - inset);
        if (x1 - x0 < 4 || y1 - y0 < 4) {
            return null;
        }
        int margin = 20;
        BufferedImage out = new BufferedImage(x1 - x0 + 2 * margin, y1 - y0 + 2 * margin, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image.getSubimage(x0, y0, x1 - x0, y1 - y0), margin, margin, null);
        g.dispose();
        // Black on white at the page's threshold: on a cell of mostly paper, Tesseract's own threshold would take
        // the grain of the scan for ink and read it as characters.
        if (!binary) {
            return out;
        }
        java.awt.image.WritableRaster r = out.getRaster();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                r.setSample(x, y, 0, r.getSample(x, y, 0) < threshold ? 0 : 255);
            }
        }
        return out;
    }

    /** OCR text without word positions: each line one word, which never lines up with a column. */
    private static List<PositionedLine> unpositioned(int page, String text) {
        List<PositionedLine> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(new PositionedLine(page, List.of(new PositionedLine.Word(line, Float.NaN, Float.NaN))));
        }
        return lines;
    }

    private record OcrLine(List<OcrEngine.Word> words, float top, float bottom) {

        /** The median height (pixels) of the line's words. */
        float typicalHeight() {
            int[] h = words.stream().mapToInt(OcrEngine.Word::height).sorted().toArray();
            return h[h.length / 2];
        }
    }
}
