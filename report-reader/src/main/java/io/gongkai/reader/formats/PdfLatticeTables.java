package io.gongkai.reader.formats;

import io.gongkai.reader.formats.PdfRulings.Ruling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The lattice reader: a PDF's ruled tables read from their structure. Per page, the tables its ruling lines
 * form ({@link Lattice}) get the characters printed inside their cells ({@link CellText}); a table that goes on
 * on the next page (nothing but the page break between the two parts, the columns of the second part among
 * those of the first) is stitched to it, its repeated header rows dropped. The result is the same
 * {@link GridTable} that HTML and Word tables become, so that from the grid on every format takes one path.
 * Text outside ruled tables stays with the text-position reader.
 */
final class PdfLatticeTables {

    /** Boundaries of two parts of one table may differ by this much (PDF units). */
    private static final float SAME_BOUNDARY = 2 * Lattice.TOLERANCE;
    /** How many leading rows of a continuation are compared with the first part's for a repeated header. */
    private static final int MAX_HEADER_ROWS = 6;
    /** A cell across the whole table with this many lines is a frame around text. */
    static final int FRAME_LINES = 3;
    /** So is a cell across the whole table that starts a section (四、…): the table before it has ended. */
    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile("[一二三四五六七八九十]{1,2}、");
    /** So is any cell with this many characters: paragraphs, not a label or a value. */
    static final int FRAME_CHARACTERS = 160;
    /** How a row's own item starts: 一、 （一） (1) 1. 1、 ①. */
    private static final java.util.regex.Pattern ITEM_NUMBER = java.util.regex.Pattern.compile(
            "[（(]?[一二三四五六七八九十]{1,3}[）)、]|[（(]?\\d{1,2}[）)、.．]|[\u2460-\u2473]");

    /**
     * A ruled table found on one page: its lattice, the text of each of its cells (in the lattice's cell order)
     * and the page's lines (indexes into the page's {@link PositionedLine}s) that it replaces.
     */
    record PageTable(int page, Lattice.Table lattice, String[] texts, BitSet lines) {

        int firstLine() {
            return lines.nextSetBit(0);
        }
    }

    private PdfLatticeTables() {
    }

