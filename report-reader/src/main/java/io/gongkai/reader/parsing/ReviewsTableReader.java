package io.gongkai.reader.parsing;

import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads table 四 (行政复议、行政诉讼情况): one data row of 15 numbers under a three-level header that is
 * often garbled, so the header is only checked, never used to place the numbers.
 */
final class ReviewsTableReader {

    private static final String TABLE_NAME = "表四（行政复议、行政诉讼情况）";
    private static final int WIDTH = 15;
    private static final List<String> FIELDS = java.util.Arrays.stream(ReviewGroup.Column.values())
            .map(ReviewGroup.Column::key).toList();

    private ReviewsTableReader() {
    }

    static TableOutput read(List<Line> lines, int from, int to) {
        TableOutput out = new TableOutput(Report.REVIEWS_AND_LAWSUITS);
        List<Cell> cells = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        int firstDataLine = -1;
        // The data row's cells in runs between lines of text: a row printed in parts (行政复议 | 行政诉讼 stacked)
        // has a run per part, each whole groups of five.
        List<Integer> runs = new ArrayList<>();
        List<List<Cell>> cellRuns = new ArrayList<>();
        int run = 0;
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank() && line.raw.indexOf('\t') < 0) {
                continue; // a line of blank fields can be a data row
            }
            LineTokenizer.Tokens tokens = LineTokenizer.tokenize(line);
            int labels = 0;
            int numbers = 0;
            for (LineItem item : tokens.items()) {
                if (item instanceof LabelItem) {
                    labels++;
                } else if (item instanceof Cell c && c.kind() == Cell.Kind.NUMBER) {
                    numbers++;
                }
            }
            // The data row has no label of its own; a line of text is header or narrative. A table grid writes a
            // data row that printed nothing (every zero left blank) as fifteen blank fields.
            boolean data = (labels == 0 && (numbers + markers(tokens) > 0 || isBlankRow(tokens))) || numbers >= 5;
            if (data) {
                if (firstDataLine < 0) {
                    firstDataLine = line.number;
                }
                List<LineItem> items = tokens.items();
                for (int k = 0; k < items.size(); k++) {
                    Cell c = items.get(k) instanceof Cell cell ? cell
                            // A field of text where a number belongs (an OCR misread, 不详): that cell is no
                            // number, its place in the row stays, so the other fourteen are still told apart.
                            : items.get(k) instanceof LabelItem l && inValueSlot(tokens, k, numbers)
                                    ? new Cell(Cell.Kind.TEXT, l.raw().strip(), null, null, l.line()) : null;
                    if (c != null) {
                        cells.add(c);
                        if (run == 0) {
                            cellRuns.add(new ArrayList<>());
                        }
                        cellRuns.getLast().add(c);
                        run++;
                    }
                }
            } else if (firstDataLine < 0) {
                for (LineItem item : tokens.items()) {
                    if (item instanceof LabelItem l) {
                        header.append(l.compact());
                    }
                }
            } else if (cells.size() >= WIDTH) {
                break;
            } else if (run > 0) {
                runs.add(run);
                run = 0;
            }
        }
        if (run > 0) {
            runs.add(run);
        }
        String h = header.toString();
        out.found = firstDataLine > 0 || h.contains("行政复议");
        if (!out.found) {
            for (ReviewGroup g : ReviewGroup.values()) {
                out.putAbsent(g.key(), FIELDS);
            }
            return out;
        }
        int labelLine = firstDataLine > 0 ? firstDataLine : lines.get(from).number;
        if (runs.size() > 1 && runs.stream().anyMatch(n -> n % FIELDS.size() != 0)) {
            // Text between the numbers, and not between whole groups: the header's words and the numbers come in
            // reading order (a converter writing cell by cell), so which number is which column cannot be told, unless
            // a single arrangement of the runs makes every group add up.
            Cell[][] placed = ReadingOrderPlacement.place(numbersOnly(cellRuns), ReviewGroup.values().length, FIELDS.size(),
                    ReviewsTableReader::groupsAddUp, false);
            if (placed == null) {
                placed = joinWrapped(cellRuns);
            }
            if (placed != null) {
                int g = 0;
                for (ReviewGroup group : ReviewGroup.values()) {
                    out.put(group.key(), FIELDS, ReadingOrderPlacement.resolved(placed[g++], group.label()), group.label());
                }
                checkHeader(out, h);
                return out;
            }
            for (ReviewGroup group : ReviewGroup.values()) {
                out.putUnplaced(group.key(), FIELDS, null);
            }
            Findings.addUnplaced(out, TABLE_NAME, "");
            return out;
        }
        Cell[][] joined = cells.size() > WIDTH ? joinWrapped(cellRuns) : null;
        if (joined != null) {
            int g = 0;
            for (ReviewGroup group : ReviewGroup.values()) {
                out.put(group.key(), FIELDS, ReadingOrderPlacement.resolved(joined[g++], group.label()), group.label());
            }
            checkHeader(out, h);
            return out;
        }
        RowResolver.Resolved all = RowResolver.resolve(cells, WIDTH, labelLine, "", null);
        int g = 0;
        for (ReviewGroup group : ReviewGroup.values()) {
            RowResolver.Resolved part = slice(all, g * FIELDS.size(), group.label());
            out.put(group.key(), FIELDS, part, group.label());
            g++;
        }
        if (all.unreadable()) {
            out.unreadableLabels.clear();
            out.unreadableLabels.add("数据行");
        }
        checkHeader(out, h);
        Findings.addUnreadable(out, TABLE_NAME);
        return out;
    }

    /**
     * The runs when they hold numbers and no-value marks only (a mark is a token: it holds its cell's place), else null
     * (an empty field or text may stand for a cell or none).
     */
    private static List<List<Cell>> numbersOnly(List<List<Cell>> runs) {
        for (List<Cell> run : runs) {
            if (run.stream().anyMatch(c -> c.kind() != Cell.Kind.NUMBER && c.kind() != Cell.Kind.MARKER)) {
                return null;
            }
        }
        return runs;
    }

    /**
     * The row read with numbers wrapped in narrow cells joined ({@code 12} printed {@code 1}, the row's other values,
     * {@code 2}: up to three such, each a value too many; see {@link ReadingOrderPlacement#wrappedRowReadings}), where
     * exactly one joining makes every group add up (R4). Else null: the row stays unreadable.
     */
    private static Cell[][] joinWrapped(List<List<Cell>> runs) {
        List<Cell> values = new ArrayList<>();
        runs.forEach(values::addAll);
        return ReadingOrderPlacement.onlyGrid(ReadingOrderPlacement.wrappedRowReadings(values, WIDTH),
                ReviewGroup.values().length, FIELDS.size(), ReviewsTableReader::groupsAddUp);
    }

    /** R4: in each group 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
    private static boolean groupsAddUp(java.math.BigDecimal[][] groups) {
        for (java.math.BigDecimal[] g : groups) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (int i = 0; i < g.length - 1; i++) {
                sum = sum.add(g[i]);
            }
            if (sum.compareTo(g[g.length - 1]) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the label at {@code k} of a data row stands in a value cell: a short field of a table grid (cells
     * split by tabs or bars) with numbers on its line, after a cell, or first on a line whose fields, it
     * included, make whole groups of five where the cells alone do not. The data row prints no label of its own.
     */
    private static boolean inValueSlot(LineTokenizer.Tokens tokens, int k, int numbers) {
        if (!tokens.fieldSeparated() || numbers == 0 || !(tokens.items().get(k) instanceof LabelItem l)
                || l.compact().length() > 6) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            if (tokens.items().get(i) instanceof Cell) {
                return true;
            }
        }
        int cellsOnLine = 0;
        for (LineItem item : tokens.items()) {
            cellsOnLine += item instanceof Cell ? 1 : 0;
        }
        int fields = tokens.items().size();
        return fields % FIELDS.size() == 0 && cellsOnLine % FIELDS.size() != 0;
    }

    private static boolean isBlankRow(LineTokenizer.Tokens tokens) {
        if (!tokens.fieldSeparated() || tokens.items().size() != WIDTH) {
            return false;
        }
        for (LineItem item : tokens.items()) {
            if (!(item instanceof Cell c) || c.kind() != Cell.Kind.EMPTY) {
                return false;
            }
        }
        return true;
    }

    private static int markers(LineTokenizer.Tokens tokens) {
        int n = 0;
        for (LineItem item : tokens.items()) {
            if (item instanceof Cell c && c.kind() == Cell.Kind.MARKER) {
                n++;
            }
        }
        return n;
    }

    /** One group's five columns of the 15, with the group's name as the row label (the data row has none printed). */
    private static RowResolver.Resolved slice(RowResolver.Resolved all, int offset, String groupLabel) {
        int n = FIELDS.size();
        java.math.BigDecimal[] values = new java.math.BigDecimal[n];
        Provenance[] provenance = new Provenance[n];
        for (int i = 0; i < n; i++) {
            values[i] = all.values()[offset + i];
            Provenance p = all.provenance()[offset + i];
            provenance[i] = new Provenance(p.page(), p.line(), offset + i, groupLabel, p.rawText());
        }
        return new RowResolver.Resolved(values, provenance, all.unreadable());
    }

    private static void checkHeader(TableOutput out, String header) {
        if (!header.contains("行政复议")) {
            return;
        }
        List<String> paths = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ReviewGroup.Column column : ReviewGroup.Column.values()) {
            if (!header.contains(column.label())) {
                missing.add(column.label());
                for (ReviewGroup g : ReviewGroup.values()) {
                    paths.add(out.path(g.key(), column.key()));
                }
            }
        }
        if (!missing.isEmpty()) {
            out.findings.add(Findings.deviation(paths, TABLE_NAME + "表头未见" + Findings.quoteAll(missing)
                    + "，表头文字与模板不同（可能错乱），数字按模板列序读取。"));
        }
    }
}
