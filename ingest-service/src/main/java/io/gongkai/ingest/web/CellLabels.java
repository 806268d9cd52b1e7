package io.gongkai.ingest.web;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.DisclosureField;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;

/**
 * Where a model path ({@code applications.totalHandled.naturalPerson}) sits in the official format, in the words of
 * the template: table 表三, row （七）总计, column 自然人. The words come from report-model's enums.
 *
 * @param table  表二, 表三, 表四, or empty for a path outside the three tables
 * @param row    the row's label as in the template
 * @param column the column's header as in the template
 */
public record CellLabels(String table, String row, String column) {

    public static CellLabels of(String path) {
        String[] parts = path == null ? new String[0] : path.split("\\.", 3);
        if (parts.length != 3) {
            return new CellLabels("", path == null ? "" : path, "");
        }
        String row = parts[1];
        String field = parts[2];
        return switch (parts[0]) {
            case Report.ACTIVE_DISCLOSURE -> new CellLabels("表二", disclosureItem(row), DisclosureField.labelOf(field));
            case Report.APPLICATIONS -> {
                ApplicationRow r = ApplicationRow.byKey(row);
                yield new CellLabels("表三", r == null ? row : r.label(), applicantColumn(field));
            }
            case Report.REVIEWS_AND_LAWSUITS -> new CellLabels("表四", reviewGroup(row), reviewColumn(field));
            default -> new CellLabels("", path, "");
        };
    }

    /** "表三 （七）总计 · 自然人". */
    public String describe() {
        return table.isEmpty() ? row : table + " " + row + " · " + column;
    }

    private static String disclosureItem(String key) {
        DisclosureItem item = DisclosureItem.byKey(key);
        return item == null ? key : item.label();
    }

    private static String applicantColumn(String key) {
        ApplicantColumn column = ApplicantColumn.byKey(key);
        return column == null ? key : column.label();
    }

    private static String reviewGroup(String key) {
        ReviewGroup group = ReviewGroup.byKey(key);
        return group == null ? key : group.label();
    }

    private static String reviewColumn(String key) {
        ReviewGroup.Column column = ReviewGroup.Column.byKey(key);
        return column == null ? key : column.label();
    }
}
