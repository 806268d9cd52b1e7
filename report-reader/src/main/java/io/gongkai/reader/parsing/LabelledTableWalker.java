package io.gongkai.reader.parsing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the lines of a table whose rows are named by labels (tables 二 and 三) and gathers each row's
 * cells. A row starts at its label and takes the cells that follow, also from later lines, until it is
 * full or the next label starts; text that starts no row continues the label before it (wrapped labels).
 * A line of values that no row is open to take (before the first row too: values printed before their labels) is an orphan: the text does not
 * give each row its values on the row's own line (a converter that writes a table cell by cell in reading order,
 * column by column or labels apart from their values), so the rows around it cannot be trusted.
 */
abstract class LabelledTableWalker {

    enum Kind { ROW, GROUP, CONTINUATION }

    /** What a label is: a row (key), a group cell (maybe a provisional row), or a wrapped continuation. */
    record Classification(Kind kind, String key) {
        static final Classification CONTINUATION = new Classification(Kind.CONTINUATION, null);
        static final Classification GROUP = new Classification(Kind.GROUP, null);

        static Classification row(String key) {
            return new Classification(Kind.ROW, key);
        }

        static Classification group(String provisionalKey) {
            return new Classification(Kind.GROUP, provisionalKey);
        }
    }

    /** Keys of the provisional rows (group cells) seen, whether or not values followed them. */
    final java.util.Set<String> provisionalSeen = new java.util.HashSet<>();
    /** Rows in the order first found; a second row with the same key is kept apart as a duplicate. */
    final Map<String, CollectedRow> rows = new LinkedHashMap<>();
    /** Labels seen before the first row: the column header. */
    final StringBuilder header = new StringBuilder();
    String lastRowKey;
    /** Value lines no row took, as the 0-based block (run of rows between group cells) they came in. */
    final List<Integer> orphanBlocks = new java.util.ArrayList<>();
    /**
     * Values no row took on a line of text after the first row (a label that names no row, its values beside it: the
     * row it starts is not found), and those of a second row of a name already read. A row not found is then no row
     * the document left out: its values may be these.
     */
    int strayValues;
    /** Which block each row was found in: a group cell (第二十条第（五）项, 信息内容) starts the next. */
    private int block;
    private CollectedRow current;
    /** Whether the text came from OCR: only then may a label a character off name a row (see {@link OcrLabels}). */
    boolean ocr;
    /** Rows named by {@link OcrLabels} rather than by their printed words: a row found by its words replaces one. */
    private final java.util.Set<CollectedRow> nearMisses = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** OCR'd labels placed by the table's row order ({@link OcrRowAlignment}), by line; empty for a text layer. */
    Map<Integer, OcrRowAlignment.Placement> placed = Map.of();

    /** What a label is by its printed words. */
    abstract Classification classifyByWords(LabelItem label);

    /** What a label is: by its words, unless {@link OcrRowAlignment} placed its line's label (never a group cell). */
    final Classification classify(LabelItem label) {
        Classification c = classifyByWords(label);
        OcrRowAlignment.Placement p = c.kind() == Kind.GROUP ? null : placed.get(label.line());
        return p != null && p.compact().equals(label.compact()) ? Classification.row(p.key()) : c;
    }

    /** The table's row labels as the template prints them, compact, by key: what OCR misreadings are matched to. */
    Map<String, String> templateLabels() {
        return Map.of();
    }

    /** The row an OCR label names though it matches no row's words, or null. */
    private String nearMiss(LabelItem label) {
        if (!ocr) {
            return null;
        }
        java.util.Set<String> taken = new java.util.HashSet<>(rows.keySet());
        if (current != null) {
            taken.add(current.key);
        }
        return OcrLabels.match(label.compact(), templateLabels(), taken);
    }

    abstract int width(String key);

