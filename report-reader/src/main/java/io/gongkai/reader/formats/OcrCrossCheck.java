package io.gongkai.reader.formats;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.CellPath;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says which values read by OCR the tables' own identities do not confirm. A row of table 三 whose 总计 is
 * the sum of its six applicant columns, or a group of table 四 whose 总计 is the sum of its four results,
 * is unlikely to hold a misread digit, unless its column of table 三 does not add up either; every other OCR value
 * (table 二 has no identity) gets a finding on its cell, so that a misread is never silent.
 */
final class OcrCrossCheck {

    static final String OCR_UNCONFIRMED = "OCR_UNCONFIRMED";

    private OcrCrossCheck() {
    }

    static List<Finding> check(Report report) {
        List<Finding> out = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        report.activeDisclosure().forEach((row, fields) -> fields.keySet()
                .forEach(f -> unchecked.add(new CellPath(Report.ACTIVE_DISCLOSURE, row, f).format())));
        // A row of the format's table 二 that OCR did not find at all is null: named here too, never silent, in both
        // layouts' fields (a report can print table 二 in 2021's wording and table 三 in 2019's, which set the version).
        if (!"pre2019".equals(report.templateVersion())) {
            for (io.gongkai.model.DisclosureItem item : io.gongkai.model.DisclosureItem.values()) {
                if (!report.activeDisclosure().containsKey(item.key())) {
                    java.util.stream.Stream.concat(item.fields2021().stream(), item.fields2019().stream()).distinct()
                            .forEach(f -> unchecked.add(new CellPath(Report.ACTIVE_DISCLOSURE, item.key(), f).format()));
                }
            }
        }
        if (!unchecked.isEmpty()) {
            out.add(new Finding(OCR_UNCONFIRMED, Severity.info, unchecked,
                    "表二的数值由 OCR 识别（未识别出的留空），表内没有可核对的勾稽关系，请对照原件。"
                            + " Table 2 was read by OCR (what it did not find is null) and has no identity to confirm it."));
        }
        report.applications().forEach((row, fields) -> {
            if (!sumHolds(fields, ApplicantColumn.TOTAL.key())) {
                out.add(unconfirmed(Report.APPLICATIONS, row, fields, "表三"));
            }
        });
        out.addAll(columns(report.applications()));
        Finding otherHandling = otherHandlingUnread(report.applications());
        if (otherHandling != null) {
            out.add(otherHandling);
        }
        for (ReviewGroup g : ReviewGroup.values()) {
            Map<String, BigDecimal> fields = report.reviewsAndLawsuits().get(g.key());
            if (fields != null && !sumHolds(fields, "total")) {
                out.add(unconfirmed(Report.REVIEWS_AND_LAWSUITS, g.key(), fields, "表四"));
            }
        }
        return out;
    }

    private static Finding unconfirmed(String table, String row, Map<String, BigDecimal> fields, String name) {
        List<String> paths = fields.keySet().stream().map(f -> new CellPath(table, row, f).format()).toList();
        return new Finding(OCR_UNCONFIRMED, Severity.warning, paths,
                name + "“" + row + "”一行由 OCR 识别，数值缺失或合计不符，可能识别有误: " + fields
                        + " OCR values of this row are missing or do not add up.");
    }

