package io.gongkai.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The address of one cell of the three tables, {@code table.row.field} in the JSON names of docs/report-model.md
 * ({@code applications.totalHandled.naturalPerson}), with the template's words for it (表三, （七）总计, 自然人) and the
 * template's order. The one place that builds, splits, labels and orders cell paths: the reader writes them, the
 * rules name them in findings, the workbench lays the tables out by them.
 *
 * @param table one of {@link #TABLES}
 * @param row   the row's key (a {@link DisclosureItem}, {@link ApplicationRow} or {@link ReviewGroup} key; a key the
 *              template does not know is kept as it is)
 * @param field the column's key ({@link DisclosureField}, {@link ApplicantColumn} or {@link ReviewGroup.Column})
 */
public record CellPath(String table, String row, String field) {

    /** The three tables in template order (表二, 表三, 表四). */
    public static final List<String> TABLES = List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS);

    /** Known tables, then rows and fields in template order; keys the template does not know after them, alphabetically. */
    public static final Comparator<CellPath> TEMPLATE_ORDER = Comparator.comparingInt((CellPath p) -> TABLES.indexOf(p.table))
            .thenComparingInt(p -> unknownLast(p.rowRank()))
            .thenComparing(CellPath::row)
            .thenComparingInt(p -> unknownLast(p.fieldRank()))
            .thenComparing(CellPath::field);

    public CellPath {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("no table " + table);
        }
        if (row == null || field == null) {
            throw new IllegalArgumentException("a cell path needs a row and a field: " + table + "." + row + "." + field);
        }
    }

    public static CellPath disclosure(DisclosureItem item, String field) {
        return new CellPath(Report.ACTIVE_DISCLOSURE, item.key(), field);
    }

    public static CellPath applications(ApplicationRow row, ApplicantColumn column) {
        return new CellPath(Report.APPLICATIONS, row.key(), column.key());
    }

    public static CellPath review(ReviewGroup group, ReviewGroup.Column column) {
        return new CellPath(Report.REVIEWS_AND_LAWSUITS, group.key(), column.key());
    }

    /** The path {@code table.row.field}; IllegalArgumentException when it is not a cell of the three tables. */
    public static CellPath parse(String path) {
        return tryParse(path).orElseThrow(() -> new IllegalArgumentException("not a cell path: " + path));
    }

    /** The cell a path names, or empty when it is not a cell of the three tables ({@code agency}, {@code sections[1].text}). */
    public static Optional<CellPath> tryParse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        int first = path.indexOf('.');
        int second = first < 0 ? -1 : path.indexOf('.', first + 1);
        if (second < 0 || path.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        String table = path.substring(0, first);
        String row = path.substring(first + 1, second);
        String field = path.substring(second + 1);
        if (!TABLES.contains(table) || !isKey(row) || !isKey(field)) {
            return Optional.empty();
        }
        return Optional.of(new CellPath(table, row, field));
    }

    /** Whether a path is a cell of the three tables. */
    public static boolean isCell(String path) {
        return tryParse(path).isPresent();
    }

    /** {@code table.row.field}. */
    public String format() {
        return table + "." + row + "." + field;
    }

    @Override
    public String toString() {
        return format();
    }

    /** 表二, 表三 or 表四. */
    public String tableLabel() {
        return switch (table) {
            case Report.ACTIVE_DISCLOSURE -> "表二";
            case Report.APPLICATIONS -> "表三";
            default -> "表四";
        };
    }

    /** The row's label as in the template (with its group for table 三: "（三）不予公开 1.属于国家秘密"), else its key. */
    public String rowLabel() {
        String label = switch (table) {
            case Report.ACTIVE_DISCLOSURE -> {
                DisclosureItem item = DisclosureItem.byKey(row);
                yield item == null ? null : item.label();
            }
            case Report.APPLICATIONS -> {
                ApplicationRow r = ApplicationRow.byKey(row);
                yield r == null ? null : r.label();
            }
            default -> {
                ReviewGroup group = ReviewGroup.byKey(row);
                yield group == null ? null : group.label();
            }
        };
        return label == null ? row : label;
    }

    /** The column's header as in the template, else its key. */
    public String fieldLabel() {
        String label = switch (table) {
            case Report.ACTIVE_DISCLOSURE -> {
                DisclosureField f = DisclosureField.byKey(field);
                yield f == null ? null : f.label();
            }
            case Report.APPLICATIONS -> {
                ApplicantColumn column = ApplicantColumn.byKey(field);
                yield column == null ? null : column.label();
            }
            default -> {
                ReviewGroup.Column column = ReviewGroup.Column.byKey(field);
                yield column == null ? null : column.label();
            }
        };
        return label == null ? field : label;
    }

    /** The row's place in its table's template order, or -1 for a key the template does not know. */
    int rowRank() {
        return switch (table) {
            case Report.ACTIVE_DISCLOSURE -> {
                DisclosureItem item = DisclosureItem.byKey(row);
                yield item == null ? -1 : item.ordinal();
            }
            case Report.APPLICATIONS -> {
                ApplicationRow r = ApplicationRow.byKey(row);
                yield r == null ? -1 : r.ordinal();
            }
            default -> {
                ReviewGroup group = ReviewGroup.byKey(row);
                yield group == null ? -1 : group.ordinal();
            }
        };
    }

    /** The field's place in its row (表二: the 2021 fields, then 2019's), or -1 for a key the template does not know. */
    int fieldRank() {
        return switch (table) {
            case Report.ACTIVE_DISCLOSURE -> {
                DisclosureItem item = DisclosureItem.byKey(row);
                if (item == null) {
                    yield -1;
                }
                List<String> known = new ArrayList<>(item.fields2021());
                known.addAll(item.fields2019());
                yield known.indexOf(field);
            }
            case Report.APPLICATIONS -> {
                ApplicantColumn column = ApplicantColumn.byKey(field);
                yield column == null ? -1 : column.ordinal();
            }
            default -> {
                ReviewGroup.Column column = ReviewGroup.Column.byKey(field);
                yield column == null ? -1 : column.ordinal();
            }
        };
    }

    private static int unknownLast(int rank) {
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    private static boolean isKey(String key) {
        return key != null && !key.isEmpty() && key.indexOf('.') < 0;
    }
}
