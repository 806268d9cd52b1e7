package io.gongkai.reader.formats;

import java.util.List;
import java.util.stream.Stream;

/**
 * Finds a table's value columns by the header cells that name them, so that a page printing them in another
 * order than the template still has every value read into the right field. The layouts known are table 三's
 * seven applicant columns, table 四's fifteen (three groups of five, told apart by the group cells above them)
 * and the column headers of table 二's blocks in both generations.
 */
final class HeaderColumns {

    /**
     * One value column of a layout: a header cell whose own text ({@code leaf}) equals one of {@code equals} or
     * contains one of {@code contains}, and whose column's header cells together ({@code path}) contain
     * {@code group} (when given) and none of {@code notInGroup}.
     */
    private record Column(List<String> equals, List<String> contains, String group, List<String> notInGroup) {

        static Column named(String... alternatives) {
            return new Column(List.of(alternatives), List.of(), null, List.of());
        }

        static Column containing(String... fragments) {
            return new Column(List.of(), List.of(fragments), null, List.of());
        }

        Column under(String groupWord, String... not) {
            return new Column(equals, contains, groupWord, List.of(not));
        }

        boolean matches(String leaf, String path) {
            if (!equals.contains(leaf) && !containsAny(leaf, contains)) {
                return false;
            }
            return (group == null || path.contains(group)) && !containsAny(path, notInGroup);
        }

