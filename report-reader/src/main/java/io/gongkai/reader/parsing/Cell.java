package io.gongkai.reader.parsing;

import java.math.BigDecimal;

/**
 * One value cell of a table row as printed.
 *
 * @param kind  what the cell holds
 * @param raw   the cell's text as printed; "" for a blank cell
 * @param value the number, or null for anything else
 * @param unit  a unit printed with the number (元, 万元, 件 …), else null
 * @param line  1-based line the cell was read on
 */
record Cell(Kind kind, String raw, BigDecimal value, String unit, int line) implements LineItem {

    enum Kind {
        /** An integer or decimal. */
        NUMBER,
        /** "/", "—", "-", "无": the document says there is no value. */
        MARKER,
        /** An empty cell between separators. */
        EMPTY,
        /** Text where a number belongs. */
        TEXT
    }

    static Cell empty(int line) {
        return new Cell(Kind.EMPTY, "", null, null, line);
    }

    /** Whether the cell occupies a column for certain (everything but an empty separator slot). */
    boolean filled() {
        return kind != Kind.EMPTY;
    }
}
