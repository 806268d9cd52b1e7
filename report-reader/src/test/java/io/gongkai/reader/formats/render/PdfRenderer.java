package io.gongkai.reader.formats.render;

import io.gongkai.reader.formats.render.RenderedReport.Block;
import io.gongkai.reader.formats.render.RenderedReport.Paragraph;
import io.gongkai.reader.formats.render.RenderedReport.Table;
import io.gongkai.reader.formats.render.RenderedReport.TableCell;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Writes a report as an A4 PDF with a CJK TrueType font: wrapped paragraphs, bordered tables whose long
 * labels wrap inside their cells, merged cells printed at their vertical middle, tables split across pages
 * — what real reports look like to PDFBox. Also makes the "scanned" form: every page rasterised into an
 * image-only PDF.
 *
 * <p>PDFBox can only embed TrueType outlines, so the font is WenQuanYi Zen Hei (Debian fonts-wqy-zenhei);
 * the Noto CJK fonts of fonts-noto-cjk are CFF-based OpenType, which PDFBox cannot embed.
 */
public final class PdfRenderer {

    static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
    private static final float MARGIN = 56;
    private static final float TEXT_SIZE = 11;
    private static final float TABLE_SIZE = 8.5f;
    private static final float PAD = 3;

    private PdfRenderer() {
    }

    /** The CJK TrueType font file, where installed. */
    public static Optional<Path> font() {
        return FONTS.stream().filter(Files::isReadable).findFirst();
    }

