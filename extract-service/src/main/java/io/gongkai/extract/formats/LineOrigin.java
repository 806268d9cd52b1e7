package io.gongkai.extract.formats;

/**
 * Where one line of {@link SourceText} came from.
 *
 * @param page             1-based page (PDF), else null
 * @param table            1-based table of the document (HTML, Word), else null
 * @param row              1-based row of that table, else null
 * @param firstValueColumn 1-based grid column of the line's first value cell (after the label cells), else null
 */
public record LineOrigin(Integer page, Integer table, Integer row, Integer firstValueColumn) {

    public static final LineOrigin UNKNOWN = new LineOrigin(null, null, null, null);

    public static LineOrigin page(int page) {
        return new LineOrigin(page, null, null, null);
    }

    public static LineOrigin tableRow(int table, int row, int firstValueColumn) {
        return new LineOrigin(null, table, row, firstValueColumn);
    }
}
