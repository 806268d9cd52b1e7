package io.gongkai.reader.parsing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the lines of a table whose rows are named by labels (tables 二 and 三) and gathers each row's
 * cells. A row starts at its label and takes the cells that follow, also from later lines, until it is
 * full or the next label starts; text that starts no row continues the label before it (wrapped labels).
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

    /** Rows in the order first found; a second row with the same key is kept apart as a duplicate. */
    final Map<String, CollectedRow> rows = new LinkedHashMap<>();
    /** Labels seen before the first row: the column header. */
    final StringBuilder header = new StringBuilder();
    String lastRowKey;
    private CollectedRow current;

    abstract Classification classify(LabelItem label);

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
            for (LineItem item : tokens.items()) {
                if (item instanceof LabelItem label) {
                    Classification c = classify(label);
                    switch (c.kind()) {
                        case ROW -> {
                            close();
                            current = new CollectedRow(c.key(), width(c.key()), label, false);
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
                            current = c.key() == null ? null : new CollectedRow(c.key(), width(c.key()), label, true);
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
                }
            }
            if (current != null && current.filled() >= current.width) {
                close();
            }
        }
        close();
    }

    private void close() {
        CollectedRow row = current;
        current = null;
        if (row == null || (row.provisional && row.cells.isEmpty())) {
            return;
        }
        CollectedRow earlier = rows.get(row.key);
        if (earlier == null) {
            rows.put(row.key, row);
        } else {
            // A sentence before the table can name a row ("主动公开规范性文件 5 件"); the complete row is the table's.
            if (earlier.filled() != earlier.width && row.filled() == row.width) {
                rows.put(row.key, row);
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
