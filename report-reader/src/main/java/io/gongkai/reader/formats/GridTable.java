package io.gongkai.reader.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of an HTML page, Word file or Markdown text with its merged cells expanded into a grid, written out
 * as the tab-separated lines the report text parser reads: one line per row, label cells first, then one
 * field per value column (a field holding a space for a blank cell). A cell spanning rows is written on its
 * first row only and a cell spanning columns once, as printed; every line keeps its table, row and the grid
 * column of each value. Where the header rows above a data row name its value columns ({@link HeaderColumns}),
 * the values are written in the template's order whatever order they are printed in.
 */
final class GridTable {

    /** Bounds on spans so that a hostile rowspan="65534" cannot blow up the grid. */
    static final int MAX_SPAN = 1000;
    static final int MAX_COLUMNS = 200;
    /** The most header rows above a data row (table 三 and 四 have three) asked whether they name its columns. */
    private static final int MAX_HEADER_ROWS = 8;

    /** One source cell placed in the grid. */
    record Placed(String text, int row, int column, int rowSpan, int colSpan) {
    }

    private final List<Placed[]> grid = new ArrayList<>();
    private int width;
    /** The last grid column every row of the source prints (a pipe table's rows are written in full), or -1. */
    private int printedThrough = -1;

    /** Places the next source cell of row {@code row} in the first free grid column, from left to right. */
    void add(int row, String text, int rowSpan, int colSpan) {
        rowSpan = Math.max(1, Math.min(rowSpan, MAX_SPAN));
        colSpan = Math.max(1, Math.min(colSpan, MAX_COLUMNS));
        Placed[] cells = rowCells(row);
        int col = 0;
        while (col < MAX_COLUMNS && cells[col] != null) {
            col++;
        }
        if (col >= MAX_COLUMNS) {
            return;
        }
        Placed p = new Placed(text, row, col, rowSpan, colSpan);
        for (int r = row; r < row + rowSpan; r++) {
            Placed[] target = rowCells(r);
            for (int c = col; c < Math.min(col + colSpan, MAX_COLUMNS); c++) {
                if (target[c] == null) {
                    target[c] = p;
                }
            }
        }
        width = Math.max(width, Math.min(col + colSpan, MAX_COLUMNS));
    }

    /** Marks the grid column {@code column} of {@code row} as continuing the cell above (Word's vMerge). */
    void continueAbove(int row, int column, int colSpan) {
        Placed above = row > 0 && column < MAX_COLUMNS ? rowCells(row - 1)[column] : null;
        Placed[] cells = rowCells(row);
        for (int c = column; c < Math.min(column + Math.max(1, colSpan), MAX_COLUMNS); c++) {
            cells[c] = above != null ? above : new Placed("", row, c, 1, 1);
        }
        width = Math.max(width, Math.min(column + colSpan, MAX_COLUMNS));
    }

    /** The cell placed at grid slot ({@code row}, {@code column}), or null. */
    Placed at(int row, int column) {
        return row >= 0 && row < grid.size() && column >= 0 && column < MAX_COLUMNS ? grid.get(row)[column] : null;
    }

    /** How many grid rows the table has. */
    int rowCount() {
        return grid.size();
    }

    /** Adds {@code more} to the end of the text of the cell at ({@code row}, {@code column}), in every slot it covers. */
    void appendText(int row, int column, String more) {
        Placed old = at(row, column);
        if (old == null) {
            return;
        }
        Placed joined = new Placed(old.text() + more, old.row(), old.column(), old.rowSpan(), old.colSpan());
        for (Placed[] cells : grid) {
            for (int c = 0; c < MAX_COLUMNS; c++) {
                if (cells[c] == old) {
                    cells[c] = joined;
                }
            }
        }
    }

