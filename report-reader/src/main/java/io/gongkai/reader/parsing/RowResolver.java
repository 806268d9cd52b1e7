package io.gongkai.reader.parsing;

import io.gongkai.model.Provenance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which gathered cell belongs to which column of a row, without guessing. Extra empty slots
 * (shifted tab cells) are dropped when the printed cells fit the row exactly; a short row whose blank
 * cells are printed as empty slots is aligned to its right edge, where 总计 stands; anything else
 * cannot be told apart and is left unread.
 */
final class RowResolver {

    private RowResolver() {
    }

    /** The columns of one row: values (null when blank or not a number) and where each was read. */
    record Resolved(BigDecimal[] values, Provenance[] provenance, boolean unreadable) {
    }

    static Resolved resolve(CollectedRow row) {
        return resolve(row.cells, row.width, row.labelLine, row.rawLabel(), row.gluedDigits);
    }

    static Resolved resolve(List<Cell> cells, int width, int labelLine, String rawLabel, String gluedDigits) {
        BigDecimal[] values = new BigDecimal[width];
        Provenance[] provenance = new Provenance[width];
        if (gluedDigits != null) {
            // The glued digits are the first cell only when the cells printed apart fill the rest of the row.
            int filled = 0;
            for (Cell c : cells) {
                filled += c.filled() ? 1 : 0;
            }
            if (filled == width - 1) {
                List<Cell> all = new ArrayList<>(cells.size() + 1);
                all.add(LineTokenizer.gluedNumber(gluedDigits, labelLine));
                all.addAll(cells);
                return resolve(all, width, labelLine, rawLabel, null);
            }
            for (int i = 0; i < width; i++) {
                provenance[i] = new Provenance(null, labelLine, i, rawLabel, gluedDigits);
            }
            return new Resolved(values, provenance, true);
        }
        List<Cell> mapped = map(cells, width);
        if (mapped == null) {
            for (int i = 0; i < width; i++) {
                provenance[i] = new Provenance(null, labelLine, i, rawLabel, "");
            }
            return new Resolved(values, provenance, true);
        }
        for (int i = 0; i < width; i++) {
            Cell c = mapped.get(i);
            if (c == null) {
                provenance[i] = new Provenance(null, labelLine, i, rawLabel, "");
            } else {
                values[i] = c.kind() == Cell.Kind.NUMBER ? c.value() : null;
                provenance[i] = new Provenance(null, c.line(), i, rawLabel, c.raw());
            }
        }
        return new Resolved(values, provenance, false);
    }

    /** The cell of each column (null for a column with no cell), or null when the cells cannot be assigned. */
    private static List<Cell> map(List<Cell> cells, int width) {
        int filled = 0;
        boolean anyEmpty = false;
        for (Cell c : cells) {
            if (c.filled()) {
                filled++;
            } else {
                anyEmpty = true;
            }
        }
        List<Cell> out = new ArrayList<>(width);
        if (filled == 0) {
            // Nothing printed: every column blank (the row exists, its values do not).
            for (int i = 0; i < width; i++) {
                out.add(i < cells.size() && cells.size() == width ? cells.get(i) : null);
            }
            return out;
        }
        if (filled == width) {
            for (Cell c : cells) {
                if (c.filled()) {
                    out.add(c);
                }
            }
            return out;
        }
        if (cells.size() == width) {
            return new ArrayList<>(cells);
        }
        if (cells.size() > width) {
            // A label spanning two columns leaves an empty slot before the values: drop such leading slots.
            int start = 0;
            while (cells.size() - start > width && !cells.get(start).filled()) {
                start++;
            }
            return cells.size() - start == width ? new ArrayList<>(cells.subList(start, cells.size())) : null;
        }
        if (anyEmpty) {
            for (int i = 0; i < width - cells.size(); i++) {
                out.add(null);
            }
            out.addAll(cells);
            return out;
        }
        return null;
    }
}
