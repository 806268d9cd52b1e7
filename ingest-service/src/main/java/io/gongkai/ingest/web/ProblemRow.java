package io.gongkai.ingest.web;

import java.util.List;

/**
 * One line of the problem list (问题清单): one finding of one report, placed in the template's words.
 *
 * @param numbers the values of the cells the finding names, as "label = value", in its order
 * @param anchor  where on the report page the finding shows: its first cell, or the findings list
 */
public record ProblemRow(String documentId, String agency, Integer year, String level, String table, String row,
        String column, String code, String severity, String message, List<String> numbers, String anchor) {

    public static final List<String> HEADERS = List.of("机关", "年度", "层级", "表格", "行", "列", "问题代码", "问题说明", "涉及数值",
            "严重程度", "链接");

    public String severityLabel() {
        return Words.severity(severity);
    }

    public String levelLabel() {
        return Words.level(level);
    }

    public String numbersText() {
        return String.join("；", numbers);
    }

    /** The report page at this finding's first cell. */
    public String link() {
        return "/reports/" + documentId + "#" + anchor;
    }

    /** The columns of an exported line, in {@link #HEADERS} order; {@code base} makes the link absolute. */
    public List<String> columns(String base) {
        return List.of(nz(agency), year == null ? "" : year.toString(), levelLabel(), table, row, column, code,
                nz(message), numbersText(), severityLabel(), base + link());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