    /**
     * Divides grid column {@code column} in two (a continuation on the next page draws a boundary the first part
     * lacks: its header prints only the groups, the next page their columns): every cell covering the column
     * covers both halves, every cell right of it moves one column right.
     */
    void splitColumn(int column) {
        if (column < 0 || column >= width || width >= MAX_COLUMNS) {
            return;
        }
        java.util.Map<Placed, Placed> moved = new java.util.IdentityHashMap<>();
        for (int r = 0; r < grid.size(); r++) {
            Placed[] old = grid.get(r);
            Placed[] cells = new Placed[MAX_COLUMNS];
            for (int c = 0; c <= width; c++) {
                Placed p = old[c <= column ? c : c - 1];
                cells[c] = p == null ? null : moved.computeIfAbsent(p, q -> new Placed(q.text(), q.row(),
                        q.column() > column ? q.column() + 1 : q.column(), q.rowSpan(),
                        q.column() <= column && column < q.column() + q.colSpan() ? q.colSpan() + 1 : q.colSpan()));
            }
            grid.set(r, cells);
        }
        width++;
        if (printedThrough >= column) {
            printedThrough = Math.min(printedThrough + 1, MAX_COLUMNS - 1);
        }
    }

    /** The first free grid column of {@code row}. */
    int nextFreeColumn(int row) {
        Placed[] cells = rowCells(row);
        int col = 0;
        while (col < MAX_COLUMNS && cells[col] != null) {
            col++;
        }
        return col;
    }

    private Placed[] rowCells(int row) {
        while (grid.size() <= row) {
            grid.add(new Placed[MAX_COLUMNS]);
        }
        return grid.get(row);
    }

    /**
     * Appends the table's lines to {@code out}, one origin per line, for table number {@code table} (1-based).
     * A data row (one with a value) is written as its label cells, then one field per value column the grid
     * locates, a blank cell as a field holding a space: the value columns the header names, else the band of
     * columns that hold values anywhere in the table. So a table that leaves its zeros blank still has every
     * cell in its place, trailing ones included.
     */
    void writeLines(int table, StringBuilder out, List<LineOrigin> origins) {
        int[] band = valueBand();
        // The column order the last header named; header rows (rows without values) before a data row may
        // name a new one (table 二 has a header per block).
        int[] columns = null;
        int headerFrom = -1;
        boolean afterData = false;
        for (int r = 0; r < grid.size(); r++) {
            Placed[] cells = grid.get(r);
            if (!hasValue(cells, r)) {
                // A labelled row whose cells under the value columns are all blank is a data row that printed
                // nothing (every zero left blank), not a header: its blank cells keep their grid columns.
                // Header runs are a few rows: a long run of rows without values is no table of figures, and
                // asking the header again for every one of its rows would cost rows² × width.
                boolean underHeader = headerFrom >= 0 && r - headerFrom <= MAX_HEADER_ROWS && hasBlankCell(cells, r);
                HeaderColumns.Found found = underHeader ? HeaderColumns.find(grid, width, headerFrom, r) : HeaderColumns.Found.NONE;
                int[] candidate = found.layout() ? found.columns() : columns != null ? columns : afterData ? band : null;
                if (candidate != null && isBlankDataRow(cells, r, candidate, !found.layout())) {
                    columns = found.layout() ? found.columns() : columns;
                    headerFrom = -1;
                    writeValues(cells, r, candidate, false, table, out, origins);
                    continue;
                }
                headerFrom = headerFrom < 0 ? r : headerFrom;
                writeAsPrinted(cells, r, table, out, origins);
                continue;
            }
            if (headerFrom >= 0) {
                HeaderColumns.Found found = HeaderColumns.find(grid, width, headerFrom, r);
                if (found.layout()) {
                    columns = found.columns();
                }
                headerFrom = -1;
            }
            afterData = true;
            if (columns == null || !writeValues(cells, r, columns, true, table, out, origins)) {
                writeValues(cells, r, band, true, table, out, origins);
            }
        }
    }

