package io.gongkai.reader.formats;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** PDFBox's text stripper (sorted by position) that keeps every line's words with their x positions. */
final class PositionedTextStripper extends PDFTextStripper {

    private final List<PositionedLine> lines = new ArrayList<>();
    private final List<Glyph> glyphs = new ArrayList<>();
    private final TextOnlyFonts fonts;
    private List<PositionedLine.Word> current = new ArrayList<>();
    private int page;

    PositionedTextStripper() {
        this(true);
    }

    /** {@code textOnlyFonts}: load fonts without their programs where the PDF allows ({@link TextOnlyFonts}). */
    PositionedTextStripper(boolean textOnlyFonts) {
        setSortByPosition(true);
        setAddMoreFormatting(false);
        this.fonts = new TextOnlyFonts(textOnlyFonts);
        addOperator(fonts.setFontOperator(this));
    }

    /** How many fonts of the pages read so far were loaded without their program. */
    int fontsLoadedWithoutProgram() {
        return fonts.loadedWithoutProgram();
    }

    /** The lines of 1-based page {@code page}. */
    List<PositionedLine> page(PDDocument pdf, int page) throws IOException {
        this.page = page;
        lines.clear();
        glyphs.clear();
        current = new ArrayList<>();
        setStartPage(page);
        setEndPage(page);
        writeText(pdf, new StringWriter());
        endLine();
        return List.copyOf(lines);
    }

    /** The characters of the page last read by {@link #page}, each with the index of its line. */
    List<Glyph> glyphs() {
        return List.copyOf(glyphs);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        PdfTextReader.stopIfInterrupted();
        super.processOperator(operator, operands);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        if (!positions.isEmpty() && !text.isBlank()) {
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            current.add(new PositionedLine.Word(text.strip(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()));
            for (TextPosition p : positions) {
                String u = p.getUnicode();
                if (u != null && !u.isBlank()) {
                    glyphs.add(new Glyph(u, p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(), p.getFontSizeInPt(),
                            lines.size()));
                }
            }
        }
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        endLine();
    }

    private void endLine() {
        if (!current.isEmpty()) {
            lines.add(new PositionedLine(page, current));
            current = new ArrayList<>();
        }
    }
}
