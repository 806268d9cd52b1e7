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
            heading("表格数据（有问题的单元格按严重程度着色，方括号内为问题编号）");
            for (ReportTables.Cell c : tables.allCells()) {
                if (c.display().isEmpty() && !c.marked()) {
                    continue;
                }
                String marks = c.marks().isEmpty() ? "" : "  " + c.marks();
                Color color = c.flagged() ? SEVERITY.getOrDefault(c.severity(), Color.BLACK) : Color.BLACK;
                paragraph(c.place() + "：" + c.display() + marks, 9, color);
            }
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
