package io.gongkai.reader.parsing;

import io.gongkai.model.Provenance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Places the values of a table whose text lost them from their labels (a converter writing a table cell by cell in
 * reading order, {@code pdftotext} without {@code -layout}) by the order of rows and columns the template fixes, and
 * keeps a placement only where the table's identities (勾稽关系) prove it: the values are taken in the order printed,
 * in runs (value lines between two lines of text), every value exactly once; the runs may come in any order, but a
 * placement is kept only when exactly one arrangement of them satisfies every identity. Anything else (a blank cell,
 * a marker, a stray number, two arrangements that both add up) places nothing, and the table stays unreadable.
 */
final class ReadingOrderPlacement {

    /** Runs are tried in every order up to this many (6! = 720 arrangements); more keep their printed order only. */
    private static final int MAX_PERMUTED_RUNS = 6;

    private ReadingOrderPlacement() {
    }

    /**
     * The numbers of [from, to) in runs: the cells of lines of values, and those ending a line of text; null when such
     * cells hold anything but numbers.
     */
    static List<List<Cell>> valueRuns(List<Line> lines, int from, int to) {
        List<List<Cell>> runs = new ArrayList<>();
        List<Cell> run = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<LineItem> items = LineTokenizer.tokenize(line).items();
            int lastLabel = -1;
            for (int k = 0; k < items.size(); k++) {
                if (!(items.get(k) instanceof Cell c) || isWord(c)) {
                    lastLabel = k;
                }
            }
            if (lastLabel >= 0) {
                // Text ends a run; numbers after it on its line ("…不再处理其政府信息 0": a cell that reading order put
                // on a label's line) start the next.
                if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                items = items.subList(lastLabel + 1, items.size());
            }
            for (LineItem item : items) {
                Cell c = (Cell) item;
                if (c.kind() != Cell.Kind.NUMBER) {
                    // A blank, "/" or "—" may stand for one cell or none: the count proves nothing then.
                    return null;
                }
                run.add(c);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /**
     * 无 (暂无, 空) read as a no-value cell: in text written a character per line it is as likely a character of a label
     * (（四）无法提供); taken as text, a cell it stood for would leave the count short and place nothing.
     */
    private static boolean isWord(Cell c) {
        return c.kind() == Cell.Kind.MARKER && !c.raw().isBlank() && Character.isIdeographic(c.raw().strip().codePointAt(0));
    }

    /** How many numbers stand on lines of values only (no text) in [from, to). */
    static int numbersOnValueLines(List<Line> lines, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<LineItem> items = LineTokenizer.tokenize(line).items();
            if (items.stream().allMatch(it -> it instanceof Cell)) {
                n += (int) items.stream().filter(it -> ((Cell) it).kind() == Cell.Kind.NUMBER).count();
            }
        }
        return n;
    }

    /**
     * The only arrangement of the runs that fills a rows × columns grid row by row and satisfies {@code identities},
     * or null when none or more than one (with different values) does. Up to six runs are tried in every order; more
     * only in the printed order, where {@code printedOrderBeyondLimit} (a tall table whose identities tie every row and
     * column: a run moved whole or cut elsewhere breaks them), else not at all.
     */
    static Cell[][] place(List<List<Cell>> runs, int rows, int columns, Predicate<BigDecimal[][]> identities,
            boolean printedOrderBeyondLimit) {
        if (runs == null || runs.isEmpty() || runs.stream().mapToInt(List::size).sum() != rows * columns) {
            return null;
        }
        if (runs.size() > MAX_PERMUTED_RUNS && !printedOrderBeyondLimit) {
            return null;
        }
        // Beyond that many runs, the printed order only: reading order keeps the rows of a tall table top to bottom.
        List<List<List<Cell>>> orders = runs.size() <= MAX_PERMUTED_RUNS ? permutations(runs) : List.of(runs);
        Cell[][] found = null;
        Set<List<BigDecimal>> distinct = new HashSet<>();
        for (List<List<Cell>> order : orders) {
            Cell[][] grid = new Cell[rows][columns];
            BigDecimal[][] values = new BigDecimal[rows][columns];
            List<BigDecimal> flat = new ArrayList<>(rows * columns);
            int k = 0;
            for (List<Cell> run : order) {
                for (Cell c : run) {
                    grid[k / columns][k % columns] = c;
                    values[k / columns][k % columns] = c.value();
                    flat.add(c.value().stripTrailingZeros());
                    k++;
                }
            }
            if (identities.test(values) && distinct.add(flat)) {
                if (found != null) {
                    return null; // two placements add up: neither is proven
                }
                found = grid;
            }
        }
        return found;
    }

    /** A placed row as the parser keeps it: values, and where each was printed. */
    static RowResolver.Resolved resolved(Cell[] row, String label) {
        BigDecimal[] values = new BigDecimal[row.length];
        Provenance[] provenance = new Provenance[row.length];
        for (int i = 0; i < row.length; i++) {
            values[i] = row[i].value();
            provenance[i] = new Provenance(null, row[i].line(), i, label, row[i].raw());
        }
        return new RowResolver.Resolved(values, provenance, false);
    }

    private static List<List<List<Cell>>> permutations(List<List<Cell>> runs) {
        List<List<List<Cell>>> out = new ArrayList<>();
        permute(new ArrayList<>(runs), 0, out);
        return out;
    }

    private static void permute(List<List<Cell>> runs, int k, List<List<List<Cell>>> out) {
        if (k == runs.size()) {
            out.add(List.copyOf(runs));
            return;
        }
        for (int i = k; i < runs.size(); i++) {
            java.util.Collections.swap(runs, k, i);
            permute(runs, k + 1, out);
            java.util.Collections.swap(runs, k, i);
        }
    }
}