    private boolean hasBlankCell(Placed[] cells, int r) {
        for (int c = 0; c < width; c++) {
            Placed p = cells[c];
            if (p != null && p.row() == r && p.column() == c && p.text().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Under each value column a blank cell of this row, and a label left of them unless the row sits right
     * under a header that names the columns (table 四's data row has no label). A label floating on a row of
     * its own, with no cells under the value columns, is no data row.
     */
    private static boolean isBlankDataRow(Placed[] cells, int r, int[] columns, boolean labelRequired) {
        if (columns.length == 0) {
            return false;
        }
        int first = java.util.Arrays.stream(columns).min().orElse(0);
        boolean label = false;
        for (int c = 0; c < first; c++) {
            Placed p = cells[c];
            label |= p != null && p.row() == r && p.column() == c && !p.text().isBlank();
        }
        for (int c : columns) {
            Placed p = cells[c];
            if (p == null || p.row() != r || p.column() < first || !p.text().isBlank()) {
                return false;
            }
        }
        return label || !labelRequired;
    }

    /**
     * Says that the source prints every row through grid column {@code last} (a pipe table writes each row in full).
     * Without a header that names the value columns they then run from right of the labels to that column, so a
     * column left blank in every row keeps its place instead of falling outside the values.
     */
    void printedThrough(int last) {
        printedThrough = Math.min(last, MAX_COLUMNS - 1);
    }

    /**
     * The grid columns from the first to the last that holds a value in some row; where the source prints its rows
     * in full ({@link #printedThrough}), from right of the last label of a row with values to the last printed column.
     */
    private int[] valueBand() {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int r = 0; r < grid.size(); r++) {
            Placed[] cells = grid.get(r);
            for (int c = 0; c < width; c++) {
                Placed p = cells[c];
                if (p != null && p.row() == r && p.column() == c && HeaderColumns.isValue(p.text())) {
                    first = Math.min(first, c);
                    last = Math.max(last, c);
                }
            }
        }
        if (printedThrough >= 0 && last >= 0) {
            first = Math.min(first, rightOfLabels(first));
            last = Math.max(last, Math.min(printedThrough, width - 1));
        }
        return java.util.stream.IntStream.rangeClosed(Math.min(first, last + 1), last).toArray();
    }

    /** The column right of the last label cell (text that is no value) left of {@code before}, in rows with a value. */
    private int rightOfLabels(int before) {
        int labelEnd = -1;
        for (int r = 0; r < grid.size(); r++) {
            Placed[] cells = grid.get(r);
            if (!hasValue(cells, r)) {
                continue;
            }
            for (int c = 0; c < Math.min(before, width); c++) {
                Placed p = cells[c];
                if (p != null && p.row() == r && p.column() == c && !p.text().isBlank() && !HeaderColumns.isValue(p.text())) {
                    labelEnd = Math.max(labelEnd, c);
                }
            }
        }
        return labelEnd + 1;
    }

    /** A row without values (caption, header), cell by cell as printed; merged cells once, where they start. */
    private void writeAsPrinted(Placed[] cells, int r, int table, StringBuilder out, List<LineOrigin> origins) {
        StringBuilder line = new StringBuilder();
        int fields = 0;
        for (int c = 0; c < width; c++) {
            Placed p = cells[c];
            if (p == null || p.row() != r || p.column() != c) {
                continue;
            }
            String text = oneLine(p.text());
            if (text.isEmpty()) {
                continue;
            }
            if (fields++ > 0) {
                line.append('\t');
            }
            line.append(text);
        }
        if (fields > 0) {
            out.append(line).append('\n');
            origins.add(LineOrigin.tableRow(table, r + 1, 1));
        }
    }

    /**
     * Writes a data row: the labels left of the first of {@code columns}, then one field per column (a cell
     * spanning several of them once). False, writing nothing, when a value is required and none of the
     * columns holds one.
     */
    private boolean writeValues(Placed[] cells, int r, int[] columns, boolean valueRequired, int table,
            StringBuilder out, List<LineOrigin> origins) {
        int shift = raggedShift(cells, r, columns);
        if (shift > 0) {
            columns = java.util.Arrays.stream(columns).map(c -> c + shift).toArray();
        }
        int first = java.util.Arrays.stream(columns).min().orElse(0);
        List<String> fields = new ArrayList<>();
        for (int c = 0; c < first; c++) {
            Placed p = cells[c];
            if (p != null && p.row() == r && p.column() == c && !p.text().isBlank()) {
                fields.add(label(p.text()));
            }
        }
        boolean anyValue = false;
        List<Integer> written = new ArrayList<>(columns.length);
        for (int c : columns) {
            Placed p = cells[c];
            if (p != null && p.row() == r && p.column() != c && p.column() >= first) {
                continue; // the rest of a cell spanning columns: written once, where it starts
            }
            String text = p == null || p.row() != r ? "" : oneLine(p.text());
            anyValue |= looksLikeValue(text);
            fields.add(text.isEmpty() ? " " : text);
            written.add(c + 1);
        }
        if (valueRequired && !anyValue || written.isEmpty()) {
            return false;
        }
        out.append(String.join("\t", fields)).append('\n');
        origins.add(new LineOrigin(null, table, r + 1, written.get(0), List.copyOf(written)));
        return true;
    }

    /**
     * How far a ragged row stands right of the header's columns: hand-made and converted tables give a row an extra
     * cell before its label (a spacer, a group label repeated), so its label sits under the first value column and its
     * values one or two columns further right. The shift is taken only when a label (no value) stands in the first
     * value column (four characters or more: a row label, not a short text value such as 不详) and every shifted
     * column of the row is its own cell holding a value or nothing, the last (the total) a value.
     */
    private int raggedShift(Placed[] cells, int r, int[] columns) {
        int first = java.util.Arrays.stream(columns).min().orElse(0);
        if (columns.length == 0 || !isLabelCell(cells, r, first)) {
            return 0;
        }
        for (int k = 1; k <= 2; k++) {
            if (k == 2 && !isLabelCell(cells, r, first + 1) && !isEmptyCell(cells, r, first + 1)) {
                return 0;
            }
            boolean fits = true;
            boolean anyValue = false;
            for (int c : columns) {
                int shifted = c + k;
                Placed p = shifted < width ? cells[shifted] : null;
                if (p == null || p.row() != r || p.column() != shifted) {
                    fits = false;
                    break;
                }
                String text = oneLine(p.text());
                if (!text.isEmpty() && !HeaderColumns.isValue(text)) {
                    fits = false;
                    break;
                }
                anyValue |= !text.isEmpty();
            }
            // the band's last column (a total) holds a value: a short text value such as 不详 in the first column
            // of a row with a trailing empty cell is no label, and must not pull the row's values left
            int last = java.util.Arrays.stream(columns).max().orElse(0) + k;
            if (fits && anyValue && !oneLine(cells[last].text()).isEmpty()) {
                return k;
            }
        }
        return 0;
    }

    private boolean isLabelCell(Placed[] cells, int r, int c) {
        Placed p = c < width ? cells[c] : null;
        return p != null && p.row() == r && p.column() == c && !p.text().isBlank() && !HeaderColumns.isValue(p.text())
                && oneLine(p.text()).codePoints().filter(Character::isIdeographic).count() >= 4;
    }

    private boolean isEmptyCell(Placed[] cells, int r, int c) {
        Placed p = c < width ? cells[c] : null;
        return p == null || p.row() != r || p.text().isBlank();
    }

    private boolean hasValue(Placed[] cells, int r) {
        for (int c = 0; c < width; c++) {
            Placed p = cells[c];
            if (p != null && p.row() == r && p.column() == c && HeaderColumns.isValue(p.text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A row label as one field: a narrow label column wraps its label over lines and justifies it with spaces
     * between the characters ("1. 属 于 国 家 秘" / "密"); the label is the characters without those gaps.
     */
    private static String label(String text) {
        String s = oneLine(text);
        if (s.codePoints().noneMatch(Character::isIdeographic)) {
            return s;
        }
        return s.replaceAll("[\\s\u3000\u00a0]+", "");
    }

    /** Line breaks inside a cell (wrapped labels: 商业/企业) are joined without a gap; tabs become spaces. */
    private static String oneLine(String s) {
        if (s.indexOf('\t') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s.strip();
        }
        return s.replace('\t', ' ').replace("\r", "").replace("\n", "").strip();
    }

    private static boolean looksLikeValue(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '—' || c == '－' || (c >= '０' && c <= '９') || s.equals("无");
    }
}
