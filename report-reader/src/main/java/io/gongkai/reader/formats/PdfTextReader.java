package io.gongkai.reader.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads the text layer of a PDF page by page, in reading position order. Ruled tables are read from their
 * structure ({@link PdfLatticeTables}) into grids written as HTML and Word tables are; text outside them (and
 * tables printed without rulings) comes out line by line, so that a table row is one line of label and cells
 * (the layout the report text parser reads), with blank cells located by {@link BlankCellLocator}. Each line
 * keeps its page; a grid line also its table, row and column.
 * Pages without a text layer are handed to {@link OcrEngine} when one is available.
 */
public final class PdfTextReader {

    static final String ENCRYPTED = "PDF 文件已加密（需要密码），无法读取。 The PDF is encrypted with a password and cannot be read.";
    static final String CORRUPT = "PDF 文件已损坏或不完整，无法读取。 The PDF is damaged or incomplete and cannot be read.";
    static final String NO_TEXT = "PDF 没有文字层（扫描件），且本机未安装 OCR（Tesseract），无法识别。"
            + " The PDF is a scan without a text layer and no OCR engine (Tesseract) is installed here.";
    static final String TOO_MANY_PAGES = "PDF 页数过多（超过 %d 页），不像年度报告。 The PDF has more than %d pages; not read.";

    /** Page numbers as printed at a page's foot or head: "- 3 -", "—3—", "3", "第 3 页", "3/12", "第3页 共12页". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "\\s*(?:[-—–－]\\s*\\d{1,4}\\s*[-—–－]|\\d{1,4}|第\\s*\\d{1,4}\\s*页(?:\\s*[，,]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})\\s*");
    /** A page with fewer printable characters than this has no usable text layer. */
    private static final int MIN_TEXT_PER_PAGE = 20;

    private final OcrEngine ocr;
    private final int maxPages;

    private final boolean lattice;

    public PdfTextReader(OcrEngine ocr, int maxPages) {
        this(ocr, maxPages, true);
    }

    /** {@code lattice} false: every table read by text positions alone (tests compare the two readers). */
    PdfTextReader(OcrEngine ocr, int maxPages, boolean lattice) {
        this.ocr = ocr;
        this.maxPages = maxPages;
        this.lattice = lattice;
    }

