package io.gongkai.reader.formats.render;

import java.util.List;

/**
 * A report laid out as a publisher would: paragraphs and the three official tables with their merged
 * cells. The renderers write it as HTML, DOCX and PDF; the extraction tests read those back.
 */
public record RenderedReport(List<Block> blocks) {

    public sealed interface Block permits Paragraph, Table {
    }

    public record Paragraph(String text) implements Block {
    }

    /** Rows of cells in source order (a cell covered by a span above or to the left is not repeated). */
    public record Table(List<List<TableCell>> rows, double[] columnWidths) implements Block {

        public int columns() {
            return columnWidths.length;
        }
    }

    public record TableCell(String text, int rowSpan, int colSpan) {

        public static TableCell of(String text) {
            return new TableCell(text, 1, 1);
        }
    }
}
