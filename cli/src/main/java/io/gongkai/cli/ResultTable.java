package io.gongkai.cli;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table whose columns line up in a terminal, Chinese characters counting two cells. */
final class ResultTable {

    private final List<List<String>> rows = new ArrayList<>();

    ResultTable(String... header) {
        rows.add(List.of(header));
    }

    void add(String... cells) {
        List<String> row = new ArrayList<>();
        for (String c : cells) {
            row.add(c == null ? "" : c);
        }
        rows.add(row);
    }

    String render() {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> r : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], width(r.get(c)) + 2);
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> r : rows) {
            for (int c = 0; c < columns; c++) {
                String cell = r.get(c);
                out.append(cell);
                if (c < columns - 1) {
                    out.append(" ".repeat(widths[c] - width(cell)));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Terminal cells a text takes: wide and full-width characters (East Asian Width W, F) take two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
            w += eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