        private static boolean containsAny(String s, List<String> fragments) {
            for (String f : fragments) {
                if (s.contains(f)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Column> REVIEW_RESULTS = List.of(Column.containing("维持"), Column.containing("纠正"),
            Column.containing("其他"), Column.containing("未审结"), Column.containing("总计", "合计"));

    /** Layouts in the order tried: wider ones first, so that a three-column header is not taken for two. */
    private static final List<List<Column>> LAYOUTS = List.of(
            // Table 四: 行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉, each 维持 纠正 其他 尚未审结 总计.
            Stream.concat(REVIEW_RESULTS.stream().map(c -> c.under("行政复议", "起诉")),
                    Stream.concat(REVIEW_RESULTS.stream().map(c -> c.under("直接起诉")),
                            REVIEW_RESULTS.stream().map(c -> c.under("复议后起诉")))).toList(),
            // Table 三: the applicants.
            List.of(Column.named("自然人"), Column.named("商业企业"), Column.named("科研机构"),
                    Column.named("社会公益组织", "社会组织", "公益组织"), Column.named("法律服务机构"), Column.named("其他"),
                    Column.named("总计", "合计")),
            // Table 二, 2021: 第二十条第（一）项; 2019: （一）, then （五）（六）, （八）, （九）.
            List.of(Column.containing("本年制发"), Column.containing("本年废止"), Column.containing("现行有效")),
            List.of(Column.containing("新制作"), Column.containing("新公开"), Column.containing("对外公开总")),
            List.of(Column.containing("上一年项目"), Column.containing("本年增"), Column.containing("处理决定")),
            List.of(Column.containing("上一年项目"), Column.containing("本年增")),
            List.of(Column.containing("采购项目"), Column.containing("采购总金额")),
            // Table 二, 2021: the one-column blocks; they end the column order of the block before them.
            List.of(Column.containing("处理决定数量")),
            List.of(Column.containing("收费金额")));

    private HeaderColumns() {
    }

    /** What the header rows say: no layout, or the grid column of each of the layout's columns, in template order. */
    record Found(boolean layout, int[] columns) {
        static final Found NONE = new Found(false, null);
    }

    /** The layout named by the header rows [from, to) of the grid, if any. */
    static Found find(List<GridTable.Placed[]> grid, int width, int from, int to) {
        String[] leaves = new String[width];
        String[] paths = new String[width];
        // Converters that flatten merged cells leave a group cell's text in its first slot and the slots it
        // covered blank ("行政诉讼", "", "", …): a blank header cell belongs to the group on its left.
        GridTable.Placed[][] groups = new GridTable.Placed[to - from][width];
        for (int r = from; r < to; r++) {
            GridTable.Placed carried = null;
            for (int c = 0; c < width; c++) {
                GridTable.Placed p = grid.get(r)[c];
                carried = p != null && !p.text().isBlank() ? p : carried;
                groups[r - from][c] = carried;
            }
        }
        for (int c = 0; c < width; c++) {
            StringBuilder path = new StringBuilder();
            GridTable.Placed leaf = null;
            GridTable.Placed group = null;
            for (int r = from; r < to; r++) {
                GridTable.Placed p = grid.get(r)[c];
                // A blank cell names nothing: in a table that leaves zeros blank, a row of blanks is no header.
                if (p != null && p != leaf && !p.text().isBlank()) {
                    leaf = p;
                }
                GridTable.Placed g = groups[r - from][c];
                if (g != null && g != group) {
                    path.append(compact(g.text()));
                    group = g;
                }
            }
            // The lowest header cell names the column; a cell spanning columns is taken once, where it starts
            // (a one-value block of table 二 prints 本年处理决定数量 across three columns).
            leaves[c] = leaf == null || leaf.column() != c ? null : compact(leaf.text());
            paths[c] = path.toString();
        }
        for (List<Column> layout : LAYOUTS) {
            int[] found = match(layout, leaves, paths);
            if (found != null) {
                return new Found(true, found);
            }
        }
        return Found.NONE;
    }

    /** The grid column of each column of the layout (each column taken once), or null if one is missing. */
    private static int[] match(List<Column> layout, String[] leaves, String[] paths) {
        int[] found = new int[layout.size()];
        boolean[] taken = new boolean[leaves.length];
        for (int k = 0; k < found.length; k++) {
            found[k] = -1;
            for (int c = 0; c < leaves.length && found[k] < 0; c++) {
                if (!taken[c] && leaves[c] != null && layout.get(k).matches(leaves[c], paths[c])) {
                    found[k] = c;
                    taken[c] = true;
                }
            }
            if (found[k] < 0) {
                return null;
            }
        }
        return found;
    }

    /** Without whitespace: headers wrap (商业<br>企业) and pad (自 然 人). */
    private static String compact(String s) {
        int plain = 0;
        while (plain < s.length() && !isGap(s.charAt(plain))) {
            plain++;
        }
        if (plain == s.length()) {
            return s; // most header cells: nothing to drop, no copy
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!isGap(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static boolean isGap(char ch) {
        return Character.isWhitespace(ch) || ch == '\u3000' || ch == '\u00a0';
    }

    /** Whether a cell holds a value (a number or a no-value marker), which makes its row a data row. */
    static boolean isValue(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return false;
        }
        if (s.equals("无") || s.equals("/") || s.equals("-") || s.equals("—") || s.equals("－") || s.equals("--")) {
            return true;
        }
        // Some pages print the unit in each cell (3件, 12.5万元): a count or amount followed by a counting unit.
        int end = s.length() - unitLength(s);
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9') && !(ch >= '０' && ch <= '９') && ch != '.' && ch != ',' && ch != '．' && ch != '，') {
                return false;
            }
        }
        return true;
    }

    /** Units a statistics cell may print after its figure (those the text parser reads with a number). */
    private static final java.util.List<String> UNITS = java.util.List.of("万元", "元", "件", "个", "项", "条");

    /** The length of the counting unit that ends {@code s} after a digit, or 0. */
    static int unitLength(String s) {
        for (String unit : UNITS) {
            int at = s.length() - unit.length();
            if (at > 0 && s.endsWith(unit)) {
                char before = s.charAt(at - 1);
                return before >= '0' && before <= '9' || before >= '０' && before <= '９' ? unit.length() : 0;
            }
        }
        return 0;
    }
}
