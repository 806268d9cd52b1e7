package io.gongkai.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A report's text as an A4 PDF with a text layer, as a word processor prints it without table rulings: every line of
 * the text at its own height, its words placed apart (a table row is its label and cells on one line, which the PDF
 * reader reads by position), a gap for each blank line, a page number at each page's foot, a new page when one is
 * full. The font is a CJK TrueType font of the system, embedded as a subset (PDFBox embeds TrueType outlines only, so
 * not the CFF-based Noto CJK).
 */
final class PdfRendition implements AutoCloseable {

    static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float LEADING = SIZE * 1.55f;
    /** Between two words of a line: wide enough that no reader joins a label and its first cell. */
    private static final float WORD_GAP = SIZE * 1.2f;

    private final TrueTypeCollection collection;
    private final TrueTypeFont ttf;

    /** Opens the font collection once; {@link #render} is synchronized because the font's reader is shared. */
    PdfRendition(Path fontFile) throws IOException {
        this.collection = new TrueTypeCollection(fontFile.toFile());
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(f -> {
            if (first[0] == null) {
                first[0] = f;
            }
        });
        this.ttf = first[0];
    }

    /** The first CJK TrueType font installed, or an exception that names what to install. */
    static Path systemFont() {
        return FONTS.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new IllegalStateException(
                "PDF variants need a CJK TrueType font: install fonts-wqy-zenhei (" + FONTS.get(0) + ")"));
    }

    synchronized byte[] render(String text) {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, ttf, true);
            new Pages(doc, font).write(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        collection.close();
    }

    /**
     * The text's lines, a line of numbers only joined to the line before it: text copied out of a word processor's
     * table has a cell per line, which a printed table shows as one row (label, then its cells).
     */
    static List<String> rows(String text) {
        List<String> out = new java.util.ArrayList<>();
        int last = -1;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (NUMBERS.matcher(l).matches() && last >= 0) {
                out.set(last, out.get(last) + " " + l);
                continue;
            }
            out.add(l);
            if (!l.isEmpty()) {
                last = out.size() - 1;
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern NUMBERS = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?(\\s+[0-9]+(\\.[0-9]+)?)*");

    private static final class Pages {
        private final PDDocument doc;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream cs;
        private float y;
        private int page;

        Pages(PDDocument doc, PDFont font) {
            this.doc = doc;
            this.font = font;
        }

        void write(String text) throws IOException {
            newPage();
            for (String line : rows(text)) {
                String l = line.strip();
                if (l.isEmpty()) {
                    y -= LEADING / 2;
                    continue;
                }
                if (y - LEADING < MARGIN) {
                    newPage();
                }
                y -= LEADING;
                line(l.split("\\s+"));
            }
            cs.close();
        }

        /** The words of one line from the left margin, apart; a line too wide for the page is set smaller. */
        private void line(String[] words) throws IOException {
            float natural = 0;
            for (String w : words) {
                natural += font.getStringWidth(w) / 1000 * SIZE;
            }
            natural += WORD_GAP * (words.length - 1);
            float size = natural > width ? SIZE * width / natural : SIZE;
            float x = MARGIN;
            for (String w : words) {
                show(w, x, y, size);
                x += font.getStringWidth(w) / 1000 * size + WORD_GAP * size / SIZE;
            }
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            cs = new PDPageContentStream(doc, p);
            page++;
            show("- " + page + " -", PDRectangle.A4.getWidth() / 2 - 12, 30, 9);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void show(String s, float x, float baseline, float size) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline);
            cs.showText(s);
            cs.endText();
        }
    }
}