    /** The ruled tables of one page that hold text, in the order of their first line. */
    static List<PageTable> find(int page, List<Ruling> rulings, int lineCount, List<Glyph> glyphs) {
        List<Lattice.Table> tables = new ArrayList<>();
        for (Lattice.Table t : Lattice.tables(rulings)) {
            tables.addAll(withoutFrames(t, glyphs));
        }
        if (tables.isEmpty()) {
            return List.of();
        }
        List<List<List<Glyph>>> cellGlyphs = new ArrayList<>();
        int[][] inTable = new int[tables.size()][lineCount];
        for (Lattice.Table t : tables) {
            List<List<Glyph>> cells = new ArrayList<>();
            for (int i = 0; i < t.cells().size(); i++) {
                cells.add(new ArrayList<>());
            }
            cellGlyphs.add(cells);
        }
        int[] perLine = new int[lineCount];
        for (Glyph g : glyphs) {
            if (g.line() >= lineCount) {
                continue;
            }
            perLine[g.line()]++;
            for (int t = 0; t < tables.size(); t++) {
                int cell = tables.get(t).cellAt(g.centerX(), g.centerY());
                if (cell >= 0) {
                    cellGlyphs.get(t).get(cell).add(g);
                    inTable[t][g.line()]++;
                    break;
                }
            }
        }
        List<PageTable> found = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            BitSet lines = new BitSet();
            for (int i = 0; i < lineCount; i++) {
                if (inTable[t][i] * 2 > perLine[i]) {
                    lines.set(i);
                }
            }
            if (lines.isEmpty()) {
                continue; // a ruled box without text: decoration
            }
            List<List<Glyph>> cells = cellGlyphs.get(t);
            String[] texts = new String[cells.size()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = CellText.join(cells.get(i));
            }
            found.add(new PageTable(page, tables.get(t), texts, lines));
        }
        found.sort((a, b) -> Integer.compare(a.firstLine(), b.firstLine()));
        return found;
    }

    /**
     * The table without its frame rows: a cell across the whole width holding {@value #FRAME_LINES} or more lines
     * or a section heading, or any cell holding {@value #FRAME_CHARACTERS} or more characters, is running text in a
     * box (a page's bordered layout table around the report, with the real table inside
     * touching its border), not a cell of a data table. Those rows go back to the text; the rows between them
     * are tables of their own.
     */
    static List<Lattice.Table> withoutFrames(Lattice.Table table, List<Glyph> glyphs) {
        List<List<Glyph>> cells = new ArrayList<>();
        for (int i = 0; i < table.cells().size(); i++) {
            cells.add(new ArrayList<>());
        }
        for (Glyph g : glyphs) {
            int cell = table.cellAt(g.centerX(), g.centerY());
            if (cell >= 0) {
                cells.get(cell).add(g);
            }
        }
        boolean[] frame = new boolean[table.rows()];
        boolean any = false;
        for (int i = 0; i < cells.size(); i++) {
            Lattice.Cell cell = table.cells().get(i);
            boolean wide = cell.colSpan() == table.columns() && !cells.get(i).isEmpty();
            boolean box = wide && (CellText.lines(cells.get(i)).size() >= FRAME_LINES
                    || HEADING.matcher(CellText.join(cells.get(i))).lookingAt());
            if (box || cells.get(i).size() >= FRAME_CHARACTERS) {
                for (int r = cell.row(); r < cell.row() + cell.rowSpan(); r++) {
                    frame[r] = true;
                }
                any = true;
            }
        }
        if (!any) {
            return List.of(table);
        }
        List<Lattice.Table> parts = new ArrayList<>();
        int from = -1;
        for (int r = 0; r <= frame.length; r++) {
            if (r < frame.length && !frame[r]) {
                from = from < 0 ? r : from;
            } else if (from >= 0) {
                parts.add(table.rows(from, r));
                from = -1;
            }
        }
        return parts;
    }

    /** One table of the document: its parts stitched into one grid, with the page of each grid row. */
    static final class Stitched {

        private final GridTable grid = new GridTable();
        private final List<Integer> rowPages = new ArrayList<>();
        private float[] xs;
        private final List<String[]> headRows = new ArrayList<>();
        private int lastPage;

        Stitched(PageTable first) {
            xs = first.lattice().xs();
            int[] identity = new int[xs.length];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            for (int r = 0; r < Math.min(MAX_HEADER_ROWS, first.lattice().rows()); r++) {
                headRows.add(slotTexts(first, identity, r));
            }
            append(first, identity, 0);
        }

        GridTable grid() {
            return grid;
        }

        /** The 1-based page of 0-based grid row {@code row}. */
        int pageOfRow(int row) {
            return rowPages.get(Math.max(0, Math.min(row, rowPages.size() - 1)));
        }

        /**
         * Appends {@code next} when it continues this table on the following page: same outer edges, each of its
         * column boundaries one of this table's. Leading rows that repeat this table's header are dropped.
         */
        boolean continueWith(PageTable next) {
            if (next.page() != lastPage + 1) {
                return false;
            }
            int[] columns = columnMap(next.lattice().xs());
            if (columns == null && refines(next.lattice().xs())) {
                // The first part printed only the header's group cells (行政复议 | 行政诉讼) before the page break:
                // the columns are the continuation's, and the first part's cells span them.
                refineTo(next.lattice().xs());
                columns = columnMap(next.lattice().xs());
            }
            if (columns == null) {
                return false;
            }
            int dropped = 0;
            while (dropped < headRows.size() && dropped < next.lattice().rows()) {
                String[] row = slotTexts(next, columns, dropped);
                if (!Arrays.equals(row, headRows.get(dropped)) || hasValue(row) || String.join("", row).isEmpty()) {
                    break;
                }
                dropped++;
            }
            if (dropped < next.lattice().rows() && continuesLastRow(next, columns, dropped)) {
                dropped++;
            }
            append(next, columns, dropped);
            return true;
        }

        /**
         * Whether row {@code row} of {@code next} is the rest of this table's last row, cut by the page break (an
         * office suite lets a row break across pages: a label wrapped over three lines prints two on one page and
         * the third on the next). Such a fragment has the last row's cells (the same column spans), text only in
         * cells where the last row has text, no number or no-value mark, none under a value, and does not start an
         * item of its own (一、 （一） 1. …):
         * its text is then added to the last row's cells. A group label cut with it and spanning the rows after it
         * stays a cell of its own. A row left blank but for its own label (every zero left blank) starts with its
         * item number and stays a row.
         */
        private boolean continuesLastRow(PageTable next, int[] columns, int row) {
            int last = grid.rowCount() - 1;
            if (last < 0) {
                return false;
            }
            Lattice.Table lattice = next.lattice();
            List<int[]> own = new ArrayList<>(); // {cell index, grid column} of the fragment's cells holding text
            boolean text = false;
            for (int i = 0; i < lattice.cells().size(); i++) {
                Lattice.Cell cell = lattice.cells().get(i);
                if (row < cell.row() || row >= cell.row() + cell.rowSpan()) {
                    continue;
                }
                int column = columns[cell.column()];
                int span = columns[cell.column() + cell.colSpan()] - column;
                if (span == 0) {
                    continue;
                }
                GridTable.Placed above = grid.at(last, column);
                if (above == null || above.column() != column || above.colSpan() != span) {
                    return false; // other cells: a row of its own
                }
                String t = compact(next.texts()[i]);
                if (t.isEmpty()) {
                    continue;
                }
                if (cell.row() == row && cell.rowSpan() > 1 && above.row() + above.rowSpan() - 1 == last
                        && !compact(above.text()).isEmpty()) {
                    // A group label the page break cut too ("（六）其他处" | "理", over the cut row and the rows
                    // after it): it stays a cell of its own, as such cells always have; it must not start an item.
                    if (t.chars().anyMatch(Character::isDigit) || ITEM_NUMBER.matcher(t).lookingAt()
                            || HeaderColumns.isValue(t)) {
                        return false;
                    }
                    continue;
                }
                if (cell.row() != row || cell.rowSpan() != 1 || above.row() + above.rowSpan() - 1 != last
                        || compact(above.text()).isEmpty() || t.chars().anyMatch(Character::isDigit)) {
                    return false;
                }
                if (HeaderColumns.isValue(t) || HeaderColumns.isValue(above.text())) {
                    // "—" under a number: the next row's value, left blank (行政处罚 1048 / 行政强制 —), not the
                    // rest of a cut row, whose second part only ever continues text.
                    return false;
                }
                if (!text && ITEM_NUMBER.matcher(t).lookingAt()) {
                    return false;
                }
                text = true;
                own.add(new int[] {i, column});
            }
            if (!text) {
                return false;
            }
            for (int[] o : own) {
                grid.appendText(last, o[1], next.texts()[o[0]]);
            }
            return true;
        }

        private void append(PageTable part, int[] columns, int dropped) {
            int offset = rowPages.size();
            Lattice.Table lattice = part.lattice();
            // Cells are in reading order (top-left slot row by row), as GridTable places them.
            for (int i = 0; i < lattice.cells().size(); i++) {
                Lattice.Cell cell = lattice.cells().get(i);
                int end = cell.row() + cell.rowSpan();
                if (end <= dropped) {
                    continue;
                }
                int from = Math.max(cell.row(), dropped);
                int column = columns[cell.column()];
                int span = columns[cell.column() + cell.colSpan()] - column;
                if (span == 0) {
                    continue; // a sliver between two lines that are one boundary of the table (see columnMap)
                }
                grid.add(offset + from - dropped, part.texts()[i], end - from, span);
            }
            for (int r = dropped; r < lattice.rows(); r++) {
                rowPages.add(part.page());
            }
            lastPage = part.page();
        }

        /** Whether {@code other} has the same outer edges and every boundary of this table, and more. */
        private boolean refines(float[] other) {
            if (other.length <= xs.length || Math.abs(other[0] - xs[0]) > SAME_BOUNDARY
                    || Math.abs(other[other.length - 1] - xs[xs.length - 1]) > SAME_BOUNDARY) {
                return false;
            }
            for (float x : xs) {
                boolean found = false;
                for (float o : other) {
                    found |= Math.abs(o - x) <= SAME_BOUNDARY;
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        /** Adds each boundary of {@code other} this table lacks: the column it falls in is divided in two. */
        private void refineTo(float[] other) {
            for (float o : other) {
                int j = 1;
                while (j < xs.length && xs[j] < o - SAME_BOUNDARY) {
                    j++;
                }
                if (j == xs.length || Math.abs(xs[j] - o) <= SAME_BOUNDARY || Math.abs(xs[j - 1] - o) <= SAME_BOUNDARY) {
                    continue;
                }
                grid.splitColumn(j - 1);
                for (int r = 0; r < headRows.size(); r++) {
                    String[] row = headRows.get(r);
                    String[] split = new String[row.length + 1];
                    for (int c = 0; c < split.length; c++) {
                        split[c] = row[c <= j - 1 ? c : c - 1];
                    }
                    headRows.set(r, split);
                }
                float[] more = new float[xs.length + 1];
                System.arraycopy(xs, 0, more, 0, j);
                more[j] = o;
                System.arraycopy(xs, j, more, j + 1, xs.length - j);
                xs = more;
            }
        }

        /**
         * For each boundary of {@code other}, the index of the same boundary here (the nearest within
         * {@link #SAME_BOUNDARY}); null if one has none. Two boundaries of {@code other} may be one here: a scan
         * finds a border and the page frame beside it as two lines on one page and as one on the next, and the
         * sliver between them holds nothing ({@link #append} drops such empty cells).
         */
        private int[] columnMap(float[] other) {
            if (Math.abs(other[0] - xs[0]) > SAME_BOUNDARY
                    || Math.abs(other[other.length - 1] - xs[xs.length - 1]) > SAME_BOUNDARY) {
                return null;
            }
            int[] map = new int[other.length];
            for (int i = 0; i < other.length; i++) {
                int best = -1;
                for (int j = 0; j < xs.length; j++) {
                    if (Math.abs(xs[j] - other[i]) <= SAME_BOUNDARY
                            && (best < 0 || Math.abs(xs[j] - other[i]) < Math.abs(xs[best] - other[i]))) {
                        best = j;
                    }
                }
                if (best < 0 || i > 0 && best < map[i - 1]) {
                    return null;
                }
                map[i] = best;
            }
            return map;
        }
    }

    /** The text of every grid slot of row {@code row} of a part, in this table's columns (merged cells repeat). */
    private static String[] slotTexts(PageTable part, int[] columns, int row) {
        String[] slots = new String[columns[columns.length - 1]];
        Arrays.fill(slots, "");
        Lattice.Table lattice = part.lattice();
        for (int i = 0; i < lattice.cells().size(); i++) {
            Lattice.Cell cell = lattice.cells().get(i);
            if (row >= cell.row() && row < cell.row() + cell.rowSpan()) {
                for (int c = columns[cell.column()]; c < columns[cell.column() + cell.colSpan()]; c++) {
                    slots[c] = compact(part.texts()[i]);
                }
            }
        }
        return slots;
    }

    private static boolean hasValue(String[] row) {
        for (String s : row) {
            if (HeaderColumns.isValue(s)) {
                return true;
            }
        }
        return false;
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }
}
