package io.gongkai.ingest.web;

import io.gongkai.model.CellPath;

/**
 * Where a model path ({@code applications.totalHandled.naturalPerson}) sits in the official format, in the words of
 * the template: table 表三, row （七）总计, column 自然人. The words come from report-model's {@link CellPath}.
 *
 * @param table  表二, 表三, 表四, or empty for a path outside the three tables
 * @param row    the row's label as in the template
 * @param column the column's header as in the template
 */
public record CellLabels(String table, String row, String column) {

    public static CellLabels of(String path) {
        return CellPath.tryParse(path)
                .map(cell -> new CellLabels(cell.tableLabel(), cell.rowLabel(), cell.fieldLabel()))
                .orElseGet(() -> new CellLabels("", path == null ? "" : path, ""));
    }

    /** "表三 （七）总计 · 自然人". */
    public String describe() {
        return table.isEmpty() ? row : table + " " + row + " · " + column;
    }
}
