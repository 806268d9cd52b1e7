package io.gongkai.reader.parsing;

import io.gongkai.model.Provenance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * The cells of [from, to) in runs: the numbers and no-value marks ("/", "—", "-") of lines of values, and numbers
     * ending a line of text; a lone 无 is read as a character of a label (see {@link #valueRuns(List, int, int, boolean)}).
     * Null when such cells hold anything else (text in a value's place, an empty field).
     */
    static List<List<Cell>> valueRuns(List<Line> lines, int from, int to) {
        return valueRuns(lines, from, to, NoneWord.TEXT);
    }

    /** How a lone 无 (暂无, 空) on a line of its own is read: it may be a cell, or a character of a label. */
    enum NoneWord {
        /** A character of a label (（四）无法提供 written a character per line). */
        TEXT,
        /** A cell, unless text stands on both sides of it (a label written a character per line: 申 / 请 / 人 / 无 / 正 …). */
        CELL_BESIDE_VALUES,
        /** Always a cell (a table whose labels hold no 无). */
        CELL
    }

    /**
     * Like {@link #valueRuns(List, int, int)}, a lone 无 read as {@code noneWord} says. A mark is a token, so it holds
     * its cell's place: placed, it reads null (the document says no value), and counts 0 in the identities, as the
     * rules count it. Which 无 is meant the caller settles by trying the readings.
     */
    static List<List<Cell>> valueRuns(List<Line> lines, int from, int to, NoneWord noneWord) {
        List<List<Cell>> runs = new ArrayList<>();
        List<Cell> run = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<LineItem> items = items(line, noneWord != NoneWord.TEXT);
            boolean wordIsText = noneWord == NoneWord.TEXT
                    || noneWord == NoneWord.CELL_BESIDE_VALUES && items.size() == 1 && textAround(lines, from, to, i);
            int lastLabel = -1;
            for (int k = 0; k < items.size(); k++) {
                if (!(items.get(k) instanceof Cell c) || wordIsText && isWord(c)) {
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
                if (items.get(lastLabel) instanceof LabelItem label) {
                    Cell glued = gluedNumber(label);
                    if (glued != null) {
                        run.add(glued);
                    }
                }
                items = items.subList(lastLabel + 1, items.size());
            }
            for (LineItem item : items) {
                Cell c = (Cell) item;
                if (c.kind() != Cell.Kind.NUMBER && c.kind() != Cell.Kind.MARKER) {
                    // An empty field or text where a value belongs: what it stands for is not known.
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

    /** The words that say "no value" when they stand alone: what the tokenizer reads as a no-value cell. */
    private static final java.util.Set<String> NONE_WORDS = java.util.Set.of("无", "暂无", "空");

    /**
     * The line's items; with {@code noneWordsAreCells}, text made only of no-value words apart ("无 无": two cells side
     * by side, which the tokenizer keeps as one piece of text) as that many no-value cells.
     */
    static List<LineItem> items(Line line, boolean noneWordsAreCells) {
        List<LineItem> items = LineTokenizer.tokenize(line).items();
        if (!noneWordsAreCells) {
            return items;
        }
        List<LineItem> out = new ArrayList<>(items.size());
        for (LineItem item : items) {
            String[] words = item instanceof LabelItem l ? l.raw().strip().split("\\s+") : null;
            if (words != null && words.length > 1 && java.util.Arrays.stream(words).allMatch(NONE_WORDS::contains)) {
                for (String w : words) {
                    out.add(new Cell(Cell.Kind.MARKER, w, null, null, line.number));
                }
            } else if (words != null && words.length > 1 && NONE_WORDS.contains(words[words.length - 1])) {
                // "…不再处理其政府信息 无": a cell that reading order put on a label's line, as a number would be.
                String raw = ((LabelItem) item).raw().strip();
                out.add(LabelItem.of(raw.substring(0, raw.lastIndexOf(words[words.length - 1])).strip(), line.number));
                out.add(new Cell(Cell.Kind.MARKER, words[words.length - 1], null, null, line.number));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /** Whether the nearest lines with anything on them on both sides of line {@code at} hold text. */
    private static boolean textAround(List<Line> lines, int from, int to, int at) {
        return hasText(lines, at - 1, from - 1, -1) && hasText(lines, at + 1, to, 1);
    }

    private static boolean hasText(List<Line> lines, int start, int end, int step) {
        for (int i = start; i != end; i += step) {
            if (!lines.get(i).isBlank()) {
                return LineTokenizer.tokenize(lines.get(i)).items().stream().anyMatch(it -> it instanceof LabelItem);
            }
        }
        return false;
    }

    /** Whether a lone 无 (暂无, 空) stands in [from, to): then both readings of it are to be tried. */
    static boolean hasNoneWord(List<Line> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isBlank()) {
                for (LineItem item : items(lines.get(i), true)) {
                    if (item instanceof Cell c && isWord(c)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Digits glued to the end of a label after a Chinese character or a bracket ("（二）0": a narrow cell's first value
     * beside the label's last line): a cell. Row labels never end in a figure; a narrative one that does adds a value
     * too many, and nothing is placed.
     */
    private static Cell gluedNumber(LabelItem label) {
        String raw = label.raw().strip();
        int start = raw.length();
        while (start > 0 && raw.charAt(start - 1) >= '0' && raw.charAt(start - 1) <= '9') {
            start--;
        }
        if (start == raw.length() || start == 0 || start < raw.length() - 6) {
            return null;
        }
        char before = raw.charAt(start - 1);
        if (!Character.isIdeographic(before) && "）)】]".indexOf(before) < 0) {
            return null;
        }
        Cell c = LineTokenizer.gluedNumber(raw.substring(start), label.line());
        return c.kind() == Cell.Kind.NUMBER ? c : null;
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
        Map<List<BigDecimal>, Cell[][]> found = new LinkedHashMap<>();
        arrangements(runs, rows, columns, identities, printedOrderBeyondLimit, found);
        return only(found);
    }

    /**
     * Like {@link #place} (runs beyond six in their printed order); where no arrangement of them row by row satisfies the
     * identities, the values read as blocks of whole rows each written row by row or column by column (a converter that
     * writes part of a tall table a column at a time), every row of a block passing {@code rowCheck}, kept only when
     * exactly one such grid satisfies the identities. Row by row comes first: it is how reading order writes a table,
     * and in a sparse table a column-by-column block can move a row's only figure and its 总计 together.
     */
    static Cell[][] placeRowsOrColumns(List<List<Cell>> runs, int rows, int columns, Predicate<BigDecimal[][]> identities,
            Predicate<BigDecimal[]> rowCheck) {
        return placeAnyReading(java.util.Collections.singletonList(runs), rows, columns, identities, rowCheck);
    }

    /**
     * Like {@link #placeRowsOrColumns(List, int, int, Predicate, Predicate)} over several readings of the same text (a
     * lone 无 read as a cell, or as a character of a label): a grid is kept only when exactly one, over all readings,
     * satisfies the identities.
     */
    static Cell[][] placeAnyReading(List<List<List<Cell>>> readings, int rows, int columns,
            Predicate<BigDecimal[][]> identities, Predicate<BigDecimal[]> rowCheck) {
        Map<List<BigDecimal>, Cell[][]> found = new LinkedHashMap<>();
        for (List<List<Cell>> runs : readings) {
            if (!rowsOrColumns(runs, rows, columns, identities, rowCheck, found)
                    || !splitNumbers(runs, rows, columns, identities, rowCheck, found)) {
                return null; // too many readings to tell: nothing is proven
            }
        }
        return only(found);
    }

    /** At most this many numbers split over two lines are joined in one table: each multiplies the readings. */
    private static final int MAX_SPLIT_NUMBERS = 3;

    /** At most this many partial readings are followed when joining split numbers; more means nothing is proven. */
    private static final int MAX_SPLIT_STEPS = 2_000_000;

    /**
     * A number printed in a cell too narrow for it wraps: pdftotext writes its first digits ({@code 1}) before or among
     * its row's other values and the rest ({@code 2}) on a line of its own after them, a value too many for each such
     * number. Where the values exceed the grid by one to three, they are read with that many such pairs joined: a
     * number not starting with 0 and, at most a row's width after it, a number alone on its line no longer than it
     * (the wrapped line is the shorter), the joined number standing anywhere among the values between them (which cell
     * of the row it was is not known). Read row by row, in the printed order; every grid whose rows pass {@code rowCheck}
     * and that satisfies the identities is added. False when there are too many readings to tell.
     */
    static boolean splitNumbers(List<List<Cell>> runs, int rows, int columns, Predicate<BigDecimal[][]> identities,
            Predicate<BigDecimal[]> rowCheck, Map<List<BigDecimal>, Cell[][]> found) {
        if (runs == null) {
            return true;
        }
        List<Cell> all = new ArrayList<>();
        runs.forEach(all::addAll);
        int excess = all.size() - rows * columns;
        if (excess < 1 || excess > MAX_SPLIT_NUMBERS) {
            return true;
        }
        SplitSearch search = new SplitSearch(all, rows, columns, identities, rowCheck, found);
        return search.follow(0, new ArrayList<>(), excess);
    }

    /** The depth-first search of {@link #splitNumbers}: rows are checked as they complete, to cut readings early. */
    private record SplitSearch(List<Cell> all, int rows, int columns, Predicate<BigDecimal[][]> identities,
            Predicate<BigDecimal[]> rowCheck, Map<List<BigDecimal>, Cell[][]> found, int[] steps) {

        SplitSearch(List<Cell> all, int rows, int columns, Predicate<BigDecimal[][]> identities,
                Predicate<BigDecimal[]> rowCheck, Map<List<BigDecimal>, Cell[][]> found) {
            this(all, rows, columns, identities, rowCheck, found, new int[1]);
        }

        /** Reads from value {@code at} on, {@code out} holding the cells placed so far; false when too many readings. */
        boolean follow(int at, List<Cell> out, int joinsLeft) {
            if (++steps[0] > MAX_SPLIT_STEPS) {
                return false;
            }
            if (at == all.size()) {
                if (joinsLeft == 0 && out.size() == rows * columns) {
                    Cell[][] grid = new Cell[rows][columns];
                    for (int k = 0; k < out.size(); k++) {
                        grid[k / columns][k % columns] = out.get(k);
                    }
                    if (identities.test(values(grid))) {
                        found.putIfAbsent(key(grid), grid);
                    }
                }
                return true;
            }
            // The values left must hold the joins left, each taking two values for one cell.
            if (out.size() + (all.size() - at) - joinsLeft != rows * columns) {
                return true;
            }
            Cell first = all.get(at);
            if (joinsLeft > 0 && startsSplit(first)) {
                for (int end = at + 1; end < all.size() && end <= at + columns; end++) {
                    if (!endsSplit(end, first)) {
                        continue;
                    }
                    Cell last = all.get(end);
                    String raw = first.raw().strip() + last.raw().strip();
                    Cell joined = new Cell(Cell.Kind.NUMBER, raw, new BigDecimal(raw), first.unit(), first.line());
                    for (int q = 0; q < end - at; q++) {
                        List<Cell> next = new ArrayList<>(out);
                        next.addAll(all.subList(at + 1, at + 1 + q));
                        next.add(joined);
                        next.addAll(all.subList(at + 1 + q, end));
                        if (rowsPass(next, out.size()) && !follow(end + 1, next, joinsLeft - 1)) {
                            return false;
                        }
                    }
                }
            }
            List<Cell> next = new ArrayList<>(out);
            next.add(first);
            return !rowsPass(next, out.size()) || follow(at + 1, next, joinsLeft);
        }

        /** Whether the rows completed since {@code before} cells pass the row check. */
        private boolean rowsPass(List<Cell> out, int before) {
            for (int r = before / columns; (r + 1) * columns <= out.size(); r++) {
                if (r >= rows) {
                    return false;
                }
                Cell[] row = out.subList(r * columns, (r + 1) * columns).toArray(Cell[]::new);
                if (!rowCheck.test(values(new Cell[][] {row})[0])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean startsSplit(Cell c) {
            return c.kind() == Cell.Kind.NUMBER && c.raw().strip().matches("[1-9][0-9]*");
        }

        /** The wrapped rest: digits alone on their line (no other value beside them), no longer than the first part. */
        private boolean endsSplit(int at, Cell first) {
            Cell c = all.get(at);
            String raw = c.raw().strip();
            return c.kind() == Cell.Kind.NUMBER && raw.matches("[0-9]+") && raw.length() <= first.raw().strip().length()
                    && c.line() != first.line() && all.get(at - 1).line() != c.line()
                    && (at + 1 == all.size() || all.get(at + 1).line() != c.line());
        }
    }

    /**
     * The readings of one printed row of {@code width} cells some of whose numbers wrapped in cells too narrow for them
     * ({@code 12} as {@code 1} over {@code 2}): the values exceed the width by one to three, the excess being the last
     * values, each alone on its line, the wrapped rests in the order of their cells. pdftotext writes the row's first
     * text line, then its last; where the cells are aligned at their tops, the first parts stand in their cells' places
     * among the other values (any of them, in order, may be one); where they are centred, the tall cells' first lines
     * stand above the others and come first, their cells anywhere in the row (in order). Each reading is {@code width}
     * cells, a joined number taking its cell; the caller keeps one only where exactly one satisfies its identities.
     */
    static List<List<Cell>> wrappedRowReadings(List<Cell> values, int width) {
        int j = values.size() - width;
        List<List<Cell>> out = new ArrayList<>();
        if (j < 1 || j > MAX_SPLIT_NUMBERS || values.stream().anyMatch(c -> c.kind() != Cell.Kind.NUMBER)) {
            return out;
        }
        List<Cell> rests = values.subList(width, values.size());
        for (int k = 0; k < j; k++) {
            Cell r = rests.get(k);
            int at = width + k;
            if (!r.raw().strip().matches("[0-9]+") || values.get(at - 1).line() == r.line()
                    || at + 1 < values.size() && values.get(at + 1).line() == r.line()) {
                return out; // a rest stands alone on its line
            }
        }
        List<Cell> printed = values.subList(0, width);
        // Tops aligned: j of the printed values, in order, are first parts.
        for (int[] at : choose(width, j)) {
            List<Cell> row = new ArrayList<>(printed);
            boolean ok = true;
            for (int k = 0; k < j && ok; k++) {
                Cell joined = joined(printed.get(at[k]), rests.get(k));
                ok = joined != null;
                row.set(at[k], joined);
            }
            if (ok) {
                out.add(row);
            }
        }
        // Centred: the first j printed values are the first parts, their cells any j of the row's, in order.
        List<Cell> firsts = new ArrayList<>();
        for (int k = 0; k < j; k++) {
            Cell joined = joined(printed.get(k), rests.get(k));
            if (joined == null) {
                return out;
            }
            firsts.add(joined);
        }
        for (int[] at : choose(width, j)) {
            List<Cell> row = new ArrayList<>(width);
            int next = j;
            int f = 0;
            for (int c = 0; c < width; c++) {
                row.add(f < j && at[f] == c ? firsts.get(f++) : printed.get(next++));
            }
            out.add(row);
        }
        return out;
    }

    /** A first part and its wrapped rest as one number, or null where they cannot be one (the rest the longer). */
    private static Cell joined(Cell first, Cell rest) {
        String a = first.raw().strip();
        String b = rest.raw().strip();
        if (first.kind() != Cell.Kind.NUMBER || !a.matches("[1-9][0-9]*") || b.length() > a.length()) {
            return null;
        }
        return new Cell(Cell.Kind.NUMBER, a + b, new BigDecimal(a + b), first.unit(), first.line());
    }

    /** Every increasing choice of k of 0..n-1. */
    private static List<int[]> choose(int n, int k) {
        List<int[]> out = new ArrayList<>();
        choose(n, k, 0, new int[k], 0, out);
        return out;
    }

    private static void choose(int n, int k, int from, int[] at, int filled, List<int[]> out) {
        if (filled == k) {
            out.add(at.clone());
            return;
        }
        for (int i = from; i <= n - (k - filled); i++) {
            at[filled] = i;
            choose(n, k, i + 1, at, filled + 1, out);
        }
    }

    /** Adds the grids of one reading that satisfy the identities; false when there are too many to tell. */
    private static boolean rowsOrColumns(List<List<Cell>> runs, int rows, int columns, Predicate<BigDecimal[][]> identities,
            Predicate<BigDecimal[]> rowCheck, Map<List<BigDecimal>, Cell[][]> found) {
        Map<List<BigDecimal>, Cell[][]> here = new LinkedHashMap<>();
        if (!arrangements(runs, rows, columns, identities, true, here)) {
            return true; // the count is wrong: this reading places nothing
        }
        if (here.isEmpty()) {
            List<Cell> all = new ArrayList<>();
            runs.forEach(all::addAll);
            // Whole rows first; only where none adds up, blocks of rows written as two bands of columns (LibreOffice's
            // PDFs: the first columns of every row on a page, then the rest), a wider set of readings that must again
            // hold one.
            for (boolean bands : new boolean[] {false, true}) {
                List<Cell[][]> blocks = blockReadings(all, rows, columns, rowCheck, bands);
                if (blocks == null) {
                    return false;
                }
                for (Cell[][] grid : blocks) {
                    if (identities.test(values(grid))) {
                        here.putIfAbsent(key(grid), grid);
                    }
                }
                if (!here.isEmpty()) {
                    break;
                }
            }
        }
        here.forEach(found::putIfAbsent);
        return true;
    }

    private static Cell[][] only(Map<List<BigDecimal>, Cell[][]> found) {
        // None adds up, or two placements with different values do: neither is proven.
        return found.size() == 1 ? found.values().iterator().next() : null;
    }

    /** Adds the distinct grids of the runs' arrangements that satisfy the identities; false when the count is wrong. */
    private static boolean arrangements(List<List<Cell>> runs, int rows, int columns, Predicate<BigDecimal[][]> identities,
            boolean printedOrderBeyondLimit, Map<List<BigDecimal>, Cell[][]> found) {
        if (runs == null || runs.isEmpty() || runs.stream().mapToInt(List::size).sum() != rows * columns) {
            return false;
        }
        if (runs.size() > MAX_PERMUTED_RUNS && !printedOrderBeyondLimit) {
            return true;
        }
        // Beyond that many runs, the printed order only: reading order keeps the rows of a tall table top to bottom.
        List<List<List<Cell>>> orders = runs.size() <= MAX_PERMUTED_RUNS ? permutations(runs) : List.of(runs);
        for (List<List<Cell>> order : orders) {
            Cell[][] grid = new Cell[rows][columns];
            int k = 0;
            for (List<Cell> run : order) {
                for (Cell c : run) {
                    grid[k / columns][k % columns] = c;
                    k++;
                }
            }
            if (identities.test(values(grid))) {
                found.putIfAbsent(key(grid), grid);
            }
        }
        return true;
    }

    /** At most this many distinct partial readings are followed; more means the text leaves too much open. */
    private static final int MAX_READINGS = 64;

    /**
     * Every distinct grid the values make read as consecutive blocks of whole rows, each written row by row or column
     * by column, each row passing {@code rowCheck}; null when there are too many to follow. Built from the last row
     * up: the readings of rows i.. depend only on i, as every block takes whole rows.
     */
    static List<Cell[][]> blockReadings(List<Cell> values, int rows, int columns, Predicate<BigDecimal[]> rowCheck) {
        return blockReadings(values, rows, columns, rowCheck, false);
    }

    /**
     * Like {@link #blockReadings(List, int, int, Predicate)}; with {@code bands}, a block of rows may also be written as
     * two bands of columns, the first columns of all its rows, then the others (pdftotext reads a table LibreOffice
     * drew as two text columns), as {@link #bandReadings} reads them. Null when there are too many readings to follow.
     */
    static List<Cell[][]> blockReadings(List<Cell> values, int rows, int columns, Predicate<BigDecimal[]> rowCheck,
            boolean bands) {
        if (values.size() != rows * columns) {
            return List.of();
        }
        List<List<Cell[][]>> suffix = new ArrayList<>(java.util.Collections.nCopies(rows + 1, null));
        suffix.set(rows, List.<Cell[][]>of(new Cell[0][]));
        for (int i = rows - 1; i >= 0; i--) {
            Map<List<BigDecimal>, Cell[][]> here = new LinkedHashMap<>();
            for (int k = 1; i + k <= rows; k++) {
                for (boolean byColumn : k == 1 ? new boolean[] {false} : new boolean[] {false, true}) {
                    Cell[][] block = new Cell[k][columns];
                    boolean ok = true;
                    for (int r = 0; r < k && ok; r++) {
                        for (int c = 0; c < columns; c++) {
                            int at = i * columns + (byColumn ? c * k + r : r * columns + c);
                            block[r][c] = values.get(at);
                        }
                        ok = rowCheck.test(values(new Cell[][] {block[r]})[0]);
                    }
                    if (!ok) {
                        continue;
                    }
                    prepend(block, suffix.get(i + k), here);
                }
                for (int w = 1; bands && k > 1 && w < columns; w++) {
                    for (Cell[][] block : bandReadings(values.subList(i * columns, (i + k) * columns), k, columns, w)) {
                        boolean ok = true;
                        for (int row = 0; row < k && ok; row++) {
                            ok = rowCheck.test(values(new Cell[][] {block[row]})[0]);
                        }
                        if (ok) {
                            prepend(block, suffix.get(i + k), here);
                        }
                    }
                    if (here.size() > MAX_READINGS) {
                        return null;
                    }
                }
            }
            if (here.size() > MAX_READINGS) {
                return null;
            }
            suffix.set(i, List.copyOf(here.values()));
        }
        return suffix.get(0);
    }

    /**
     * The readings of k rows written as two bands: the first w columns of every row, row by row (beside their labels,
     * as reading order writes them), then the other columns, the first m rows of them column by column (m from 1, row
     * by row, to k, all column by column) and the rest row by row: how pdftotext reads the right-hand text column of
     * a table it took for two.
     */
    private static List<Cell[][]> bandReadings(List<Cell> values, int k, int columns, int w) {
        List<Cell[][]> out = new ArrayList<>();
        int right = columns - w;
        for (int m = 1; m <= k; m++) {
            Cell[][] block = new Cell[k][columns];
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < w; c++) {
                    block[r][c] = values.get(r * w + c);
                }
                for (int c = 0; c < right; c++) {
                    int at = k * w + (r < m ? c * m + r : m * right + (r - m) * right + c);
                    block[r][w + c] = values.get(at);
                }
            }
            out.add(block);
        }
        return out;
    }

    /** Adds to {@code into} each reading of the rows below {@code block} with the block on top. */
    private static void prepend(Cell[][] block, List<Cell[][]> below, Map<List<BigDecimal>, Cell[][]> into) {
        for (Cell[][] rest : below) {
            Cell[][] grid = new Cell[block.length + rest.length][];
            System.arraycopy(block, 0, grid, 0, block.length);
            System.arraycopy(rest, 0, grid, block.length, rest.length);
            into.putIfAbsent(key(grid), grid);
        }
    }

    private static BigDecimal[][] values(Cell[][] grid) {
        BigDecimal[][] out = new BigDecimal[grid.length][];
        for (int r = 0; r < grid.length; r++) {
            out[r] = new BigDecimal[grid[r].length];
            for (int c = 0; c < grid[r].length; c++) {
                // A no-value mark counts 0 in the identities, as the rules count it.
                BigDecimal v = grid[r][c].value();
                out[r][c] = v == null ? BigDecimal.ZERO : v;
            }
        }
        return out;
    }

    private static List<BigDecimal> key(Cell[][] grid) {
        List<BigDecimal> out = new ArrayList<>();
        for (Cell[] row : grid) {
            for (Cell c : row) {
                out.add(c.value() == null ? null : c.value().stripTrailingZeros()); // a mark is not a 0
            }
        }
        return out;
    }

    /** The grids, {@code rows} of {@code columns} cells filled row by row, of those readings that satisfy the identities. */
    static Cell[][] onlyGrid(List<List<Cell>> readings, int rows, int columns, Predicate<BigDecimal[][]> identities) {
        Map<List<BigDecimal>, Cell[][]> found = new LinkedHashMap<>();
        for (List<Cell> reading : readings) {
            Cell[][] grid = new Cell[rows][columns];
            for (int k = 0; k < reading.size(); k++) {
                grid[k / columns][k % columns] = reading.get(k);
            }
            if (identities.test(values(grid))) {
                found.putIfAbsent(key(grid), grid);
            }
        }
        return only(found);
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