    public static byte[] render(RenderedReport report, Path fontFile) throws IOException {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(fontFile.toFile())) {
            TrueTypeFont ttf = fonts.getFontByName("WenQuanYiZenHei");
            PDFont font = PDType0Font.load(doc, ttf, true);
            new Writer(doc, font).write(report);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Every page of {@code pdf} as a grey image at {@code dpi}, in a PDF without any text layer. */
    public static byte[] scan(byte[] pdf, int dpi) throws IOException {
        try (PDDocument text = Loader.loadPDF(pdf); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(text);
            for (int i = 0; i < text.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                PDPage page = new PDPage(PDRectangle.A4);
                scan.addPage(page);
                PDImageXObject x = JPEGFactory.createFromImage(scan, image, 0.85f);
                try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            scan.save(out);
            return out.toByteArray();
        }
    }

    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream cs;
        private float y;
        private int pageNumber;

        Writer(PDDocument doc, PDFont font) {
            this.doc = doc;
            this.font = font;
        }

        void write(RenderedReport report) throws IOException {
            newPage();
            for (Block b : report.blocks()) {
                if (b instanceof Paragraph p) {
                    paragraph(p.text());
                } else if (b instanceof Table t) {
                    table(t);
                }
            }
            cs.close();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pageNumber++;
            text("- " + pageNumber + " -", PDRectangle.A4.getWidth() / 2 - 10, 30, TEXT_SIZE);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void paragraph(String s) throws IOException {
            float leading = TEXT_SIZE * 1.6f;
            for (String line : wrap(s, width, TEXT_SIZE)) {
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                text(line, MARGIN, y, TEXT_SIZE);
            }
        }

        private void table(Table t) throws IOException {
            int cols = t.columns();
            int rows = t.rows().size();
            float[] x = new float[cols + 1];
            x[0] = MARGIN;
            for (int c = 0; c < cols; c++) {
                x[c + 1] = x[c] + (float) t.columnWidths()[c] * width;
            }
            // Place every cell in the grid and measure each row by its single-row cells.
            List<int[]> placed = new ArrayList<>(); // r, c, index in row
            boolean[][] taken = new boolean[rows][cols];
            float leading = TABLE_SIZE * 1.35f;
            float[] height = new float[rows];
            for (int r = 0; r < rows; r++) {
                height[r] = leading + 2 * PAD;
                int c = 0;
                List<TableCell> row = t.rows().get(r);
                for (int i = 0; i < row.size(); i++) {
                    while (c < cols && taken[r][c]) {
                        c++;
                    }
                    TableCell cell = row.get(i);
                    for (int rr = r; rr < Math.min(rows, r + cell.rowSpan()); rr++) {
                        for (int cc = c; cc < Math.min(cols, c + cell.colSpan()); cc++) {
                            taken[rr][cc] = true;
                        }
                    }
                    placed.add(new int[] {r, c, i});
                    if (cell.rowSpan() == 1) {
                        float w = x[Math.min(cols, c + cell.colSpan())] - x[c] - 2 * PAD;
                        height[r] = Math.max(height[r], wrap(cell.text(), w, TABLE_SIZE).size() * leading + 2 * PAD);
                    }
                    c += cell.colSpan();
                }
            }
            // Rows go down the page; a row that does not fit starts a new page (the table continues there).
            int[] page = new int[rows];
            float[] top = new float[rows];
            y -= 8;
            for (int r = 0; r < rows; r++) {
                if (y - height[r] < MARGIN + 10) {
                    newPage();
                }
                page[r] = pageNumber;
                top[r] = y;
                drawRowBorders(x, y, height[r]);
                y -= height[r];
            }
            // Draw each cell's text; a merged cell at the middle of the part of its span on its first page.
            int firstPage = page[0];
            for (int[] p : placed) {
                int r = p[0];
                int c = p[1];
                TableCell cell = t.rows().get(r).get(p[2]);
                if (cell.text().isEmpty()) {
                    continue;
                }
                int last = r;
                while (last + 1 < Math.min(rows, r + cell.rowSpan()) && page[last + 1] == page[r]) {
                    last++;
                }
                float cellTop = top[r];
                float cellHeight = top[r] - (top[last] - height[last]);
                float w = x[Math.min(cols, c + cell.colSpan())] - x[c] - 2 * PAD;
                List<String> lines = wrap(cell.text(), w, TABLE_SIZE);
                float textTop = cellTop - (cellHeight - lines.size() * leading) / 2;
                deferred.add(new Deferred(page[r] - firstPage, lines, x[c] + PAD, textTop, leading));
            }
            flushDeferred(firstPage);
        }

        private record Deferred(int pageOffset, List<String> lines, float x, float top, float leading) {
        }

        private final List<Deferred> deferred = new ArrayList<>();

        /** Cell text is drawn after the borders, page by page (the pages already exist). */
        private void flushDeferred(int firstPage) throws IOException {
            PDPageContentStream current = cs;
            int currentPage = pageNumber;
            for (int offset = 0; firstPage + offset <= currentPage; offset++) {
                int pageIndex = firstPage + offset - 1;
                PDPageContentStream target = firstPage + offset == currentPage ? current
                        : new PDPageContentStream(doc, doc.getPage(pageIndex), PDPageContentStream.AppendMode.APPEND, true);
                for (Deferred d : deferred) {
                    if (d.pageOffset() != offset) {
                        continue;
                    }
                    float baseline = d.top() - d.leading() + (d.leading() - TABLE_SIZE) / 2 + 1;
                    for (String line : d.lines()) {
                        text(target, line, d.x(), baseline, TABLE_SIZE);
                        baseline -= d.leading();
                    }
                }
                if (target != current) {
                    target.close();
                }
            }
            deferred.clear();
        }

        private void drawRowBorders(float[] x, float top, float h) throws IOException {
            cs.setLineWidth(0.5f);
            cs.addRect(x[0], top - h, x[x.length - 1] - x[0], h);
            cs.stroke();
        }

        private void text(String s, float x, float baseline, float size) throws IOException {
            text(cs, s, x, baseline, size);
        }

        private void text(PDPageContentStream out, String s, float x, float baseline, float size) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, baseline);
            out.showText(s);
            out.endText();
        }

        private List<String> wrap(String s, float w, float size) throws IOException {
            if (s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-')) {
                return List.of(s); // a number is never broken
            }
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            int i = 0;
            while (i < s.length()) {
                int cp = s.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float cw = font.getStringWidth(ch) / 1000 * size;
                if (lineWidth + cw > w && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                line.append(ch);
                lineWidth += cw;
                i += Character.charCount(cp);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
