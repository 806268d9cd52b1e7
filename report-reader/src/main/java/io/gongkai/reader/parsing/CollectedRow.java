package io.gongkai.reader.parsing;

import java.util.ArrayList;
import java.util.List;

/** A table row as gathered from the text: its label (possibly wrapped over lines) and its cells in order. */
final class CollectedRow {

    final String key;
    final int width;
    final int labelLine;
    /** A group cell that becomes a row only if values follow it directly (2019's single （六）其他处理). */
    final boolean provisional;
    private final StringBuilder rawLabel = new StringBuilder();
    private final StringBuilder compactLabel = new StringBuilder();
    final List<Cell> cells = new ArrayList<>();
    /** The block of the table the row was found in (see {@link LabelledTableWalker#orphanBlocks}). */
    int block;
    /** Digits glued to the label ("规范性文件7777166"), when the cells cannot be told apart. */
    String gluedDigits;

    CollectedRow(String key, int width, LabelItem label, boolean provisional) {
        this.key = key;
        this.width = width;
        this.labelLine = label.line();
        this.provisional = provisional;
        appendLabel(label);
    }

    void appendLabel(LabelItem label) {
        rawLabel.append(label.raw().strip());
        compactLabel.append(label.compact());
    }

    /** Appends another row's label: the rest of this row's, cut by its values. */
    void appendLabel(CollectedRow rest) {
        rawLabel.append(rest.rawLabel);
        compactLabel.append(rest.compactLabel);
    }

    String rawLabel() {
        return rawLabel.toString();
    }

    String compactLabel() {
        return compactLabel.toString();
    }

    /** Cells printed, blank ones between separators included: fewer than the width means some left no trace. */
    int slots() {
        return cells.size() + (gluedDigits == null ? 0 : 1);
    }

    int filled() {
        int n = gluedDigits == null ? 0 : 1;
        for (Cell c : cells) {
            if (c.filled()) {
                n++;
            }
        }
        return n;
    }
}
