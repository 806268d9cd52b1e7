package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.StoredReport;
import io.gongkai.model.Section;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One report's page as a PDF (PDFBox): its title and document facts, every finding with where it points, every cell
 * of the three tables with its value (flagged cells coloured by their gravest finding and numbered like the page's
 * marks), and the six sections' text. Chinese needs a CJK TrueType font from the system ({@link #findFont}); the
 * text is drawn as text (selectable, searchable), never as markup, so nothing in a report can act in the PDF.
 */
public final class ReportPdf {

    /** Where Debian and most Linux distributions put TrueType CJK fonts (CFF-based OpenType cannot be embedded). */
    private static final Path FONTS = Path.of("/usr/share/fonts");
    private static final List<String> PREFERRED = List.of("wqy-zenhei", "wqy-microhei", "droidsansfallback", "uming", "ukai",
            "notosanssc", "sourcehan");
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument pdf = new PDDocument();
    private final PDType0Font font;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    /** The font file as parsed; it reads glyphs from the file until the PDF is saved. */
    private java.io.Closeable fontSource;
    private PDPageContentStream out;
    private float y;

    private ReportPdf(Path fontFile) throws IOException {
        this.font = load(fontFile);
    }

    /** A TrueType font on this system that has CJK glyphs, preferred ones first; empty when there is none. */
    public static Optional<Path> findFont() {
        if (!Files.isDirectory(FONTS)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(FONTS)) {
            return files.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (name.endsWith(".ttc") || name.endsWith(".ttf")) && rank(name) < PREFERRED.size();
            }).min(Comparator.comparingInt(p -> rank(p.getFileName().toString().toLowerCase(Locale.ROOT))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int rank(String name) {
        for (int i = 0; i < PREFERRED.size(); i++) {
            if (name.replace("_", "").replace("-", "").contains(PREFERRED.get(i).replace("-", ""))) {
                return i;
            }
        }
        return PREFERRED.size();
    }

    private PDType0Font load(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            fontSource = collection;
            List<TrueTypeFont> fonts = new ArrayList<>();
            collection.processAllFonts(fonts::add);
            return PDType0Font.load(pdf, fonts.getFirst(), true);
        }
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        fontSource = ttf;
        return PDType0Font.load(pdf, ttf, true);
    }

    /** Writes the report's PDF to {@code sink} with the font file given (see {@link #findFont}). */
    public static void write(ReportPage page, Path fontFile, OutputStream sink) throws IOException {
        ReportPdf writer = new ReportPdf(fontFile);
        try (PDDocument pdf = writer.pdf; java.io.Closeable font = writer.fontSource) {
            writer.render(page);
            writer.out.close();
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(page.title());
            info.setCreator("Gongkai 审核台");
            pdf.save(sink);
        }
    }

    private void render(ReportPage page) throws IOException {
        newPage();
        StoredReport d = page.document();
        paragraph(page.title(), 16, Color.BLACK);
        y -= 4;
        List<String> facts = new ArrayList<>();
        facts.add("状态：" + d.status());
        if (d.report() != null) {
            facts.add("层级：" + nz(d.report().administrativeLevel()) + "　格式：" + nz(d.report().templateVersion()));
        }
        facts.add("文件：" + nz(d.fileName()) + "　接收：" + (d.receivedAt() == null ? "" : d.receivedAt().toString()));
        facts.add("文档编号：" + d.documentId());
        for (String f : facts) {
            paragraph(f, 9, Color.DARK_GRAY);
        }
        if (d.error() != null) {
            paragraph("失败原因：" + d.error(), 10, SEVERITY.get("error"));
        }
        ReportTables tables = page.tables();
        if (tables != null) {
            heading("问题（" + tables.findings().size() + "）");
            if (tables.findings().isEmpty()) {
                paragraph("未发现问题。", 10, Color.DARK_GRAY);
            }
            for (ReportTables.NumberedFinding f : tables.findings()) {
                String where = f.places().isEmpty() ? "" : "（" + String.join("；", f.places()) + "）";
                paragraph("[" + f.number() + "] " + f.severityLabel() + " " + f.finding().code() + "：" + nz(f.finding().message()) + where,
                        10, SEVERITY.getOrDefault(f.severity(), Color.BLACK));
            }
            heading("表格（按官方格式排列；有问题的单元格按严重程度着色，方括号内为问题编号）");
            officialTables(tables);
        }
        List<Section> sections = page.sections();
        if (!sections.isEmpty()) {
            heading("正文");
            for (Section s : sections) {
                paragraph(nz(s.heading()), 11, Color.BLACK);
                for (String line : nz(s.text()).split("\\R")) {
                    if (!line.isBlank()) {
                        paragraph(line.strip(), 9.5f, Color.BLACK);
                    }
                }
                y -= 4;
            }
        }
    }

    /** A cell of a table drawn in the official layout: its text, spans, text colour and background (null: none). */
    private record Box(String text, int colspan, int rowspan, Color color, Color fill) {

        static Box label(String text, int colspan, int rowspan) {
            return new Box(text, colspan, rowspan, Color.BLACK, LABEL);
        }
    }

    private static final Color LABEL = new Color(0xF2, 0xF2, 0xF2);
    private static final Color GRID = new Color(0x80, 0x80, 0x80);
    private static final Map<String, Color> FILL = Map.of("error", new Color(0xFD, 0xE2, 0xE2), "warning", new Color(0xFF, 0xF1, 0xD6),
            "info", new Color(0xE3, 0xEC, 0xFA));

    /** The three tables as the web page lays them out ({@link ReportTables}): the same rows, merged label cells and headers. */
    private void officialTables(ReportTables t) throws IOException {
        paragraph("二、主动公开政府信息情况", 10.5f, Color.BLACK);
        List<List<Box>> two = new ArrayList<>();
        for (ReportTables.Block b : t.disclosure()) {
            two.add(List.of(Box.label(b.caption(), 4, 1)));
            two.add(b.header().stream().map(h -> Box.label(h.text(), h.colspan(), 1)).toList());
            b.rows().forEach(r -> two.add(row(r)));
        }
        if (two.isEmpty()) {
            paragraph("未读出此表。", 9, Color.DARK_GRAY);
        } else {
            grid(two, new float[] {0.4f, 0.2f, 0.2f, 0.2f}, 8);
        }
        y -= 6;
        paragraph("三、收到和处理政府信息公开申请情况", 10.5f, Color.BLACK);
        List<List<Box>> three = new ArrayList<>();
        three.add(List.of(Box.label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), Box.label("申请人情况", 7, 1)));
        three.add(List.of(Box.label("自然人", 1, 2), Box.label("法人或其他组织", 5, 1), Box.label("总计", 1, 2)));
        three.add(t.applicantHeader().subList(1, 6).stream().map(h -> Box.label(h.text(), 1, 1)).toList());
        t.applications().forEach(r -> three.add(row(r)));
        float value = 0.58f / 7;
        grid(three, new float[] {0.07f, 0.13f, 0.22f, value, value, value, value, value, value, value}, 7);
        y -= 6;
        paragraph("四、政府信息公开行政复议、行政诉讼情况", 10.5f, Color.BLACK);
        List<List<Box>> four = new ArrayList<>();
        four.add(List.of(Box.label("行政复议", 5, 2), Box.label("行政诉讼", 10, 1)));
        four.add(List.of(Box.label("未经复议直接起诉", 5, 1), Box.label("复议后起诉", 5, 1)));
        List<Box> columns = new ArrayList<>();
        t.reviewGroups().forEach(g -> t.reviewColumns().forEach(c -> columns.add(Box.label(c.label(), 1, 1))));
        four.add(columns);
        four.add(t.reviews().stream().map(ReportPdf::value).toList());
        float[] fifteen = new float[15];
        java.util.Arrays.fill(fifteen, 1f / 15);
        grid(four, fifteen, 6.5f);
    }

