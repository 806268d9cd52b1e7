package io.gongkai.reader.formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a Word table row's cells stand in the table grid when the file lost its vertical merge markers
 * (LibreOffice's "MS Word 2003 XML" export writes no {@code w:vmerge}, and its {@code w:tcW} are the grid's widths
 * in cell order, not the cells' own): a row under a merged cell then lists fewer cells than the grid has columns.
 * The columns it lacks are cells continued from above, at its start (group labels) or its end. A placement must
 * leave out whole cells of the row above; among those, the one where figures stand under figures, text under text
 * and no column of figures is continued down is taken. When two placements fit equally and the row has figures,
 * the row is not placed: its figures are written run together in one cell, which the parser reports as
 * UNREADABLE_TABLE unless the table's identities prove the split, so that no figure lands in another column.
 */
final class RowPlacement {

    /** The row's cells from grid column {@code lead}, up to {@code end}; the columns outside continue the cells above. */
    record Placed(int lead, List<String> texts, List<Integer> spans, int end) {
    }

    private enum Kind { BLANK, NUMBER, TEXT }

    private final int columns;
    /** Grid columns where a cell of the previous row starts (and the grid's right edge); null before the first row. */
    private boolean[] starts;
    /** The last kind other than blank seen in each grid column. */
    private final Kind[] above;
    /** A row before was not placed here: short rows are not placed until a row covers the grid again. */
    private boolean lost;

    RowPlacement(int columns) {
        this.columns = columns;
        this.above = new Kind[Math.max(0, columns)];
        Arrays.fill(above, Kind.BLANK);
    }

    /** A row placed otherwise (w:gridBefore): its layout is not known here, so the next row is not placed either. */
    void forget() {
        lost = starts != null;
    }

    /**
     * The placement of a row's cells (text and column span each), or null to place them from the left as written:
     * the table has no grid, or the row covers the grid, or it is the first row, or it covers more than the grid.
     */
    Placed place(List<String> texts, List<Integer> spans) {
        if (columns == 0) {
            return null;
        }
        int covered = spans.stream().mapToInt(Integer::intValue).sum();
        if (covered >= columns || starts == null && !lost || texts.isEmpty()) {
            lost = false;
            record(0, spans, texts, covered);
            return null;
        }
        int missing = columns - covered;
        boolean figures = texts.stream().anyMatch(t -> kind(t) == Kind.NUMBER);
        int best = Integer.MAX_VALUE;
        List<Integer> ties = new ArrayList<>();
        for (int lead = missing; lead >= 0; lead--) {
            int end = lead + covered;
            if (!starts[lead] || !starts[end]) {
                continue; // the columns left out must be whole cells of the row above
            }
            int score = mismatches(lead, texts, spans, end);
            if (score < best) {
                best = score;
                ties.clear();
            }
            if (score == best) {
                ties.add(lead);
            }
        }
        if (lost || ties.isEmpty() || figures && ties.size() > 1) {
            return unplaced(texts, spans, missing, covered);
        }
        int lead = ties.get(0); // the largest lead first: leading group labels are the usual merge
        record(lead, spans, texts, lead + covered);
        return new Placed(lead, texts, spans, lead + covered);
    }

    /** Figures under text, text under figures, and columns of figures taken as continued from above. */
    private int mismatches(int lead, List<String> texts, List<Integer> spans, int end) {
        int score = 0;
        for (int c = 0; c < lead; c++) {
            score += above[c] == Kind.NUMBER ? 1 : 0;
        }
        for (int c = end; c < columns; c++) {
            score += above[c] == Kind.NUMBER ? 1 : 0;
        }
        int col = lead;
        for (int i = 0; i < texts.size(); i++) {
            Kind k = kind(texts.get(i));
            if (k != Kind.BLANK && above[col] != Kind.BLANK && above[col] != k) {
                score++;
            }
            col += spans.get(i);
        }
        return score;
    }

    /**
     * A row whose placement is in doubt: its text cells first, then its other cells run together in one cell over
     * the rest of the grid (written from the left, as the parser sees cells a converter ran together).
     */
    private Placed unplaced(List<String> texts, List<Integer> spans, int missing, int covered) {
        List<String> outTexts = new ArrayList<>();
        List<Integer> outSpans = new ArrayList<>();
        int i = 0;
        int used = 0;
        while (i < texts.size() && kind(texts.get(i)) == Kind.TEXT) {
            outTexts.add(texts.get(i));
            outSpans.add(spans.get(i));
            used += spans.get(i);
            i++;
        }
        StringBuilder rest = new StringBuilder();
        for (; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                rest.append(rest.length() == 0 ? "" : " ").append(texts.get(i).strip());
            }
        }
        outTexts.add(rest.toString());
        outSpans.add(Math.max(1, columns - used));
        lost = true; // what follows cannot be placed against this row
        return new Placed(0, outTexts, outSpans, columns);
    }

    private void record(int lead, List<Integer> spans, List<String> texts, int end) {
        boolean[] next = new boolean[columns + 1];
        // Columns continued from above keep the previous row's cell edges.
        for (int c = 0; c <= columns; c++) {
            if (c <= lead || c >= end) {
                next[c] = starts == null ? c == 0 || c == columns : starts[c];
            }
        }
        int col = lead;
        for (int i = 0; i < spans.size() && col < columns; i++) {
            next[col] = true;
            Kind k = kind(texts.get(i));
            if (k != Kind.BLANK) {
                for (int c = col; c < Math.min(columns, col + spans.get(i)); c++) {
                    above[c] = k;
                }
            }
            col += spans.get(i);
        }
        next[Math.min(col, columns)] = true;
        next[columns] = true;
        starts = next;
    }

    /** A figure (digits, no letters), text (two letters or more), or neither (blank, "/", "—", "无"). */
    private static Kind kind(String text) {
        String s = text.strip();
        int letters = 0;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (digit && letters == 0) {
            return Kind.NUMBER;
        }
        return letters >= 2 ? Kind.TEXT : Kind.BLANK;
    }
}
