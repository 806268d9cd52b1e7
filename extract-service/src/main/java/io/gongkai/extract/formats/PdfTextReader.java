package io.gongkai.extract.formats;

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
 * Reads the text layer of a PDF page by page, in reading position order, so that table rows come out as
 * one line of label and cells (the layout the report text parser reads). Each line keeps its page.
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

    public PdfTextReader(OcrEngine ocr, int maxPages) {
        this.ocr = ocr;
        this.maxPages = maxPages;
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
            for (int page = 1; page <= pages; page++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new UnreadableDocumentException("解析被中止。 Reading was interrupted.");
                }
                List<PositionedLine> lines = stripper.page(pdf, page);
                if (printable(lines) < MIN_TEXT_PER_PAGE) {
                    scanned.add(page);
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
                    pageLines.set(page - 1, unpositioned(page, ocr.recognise(pdf, page - 1)));
                }
                findings.add(OcrEngine.finding(scanned));
            }
            // One sequence over all pages, so that a table split across pages finds its complete rows on either.
            List<PositionedLine> all = new ArrayList<>();
            for (List<PositionedLine> lines : pageLines) {
                int first = firstContentLine(lines);
                int last = lastContentLine(lines);
                for (int i = 0; i < lines.size(); i++) {
                    // The page number at a page's head or foot would read as a row of cells ("- 3 -").
                    boolean folio = (i == first || i == last) && PAGE_NUMBER.matcher(lines.get(i).text()).matches();
                    if (!folio) {
                        all.add(lines.get(i));
                    }
                }
            }
            List<String> rendered = BlankCellLocator.render(all);
            StringBuilder text = new StringBuilder();
            List<LineOrigin> origins = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) {
                text.append(rendered.get(i)).append('\n');
                origins.add(LineOrigin.page(all.get(i).page()));
            }
            return new SourceText(text.toString(), origins, null, findings);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(ENCRYPTED, e);
        } catch (IOException e) {
            throw new UnreadableDocumentException(CORRUPT, e);
        }
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

    /** OCR text has no word positions: each line is one word, which never lines up with a column. */
    private static List<PositionedLine> unpositioned(int page, String text) {
        List<PositionedLine> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(new PositionedLine(page, List.of(new PositionedLine.Word(line, Float.NaN, Float.NaN))));
        }
        return lines;
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