    /**
     * Ends the reading when the time limit has cancelled it. PDFBox does not look at interruption, and a page can keep
     * it busy forever (forms that draw each other 2^n times): the engines call this at every operator.
     */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new UnreadableDocumentException("解析被中止。 Reading was interrupted.");
        }
    }

    public SourceText read(byte[] bytes) {
        // Temp-file stream cache: decoded streams of a big PDF go to disk instead of the heap.
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            int pages = pdf.getNumberOfPages();
            if (pages > maxPages) {
                throw new UnreadableDocumentException(TOO_MANY_PAGES.formatted(maxPages, maxPages));
            }
            PositionedTextStripper stripper = new PositionedTextStripper();
            List<Integer> scanned = new ArrayList<>();
            List<List<PositionedLine>> pageLines = new ArrayList<>();
            List<List<PdfLatticeTables.PageTable>> pageTables = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                stopIfInterrupted();
                List<PositionedLine> lines = stripper.page(pdf, page);
                if (printable(lines) < MIN_TEXT_PER_PAGE || !lattice) {
                    if (printable(lines) < MIN_TEXT_PER_PAGE) {
                        scanned.add(page);
                    }
                    pageTables.add(List.of());
                } else {
                    pageTables.add(PdfLatticeTables.find(page, stripper.rulings(), lines.size(), stripper.glyphs()));
                }
                pageLines.add(lines);
            }
            List<io.gongkai.model.Finding> findings = new ArrayList<>();
            if (!scanned.isEmpty() && scanned.size() * 2 >= pages) {
                // Mostly image pages: a scan. OCR every such page (a text page of a mixed file keeps its text).
                if (ocr == null || !ocr.available()) {
                    throw new UnreadableDocumentException(NO_TEXT);
                }
                for (int page : scanned) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new UnreadableDocumentException("解析被中止。 Reading was interrupted.");
                    }
                    // Through the grid as a drawn table: rulings found in the image, OCR words placed by their boxes.
                    ScannedPage scan = ScannedPage.read(ocr, pdf, page);
                    pageLines.set(page - 1, scan.lines());
                    List<PdfLatticeTables.PageTable> tables = PdfLatticeTables.find(page, scan.rulings(), scan.lines().size(),
                            scan.glyphs());
                    scan.rereadValueCells(ocr, page, tables);
                    pageTables.set(page - 1, tables);
                }
                findings.add(OcrEngine.finding(scanned));
            }
            // One sequence over all pages, so that a table split across pages finds its complete rows on either:
            // lines outside ruled tables, and the ruled tables (stitched where one goes on on the next page).
            List<Item> sequence = new ArrayList<>();
            List<PositionedLine> unruled = new ArrayList<>();
            java.util.Set<String> heads = running(pageLines, pageTables, scanned, true);
            java.util.Set<String> feet = running(pageLines, pageTables, scanned, false);
            for (int p = 0; p < pageLines.size(); p++) {
                List<PositionedLine> lines = pageLines.get(p);
                List<PdfLatticeTables.PageTable> tables = pageTables.get(p);
                int first = firstContentLine(lines);
                int last = lastContentLine(lines);
                for (int i = 0; i < lines.size(); i++) {
                    PdfLatticeTables.PageTable table = tableOf(tables, i);
                    if (table != null) {
                        if (table.firstLine() == i) {
                            Item previous = sequence.isEmpty() ? null : sequence.get(sequence.size() - 1);
                            if (!(previous instanceof RuledTable(PdfLatticeTables.Stitched s) && s.continueWith(table))) {
                                sequence.add(new RuledTable(new PdfLatticeTables.Stitched(table)));
                            }
                        }
                        continue;
                    }
                    // The page number at a page's head or foot would read as a row of cells ("- 3 -").
                    boolean folio = (i == first || i == last) && PAGE_NUMBER.matcher(lines.get(i).text()).matches();
                    // A running head (kept on the first page, where it may be the title) or foot stands between
                    // the parts of a table that a page break splits; it is the page's, not the report's.
                    boolean furniture = !scanned.contains(p + 1) && (i == first && p > 0 && heads.contains(furnitureKey(lines.get(i)))
                            || i == last && feet.contains(furnitureKey(lines.get(i))));
                    if (!folio && !furniture) {
                        sequence.add(new TextLine(lines.get(i)));
                        unruled.add(lines.get(i));
                    }
                }
            }
            List<String> rendered = BlankCellLocator.render(unruled);
            StringBuilder text = new StringBuilder();
            List<LineOrigin> origins = new ArrayList<>(sequence.size());
            int next = 0;
            int tableNumber = 0;
            for (Item item : sequence) {
                if (item instanceof TextLine(PositionedLine line)) {
                    text.append(rendered.get(next++)).append('\n');
                    origins.add(LineOrigin.page(line.page()));
                } else if (item instanceof RuledTable(PdfLatticeTables.Stitched table)) {
                    int from = origins.size();
                    table.grid().writeLines(++tableNumber, text, origins);
                    // Grid lines keep their table, row and column, and gain the page their row is printed on.
                    for (int k = from; k < origins.size(); k++) {
                        LineOrigin o = origins.get(k);
                        origins.set(k, new LineOrigin(table.pageOfRow(o.row() - 1), o.table(), o.row(),
                                o.firstValueColumn(), o.valueColumns()));
                    }
                }
            }
            return new SourceText(text.toString(), origins, null, findings);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(ENCRYPTED, e);
        } catch (IOException e) {
            throw new UnreadableDocumentException(CORRUPT, e);
        }
    }

    /** What the document's text is made of, in reading order: lines outside ruled tables, and ruled tables. */
    private sealed interface Item permits TextLine, RuledTable {
    }

    private record TextLine(PositionedLine line) implements Item {
    }

    private record RuledTable(PdfLatticeTables.Stitched table) implements Item {
    }

    /** The ruled table that replaces line {@code i} of its page, or null. */
    private static PdfLatticeTables.PageTable tableOf(List<PdfLatticeTables.PageTable> tables, int i) {
        for (PdfLatticeTables.PageTable t : tables) {
            if (t.lines().get(i)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The text of lines printed at the head (or foot) of two or more pages outside any table: running heads and
     * feet. Digits are masked, so that "第 3 页" and "第 4 页" in a running head are one.
     */
    private static java.util.Set<String> running(List<List<PositionedLine>> pageLines,
            List<List<PdfLatticeTables.PageTable>> pageTables, List<Integer> scanned, boolean head) {
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        for (int p = 0; p < pageLines.size(); p++) {
            List<PositionedLine> lines = pageLines.get(p);
            int i = head ? firstContentLine(lines) : lastContentLine(lines);
            if (i >= 0 && !scanned.contains(p + 1) && tableOf(pageTables.get(p), i) == null) {
                count.merge(furnitureKey(lines.get(i)), 1, Integer::sum);
            }
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        count.forEach((k, n) -> {
            if (n >= 2 && k.replace("#", "").length() >= 2) {
                out.add(k);
            }
        });
        return out;
    }

    private static String furnitureKey(PositionedLine line) {
        return line.text().replaceAll("\\s+", "").replaceAll("\\d+", "#");
    }

    private static int firstContentLine(List<PositionedLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).text().isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int lastContentLine(List<PositionedLine> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).text().isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int printable(List<PositionedLine> lines) {
        int n = 0;
        for (PositionedLine line : lines) {
            n += printable(line.text());
        }
        return n;
    }

    private static int printable(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