    void walk(List<Line> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            LineTokenizer.Tokens tokens = LineTokenizer.tokenize(line);
            boolean cellsOnLine = false;
            boolean rowStartedOnLine = false;
            if (current == null && isValueLine(tokens)) {
                orphanBlocks.add(block);
            }
            for (LineItem item : tokens.items()) {
                if (item instanceof LabelItem label) {
                    Classification c = classify(label);
                    String nearMiss = c.kind() == Kind.CONTINUATION ? nearMiss(label) : null;
                    if (nearMiss != null) {
                        c = Classification.row(nearMiss);
                    }
                    switch (c.kind()) {
                        case ROW -> {
                            close();
                            current = new CollectedRow(c.key(), width(c.key()), label, false);
                            current.block = block;
                            if (nearMiss != null) {
                                nearMisses.add(current);
                            }
                            lastRowKey = c.key();
                            takeGluedDigits(current, label);
                            cellsOnLine = false;
                            rowStartedOnLine = true;
                        }
                        case GROUP -> {
                            if (c.key() == null && current != null && !current.provisional && current.cells.isEmpty()) {
                                // A group cell printed at its vertical middle lands between a row's label and
                                // its values in PDF text ("4.保护第三方合法权益" / "（三）不 6 0 0 …"): skip it.
                                continue;
                            }
                            close();
                            block++;
                            current = c.key() == null ? null : new CollectedRow(c.key(), width(c.key()), label, true);
                            if (current != null) {
                                provisionalSeen.add(c.key());
                                current.block = block;
                            }
                            cellsOnLine = false;
                            rowStartedOnLine = false;
                        }
                        case CONTINUATION -> {
                            boolean valueColumn = cellsOnLine || (rowStartedOnLine && label.compact().length() <= 6);
                            if (current != null && valueColumn && tokens.fieldSeparated()) {
                                // Text in a value column ("不详" after the label's own cell): a cell that is not a number.
                                current.cells.add(new Cell(Cell.Kind.TEXT, label.raw().strip(), null, null, label.line()));
                            } else if (current != null) {
                                current.appendLabel(label);
                            } else if (rows.isEmpty()) {
                                header.append(label.compact());
                            }
                        }
                    }
                } else if (item instanceof Cell cell && current != null) {
                    current.cells.add(cell);
                    cellsOnLine = true;
                } else if (item instanceof Cell cell && cell.filled() && !rows.isEmpty() && !isValueLine(tokens)) {
                    strayValues++;
                }
            }
            if (current != null && current.filled() >= current.width) {
                close();
            }
        }
        close();
    }

    /** A line of numbers or no-value markers only: a row's values, not text. */
    private static boolean isValueLine(LineTokenizer.Tokens tokens) {
        boolean value = false;
        for (LineItem item : tokens.items()) {
            if (!(item instanceof Cell c)) {
                return false;
            }
            value |= c.kind() == Cell.Kind.NUMBER || c.kind() == Cell.Kind.MARKER;
        }
        return value;
    }

    /**
     * Whether the text writes a cell per line (some row's values each on a line of their own, as converters writing
     * in reading order do). A blank cell then leaves no trace, so a row that does not fill up cannot be told from
     * one whose values went to the row before or after it.
     */
    boolean cellPerLine() {
        for (CollectedRow row : rows.values()) {
            List<Integer> lines = row.cells.stream().filter(Cell::filled).map(Cell::line).toList();
            if (lines.size() >= 2 && lines.stream().distinct().count() == lines.size()) {
                return true;
            }
        }
        return false;
    }

    /** The blocks holding a row that did not fill up. */
    java.util.Set<Integer> blocksWithShortRows() {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (CollectedRow row : rows.values()) {
            if (row.slots() < row.width) {
                out.add(row.block);
            }
        }
        return out;
    }

    /**
     * The blocks holding a row that printed some of its values but not all, its blank cells leaving no trace (no empty
     * field): that row is unreadable, and a row of its block that printed nothing may be one whose values it took.
     */
    java.util.Set<Integer> blocksWithTracelessShortRows() {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (CollectedRow row : rows.values()) {
            if (row.filled() > 0 && row.filled() < row.width && row.cells.stream().allMatch(Cell::filled)) {
                out.add(row.block);
            }
        }
        return out;
    }

    /** Whether some value line came where no row could take it. */
    boolean hasOrphans() {
        return !orphanBlocks.isEmpty();
    }

    /** The row closed last (kept or not): a row's label cut by its values continues after it closes. */
    private CollectedRow lastClosed;

    private void close() {
        CollectedRow row = current;
        current = null;
        if (row == null || (row.provisional && row.cells.isEmpty())) {
            return;
        }
        CollectedRow earlier = rows.get(row.key);
        CollectedRow previous = lastClosed;
        lastClosed = row;
        if (earlier == null || (nearMisses.contains(earlier) && !nearMisses.contains(row))) {
            rows.put(row.key, row);
        } else {
            // A sentence before the table can name a row ("主动公开规范性文件 5 件"); the complete row is the table's.
            if (earlier.filled() != earlier.width && row.filled() == row.width) {
                rows.put(row.key, row);
            } else if (row.cells.isEmpty() && row.gluedDigits == null && earlier == previous) {
                // The rest of the label of the row just closed, cut by its values ("5.要求行政机关确认或 0 0 …" /
                // "重新出具已" / "获取信息"): its words name the same row again.
                earlier.appendLabel(row);
                lastClosed = earlier;
            } else {
                // A second row of the same name, its values dropped: they may be those of a row its label was meant to
                // name (a numbered item taken for another group's).
                strayValues += row.filled();
            }
        }
    }

    /** Digits glued to the end of a label are the row's cells printed without separators. */
    private static void takeGluedDigits(CollectedRow row, LabelItem label) {
        String raw = label.raw().strip();
        int end = raw.length();
        int start = end;
        while (start > 0) {
            char ch = raw.charAt(start - 1);
            if (Character.isDigit(ch) || ch == '.' || ch == '．') {
                start--;
            } else {
                break;
            }
        }
        while (start < end && !Character.isDigit(raw.charAt(start))) {
            start++;
        }
        if (start >= end || start == 0) {
            return;
        }
        row.gluedDigits = raw.substring(start, end);
    }
}
