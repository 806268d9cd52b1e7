package io.gongkai.reader.formats;

import java.util.List;

/**
 * Where one line of {@link SourceText} came from.
 *
 * @param page             1-based page (PDF), else null
 * @param table            1-based table of the document (HTML, Word), else null
 * @param row              1-based row of that table, else null
 * @param firstValueColumn 1-based grid column of the line's first value cell (after the label cells), else null
 * @param valueColumns     where the values were written in another order than printed: the 1-based grid column
 *                         of each value field, else null (values are consecutive from {@code firstValueColumn})
 */
public record LineOrigin(Integer page, Integer table, Integer row, Integer firstValueColumn, List<Integer> valueColumns) {

    public static final LineOrigin UNKNOWN = new LineOrigin(null, null, null, null, null);

    public static LineOrigin page(int page) {
        return new LineOrigin(page, null, null, null, null);
    }

    public static LineOrigin tableRow(int table, int row, int firstValueColumn) {
        return new LineOrigin(null, table, row, firstValueColumn, null);
    }

    /** The 1-based grid column of the value at 0-based index {@code column} among the line's values, or null. */
    public Integer valueColumn(Integer column) {
        if (column == null) {
            return null;
        }
        if (valueColumns != null) {
            return column < valueColumns.size() ? valueColumns.get(column) : null;
        }
        return firstValueColumn == null ? null : firstValueColumn + column;
    }
}
