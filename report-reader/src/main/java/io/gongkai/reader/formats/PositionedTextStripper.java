package io.gongkai.reader.formats;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.awt.geom.Point2D;
import org.apache.pdfbox.contentstream.operator.MissingOperandException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.MissingResourceException;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's text stripper (sorted by position) that keeps every line's words with their x positions, and collects
 * the page's ruling lines in the same pass ({@link PdfRulings.Collector}): parsing a page's content stream is most
 * of the cost of reading it, so the lattice reader's drawing is read along with the text rather than a second time.
 */
final class PositionedTextStripper extends PDFTextStripper {

    private final List<PositionedLine> lines = new ArrayList<>();
    private final List<Glyph> glyphs = new ArrayList<>();
    private final TextOnlyFonts fonts;
    private List<PositionedLine.Word> current = new ArrayList<>();
    private int page;
    /** The rulings of the page being read; null when they cannot be read there (turned page, a failed operator). */
    private PdfRulings.Collector rulings;

    PositionedTextStripper() {
        this(true);
    }

    /** {@code textOnlyFonts}: load fonts without their programs where the PDF allows ({@link TextOnlyFonts}). */
    PositionedTextStripper(boolean textOnlyFonts) {
        setSortByPosition(true);
        setAddMoreFormatting(false);
        this.fonts = new TextOnlyFonts(textOnlyFonts);
        addOperator(fonts.setFontOperator(this));
        for (String name : List.of("m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n")) {
            addOperator(new PathOperator(name));
        }
        // The text pass sets no colours; the rulings need them (white lines are none).
        for (OperatorProcessor color : List.of(new SetStrokingColorSpace(this), new SetNonStrokingColorSpace(this),
                new SetStrokingColor(this), new SetStrokingColorN(this), new SetNonStrokingColor(this),
                new SetNonStrokingColorN(this), new SetStrokingDeviceGrayColor(this), new SetNonStrokingDeviceGrayColor(this),
                new SetStrokingDeviceRGBColor(this), new SetNonStrokingDeviceRGBColor(this),
                new SetStrokingDeviceCMYKColor(this), new SetNonStrokingDeviceCMYKColor(this))) {
            addOperator(new ColorOperator(color));
        }
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
        PDPage p = pdf.getPage(page - 1);
        rulings = PdfRulings.Collector.readable(p) ? new PdfRulings.Collector(p) : null;
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

    /**
     * The ruling lines of the page last read by {@link #page}, as {@link PdfRulings#of} gives them; none where its
     * drawing could not be read (the text is read all the same).
     */
    List<PdfRulings.Ruling> rulings() {
        return rulings == null ? List.of() : List.copyOf(rulings.rulings());
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

    /**
     * A path operator as PDFGraphicsStreamEngine's (which a text stripper cannot use) reads it, handed to the
     * collector. Missing or non-numeric operands skip the operator, as PDFBox does.
     */
    private final class PathOperator extends OperatorProcessor {

        private final String name;

        PathOperator(String name) {
            super(PositionedTextStripper.this);
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            if (rulings == null) {
                return;
            }
            try {
                path(operands);
            } catch (RuntimeException e) {
                rulings = null; // as a failed drawing pass: the page has no rulings
            }
        }

        private void path(List<COSBase> operands) {
            PdfRulings.Collector c = rulings;
            switch (name) {
                case "m" -> {
                    if (numbers(operands, 2)) {
                        Point2D.Float p = point(operands, 0);
                        c.moveTo(p.x, p.y);
                    }
                }
                case "l" -> {
                    if (numbers(operands, 2)) {
                        Point2D.Float p = point(operands, 0);
                        c.lineTo(p.x, p.y);
                    }
                }
                case "c" -> {
                    if (numbers(operands, 6)) {
                        Point2D.Float p = point(operands, 4);
                        c.curveTo(p.x, p.y);
                    }
                }
                case "v", "y" -> {
                    if (numbers(operands, 4)) {
                        Point2D.Float p = point(operands, 2);
                        c.curveTo(p.x, p.y);
                    }
                }
                case "h" -> c.closePath();
                case "re" -> {
                    if (numbers(operands, 4)) {
                        float x = value(operands, 0);
                        float y = value(operands, 1);
                        float w = value(operands, 2);
                        float h = value(operands, 3);
                        c.appendRectangle(transformedPoint(x, y), transformedPoint(x + w, y), transformedPoint(x + w, y + h),
                                transformedPoint(x, y + h));
                    }
                }
                case "S" -> c.strokePath(getGraphicsState());
                case "s" -> {
                    c.closePath();
                    c.strokePath(getGraphicsState());
                }
                case "f", "F", "f*" -> c.fillPath(getGraphicsState());
                case "B", "B*" -> c.fillAndStrokePath(getGraphicsState());
                case "b", "b*" -> {
                    c.closePath();
                    c.fillAndStrokePath(getGraphicsState());
                }
                case "n" -> c.endPath();
                default -> throw new IllegalStateException(name);
            }
        }

        private static boolean numbers(List<COSBase> operands, int n) {
            if (operands.size() < n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!(operands.get(i) instanceof COSNumber)) {
                    return false;
                }
            }
            return true;
        }

        private static float value(List<COSBase> operands, int i) {
            return ((COSNumber) operands.get(i)).floatValue();
        }

        private Point2D.Float point(List<COSBase> operands, int i) {
            return transformedPoint(value(operands, i), value(operands, i + 1));
        }
    }

    /**
     * PDFBox's colour operator, whose failure costs the page its rulings only (the separate drawing pass failed
     * there), never the text; what PDFBox only logs (a missing operand or resource) costs nothing.
     */
    private final class ColorOperator extends OperatorProcessor {

        private final OperatorProcessor delegate;

        ColorOperator(OperatorProcessor delegate) {
            super(PositionedTextStripper.this);
            this.delegate = delegate;
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            try {
                delegate.process(operator, operands);
            } catch (MissingOperandException | MissingResourceException e) {
                // PDFBox logs these and goes on
            } catch (IOException | RuntimeException e) {
                rulings = null;
            }
        }
    }
}