    private static List<Box> row(ReportTables.Row r) {
        List<Box> boxes = new ArrayList<>();
        r.labels().forEach(l -> boxes.add(Box.label(l.text(), l.colspan(), l.rowspan())));
        r.cells().forEach(c -> boxes.add(value(c)));
        return boxes;
    }

    private static Box value(ReportTables.Cell c) {
        String marks = c.marks().isEmpty() ? "" : " " + c.marks();
        Color color = c.flagged() ? SEVERITY.getOrDefault(c.severity(), Color.BLACK) : Color.BLACK;
        return new Box(c.display() + marks, c.colspan(), 1, color, c.flagged() ? FILL.get(c.severity()) : null);
    }

    private record Placed(Box box, int row, int col, List<String> lines) {
    }

    /**
     * Draws a table: cells placed as HTML places them (each in the first free column of its row, spans filled),
     * rows as tall as their wrapped text, a merged cell taller than its rows making its last row taller; a table
     * that does not fit goes on over the next page, a merged cell cut by the break drawn on both.
     */
    private void grid(List<List<Box>> rows, float[] fractions, float size) throws IOException {
        int cols = fractions.length;
        int n = rows.size();
        float[] x = new float[cols + 1];
        x[0] = MARGIN;
        for (int i = 0; i < cols; i++) {
            x[i + 1] = x[i] + fractions[i] * WIDTH;
        }
        float pad = 2;
        float leading = size * 1.3f;
        y -= 4; // clear of the caption's descenders
        boolean[][] taken = new boolean[n][cols];
        List<Placed> placed = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int c = 0;
            for (Box box : rows.get(r)) {
                while (c < cols && taken[r][c]) {
                    c++;
                }
                if (c >= cols) {
                    break;
                }
                int lastCol = Math.min(cols, c + Math.max(1, box.colspan()));
                for (int rr = r; rr < Math.min(n, r + Math.max(1, box.rowspan())); rr++) {
                    for (int cc = c; cc < lastCol; cc++) {
                        taken[rr][cc] = true;
                    }
                }
                placed.add(new Placed(box, r, c, wrap(drawableText(box.text()), size, x[lastCol] - x[c] - 2 * pad)));
                c = lastCol;
            }
        }
        float[] h = new float[n];
        java.util.Arrays.fill(h, leading + 2 * pad);
        for (Placed p : placed) {
            if (p.box().rowspan() <= 1) {
                h[p.row()] = Math.max(h[p.row()], p.lines().size() * leading + 2 * pad);
            }
        }
        for (Placed p : placed) {
            int last = Math.min(n, p.row() + p.box().rowspan()) - 1;
            if (last > p.row()) {
                float have = 0;
                for (int r = p.row(); r <= last; r++) {
                    have += h[r];
                }
                h[last] += Math.max(0, p.lines().size() * leading + 2 * pad - have);
            }
        }
        // rows to pages, then each page's part of every cell
        float pageTop = PDRectangle.A4.getHeight() - MARGIN;
        int[] page = new int[n];
        float[] top = new float[n];
        int pages = 0;
        float cursor = y;
        for (int r = 0; r < n; r++) {
            if (cursor - h[r] < MARGIN && cursor < pageTop) {
                pages++;
                cursor = pageTop;
            }
            page[r] = pages;
            top[r] = cursor;
            cursor -= h[r];
        }
        for (int pg = 0; pg <= pages; pg++) {
            if (pg > 0) {
                newPage();
            }
            for (Placed p : placed) {
                int from = p.row();
                int to = Math.min(n, p.row() + Math.max(1, p.box().rowspan())) - 1;
                while (from <= to && page[from] < pg) {
                    from++;
                }
                while (to >= from && page[to] > pg) {
                    to--;
                }
                if (from > to) {
                    continue;
                }
                float x0 = x[p.col()];
                float x1 = x[Math.min(cols, p.col() + Math.max(1, p.box().colspan()))];
                float yTop = top[from];
                float yBottom = top[to] - h[to];
                if (p.box().fill() != null) {
                    out.setNonStrokingColor(p.box().fill());
                    out.addRect(x0, yBottom, x1 - x0, yTop - yBottom);
                    out.fill();
                }
                out.setStrokingColor(GRID);
                out.setLineWidth(0.5f);
                out.addRect(x0, yBottom, x1 - x0, yTop - yBottom);
                out.stroke();
                if (from == p.row()) {
                    for (int i = 0; i < p.lines().size(); i++) {
                        out.beginText();
                        out.setFont(font, size);
                        out.setNonStrokingColor(p.box().color());
                        out.newLineAtOffset(x0 + pad, yTop - pad - size - i * leading + size * 0.15f);
                        out.showText(p.lines().get(i));
                        out.endText();
                    }
                }
            }
        }
        y = cursor;
    }

    /** Text broken into lines that fit the width (by characters: Chinese has no spaces); at least one line. */
    private List<String> wrap(String clean, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < clean.length()) {
            int end = start;
            float used = 0;
            while (end < clean.length()) {
                int cp = clean.codePointAt(end);
                float w = font.getStringWidth(new String(Character.toChars(cp))) / 1000 * size;
                if (used + w > width && end > start) {
                    break;
                }
                used += w;
                end += Character.charCount(cp);
            }
            lines.add(clean.substring(start, end));
            start = end;
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    private static final Map<String, Color> SEVERITY = Map.of("error", new Color(0xB0, 0x1E, 0x1E), "warning", new Color(0x9A, 0x5B, 0x00),
            "info", new Color(0x1F, 0x4E, 0x9A));

    private void heading(String text) throws IOException {
        y -= 8;
        paragraph(text, 12, Color.BLACK);
        y -= 2;
    }

    /** Text wrapped at the page width (by characters: Chinese has no spaces), a new page when the page is full. */
    private void paragraph(String text, float size, Color color) throws IOException {
        String clean = drawableText(text);
        float leading = size * 1.45f;
        int start = 0;
        while (start < clean.length()) {
            int end = start;
            float width = 0;
            while (end < clean.length()) {
                int cp = clean.codePointAt(end);
                float w = font.getStringWidth(new String(Character.toChars(cp))) / 1000 * size;
                if (width + w > WIDTH && end > start) {
                    break;
                }
                width += w;
                end += Character.charCount(cp);
            }
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color);
            out.newLineAtOffset(MARGIN, y);
            out.showText(clean.substring(start, end));
            out.endText();
            start = end;
        }
    }

    /** The text with control characters as spaces and characters the font has no glyph for as '?'. */
    private String drawableText(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                b.append(' ');
            } else if (drawable.computeIfAbsent(cp, this::hasGlyph)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private boolean hasGlyph(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        out = new PDPageContentStream(pdf, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
