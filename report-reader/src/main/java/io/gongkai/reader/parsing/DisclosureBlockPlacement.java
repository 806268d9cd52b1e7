package io.gongkai.reader.parsing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Places the values of a block of table 二 (第二十条第（X）项: a table of its own, with fixed columns) whose text lost them
 * from their labels (a converter writing the table cell by cell in reading order, a row's values before its label).
 * Table 二 has no identity to prove a placement, so the text must leave one: every row of the table found by its label,
 * the block's text nothing but its header, its rows' labels (a label wrapped onto the next line included) and its
 * values, and its values in runs (between lines of text) that are each one row's whole, in the template's order of
 * rows (several one-column rows may share a run: row by row and column by column are then the same). The k-th run is
 * then the k-th row's, wherever the labels float; anything else places nothing, and the block stays unreadable.
 */
final class DisclosureBlockPlacement {

    private DisclosureBlockPlacement() {
    }

    /**
     * The rows of the blocks whose text proves their placement, by key: values in the row's column order. The blocks are
     * told by their group cells (第二十条第（X）项, 信息内容) in [from, to); every row of {@code template} must be named by
     * its label exactly once in the table, else nothing is placed (a row not found may be among the text, its values
     * among a block's).
     *
     * @param template the table's rows in the template's order, by key
     * @param width    each row's number of columns
     * @param classify how the table names a label (a row, a group cell, or neither)
     */
    static Map<String, Cell[]> place(List<Line> lines, int from, int to, List<String> template,
            Function<String, Integer> width, Function<LabelItem, LabelledTableWalker.Classification> classify) {
        List<int[]> blocks = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        int start = from;
        List<String> here = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = from; i < to; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            for (LineItem item : LineTokenizer.tokenize(lines.get(i)).items()) {
                if (!(item instanceof LabelItem label)) {
                    continue;
                }
                LabelledTableWalker.Classification c = classify.apply(label);
                if (c.kind() == LabelledTableWalker.Kind.GROUP) {
                    blocks.add(new int[] {start, i});
                    keys.add(here);
                    start = i + 1;
                    here = new ArrayList<>();
                } else if (c.kind() == LabelledTableWalker.Kind.ROW) {
                    if (!seen.add(c.key())) {
                        return Map.of(); // a row named twice: which is the table's is not known
                    }
                    here.add(c.key());
                }
            }
        }
        blocks.add(new int[] {start, to});
        keys.add(here);
        if (!seen.containsAll(template)) {
            return Map.of();
        }
        Map<String, Cell[]> out = new LinkedHashMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            List<String> rows = new ArrayList<>(keys.get(b));
            rows.sort(java.util.Comparator.comparingInt(template::indexOf));
            out.putAll(placeBlock(lines, blocks.get(b)[0], blocks.get(b)[1], rows, width, classify));
        }
        return out;
    }

    /** The block's rows (in the template's order) placed by key, or an empty map when the text does not prove it. */
    private static Map<String, Cell[]> placeBlock(List<Line> lines, int from, int to, List<String> rows,
            Function<String, Integer> width, Function<LabelItem, LabelledTableWalker.Classification> classify) {
        if (rows.isEmpty() || !onlyHeaderLabelsAndValues(lines, from, to, classify)) {
            return Map.of();
        }
        List<List<Cell>> runs = ReadingOrderPlacement.valueRuns(lines, from, to, ReadingOrderPlacement.NoneWord.CELL);
        if (runs == null) {
            return Map.of(); // (table 二's labels hold no 无: a lone one is a cell)
        }
        Deque<String> queue = new ArrayDeque<>(rows);
        Map<String, Cell[]> out = new LinkedHashMap<>();
        for (List<Cell> run : runs) {
            String row = queue.poll();
            if (row == null) {
                return Map.of(); // values left over
            }
            if (run.size() == width.apply(row)) {
                out.put(row, run.toArray(new Cell[0]));
                continue;
            }
            // Several one-column rows in one run (行政处罚 / 行政强制 printed with their values together).
            if (width.apply(row) != 1) {
                return Map.of();
            }
            out.put(row, new Cell[] {run.get(0)});
            for (int k = 1; k < run.size(); k++) {
                String next = queue.poll();
                if (next == null || width.apply(next) != 1) {
                    return Map.of();
                }
                out.put(next, new Cell[] {run.get(k)});
            }
        }
        return queue.isEmpty() ? out : Map.of();
    }

    /**
     * Whether the block's text is its header (text before its first label or value), its rows' labels, a label's
     * wrapped continuation on the line after it, and values: text of any other kind may be a row's label broken beyond
     * matching, whose values the found rows would then take.
     */
    private static boolean onlyHeaderLabelsAndValues(List<Line> lines, int from, int to,
            Function<LabelItem, LabelledTableWalker.Classification> classify) {
        boolean inHeader = true;
        boolean afterLabelLine = false;
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean labelLine = false;
            boolean values = false;
            for (LineItem item : ReadingOrderPlacement.items(line, true)) {
                if (item instanceof Cell) {
                    values = true;
                    inHeader = false;
                    continue;
                }
                LabelItem label = (LabelItem) item;
                LabelledTableWalker.Kind kind = classify.apply(label).kind();
                if (kind == LabelledTableWalker.Kind.ROW) {
                    labelLine = true;
                    inHeader = false;
                } else if (kind == LabelledTableWalker.Kind.GROUP || !inHeader && !afterLabelLine) {
                    return false;
                }
            }
            afterLabelLine = labelLine && !values;
        }
        return true;
    }
}