    /**
     * Table 三's column identities, per applicant column: 本年新收 + 上年结转 = （七）总计 + 结转下年度, and （七）总计 =
     * the sum of the results （一）…（六）. Two misreads can make a row add up (a 0 read as 1 in a column and in the
     * total); the column they sit in then does not. The cells of a column whose identity fails, or cannot be
     * judged for a missing cell, are flagged.
     */
    private static List<Finding> columns(Map<String, Map<String, BigDecimal>> rows) {
        List<Finding> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out; // no table 三 read (a 2008-format report): nothing to check
        }
        boolean split = !rows.containsKey(ApplicationRow.OTHER_HANDLING.key());
        List<ApplicationRow> results = ApplicationRow.rows(split).stream()
                .filter(r -> r.role() == ApplicationRow.Role.OUTCOME).toList();
        for (ApplicantColumn column : ApplicantColumn.values()) {
            BigDecimal intake = sum(rows, column, List.of(ApplicationRow.NEW_RECEIVED, ApplicationRow.CARRIED_OVER));
            BigDecimal handled = sum(rows, column, List.of(ApplicationRow.TOTAL_HANDLED, ApplicationRow.CARRIED_FORWARD));
            BigDecimal total = sum(rows, column, List.of(ApplicationRow.TOTAL_HANDLED));
            BigDecimal outcomes = sum(rows, column, results);
            List<ApplicationRow> doubtful = new ArrayList<>();
            // An identity that fails, or that a missing cell leaves unjudged: a row that adds up is no proof on its
            // own (digits dropped alike in a row, 30 → 0 and 31 → 3, keep its sum), so its column must add up too.
            if (intake == null || handled == null || intake.compareTo(handled) != 0) {
                doubtful.addAll(List.of(ApplicationRow.NEW_RECEIVED, ApplicationRow.CARRIED_OVER, ApplicationRow.TOTAL_HANDLED,
                        ApplicationRow.CARRIED_FORWARD));
            }
            if (total == null || outcomes == null || total.compareTo(outcomes) != 0) {
                doubtful.addAll(results);
                doubtful.add(ApplicationRow.TOTAL_HANDLED);
            }
            if (!doubtful.isEmpty()) {
                List<String> paths = doubtful.stream().distinct()
                        .map(r -> new CellPath(Report.APPLICATIONS, r.key(), column.key()).format()).toList();
                out.add(new Finding(OCR_UNCONFIRMED, Severity.warning, paths, "表三“" + column.label()
                        + "”一列由 OCR 识别，列内合计不符或有缺失值无法核对，可能识别有误。"
                        + " OCR values of this column do not add up or cannot be checked (a value is missing)."));
            }
        }
        return out;
    }

    /**
     * （六）其他处理 is one row in the 2019 layout and three in 2021's; a scan that read none of the three split rows
     * cannot tell which the report printed (the labels that tell are the ones unread), so the single row's cells,
     * absent from the report, are named too: a value the report prints there is not silently missing.
     */
    private static Finding otherHandlingUnread(Map<String, Map<String, BigDecimal>> rows) {
        if (rows.isEmpty() || rows.containsKey(ApplicationRow.OTHER_HANDLING.key())) {
            return null;
        }
        List<ApplicationRow> split = List.of(ApplicationRow.OTHER_OVERDUE_CORRECTION, ApplicationRow.OTHER_OVERDUE_FEE,
                ApplicationRow.OTHER_OTHER);
        for (ApplicationRow r : split) {
            Map<String, BigDecimal> fields = rows.get(r.key());
            if (fields != null && fields.values().stream().anyMatch(java.util.Objects::nonNull)) {
                return null;
            }
        }
        List<String> paths = new ArrayList<>();
        for (ApplicationRow r : List.of(ApplicationRow.OTHER_HANDLING, split.get(0), split.get(1), split.get(2))) {
            for (ApplicantColumn c : ApplicantColumn.values()) {
                paths.add(new CellPath(Report.APPLICATIONS, r.key(), c.key()).format());
            }
        }
        return new Finding(OCR_UNCONFIRMED, Severity.warning, paths,
                "表三“（六）其他处理”一行（或其分项）OCR 未能识别，数值留空，请对照原件。"
                        + " OCR read no value of （六）其他处理 (one row or three): left null.");
    }

    /** The sum of the rows' cells in the column; null when one is missing. */
    private static BigDecimal sum(Map<String, Map<String, BigDecimal>> rows, ApplicantColumn column, List<ApplicationRow> which) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ApplicationRow r : which) {
            Map<String, BigDecimal> fields = rows.get(r.key());
            BigDecimal v = fields == null ? null : fields.get(column.key());
            if (v == null) {
                return null;
            }
            sum = sum.add(v);
        }
        return sum;
    }

    /** Every cell read and the total equal to the sum of the others. */
    private static boolean sumHolds(Map<String, BigDecimal> fields, String totalKey) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : fields.entrySet()) {
            if (e.getValue() == null) {
                return false;
            }
            if (!e.getKey().equals(totalKey)) {
                sum = sum.add(e.getValue());
            }
        }
        BigDecimal total = fields.get(totalKey);
        return total != null && total.compareTo(sum) == 0;
    }
}
