package io.gongkai.rules;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * R2: per column of 表三, （七）总计 = the sum of the outcome rows （一）…（六）. The outcome rows are those present
 * in the report, so the 2021 layout sums the three （六） rows and the 2019 (or mixed) layout its single one.
 */
public final class ApplicationsTotalRowRule extends BaseRule {

    public static final String CODE = "APPLICATIONS_TOTAL_ROW";

    public ApplicationsTotalRowRule() {
        super(CODE, Severity.error, "表三 每一列：（七）总计 = （一）至（六）各项处理结果之和", outcomeReads());
    }

    private static List<String> outcomeReads() {
        List<String> reads = new ArrayList<>();
        reads.add("applications.totalHandled.*");
        for (ApplicationRow row : ApplicationRow.values()) {
            if (row.role() == ApplicationRow.Role.OUTCOME) {
                reads.add("applications." + row.key() + ".*");
            }
        }
        return reads;
    }

    @Override
    public List<Finding> check(Report report) {
        List<ApplicationRow> outcomes = new ArrayList<>();
        for (ApplicationRow row : ApplicationRow.values()) {
            if (row.role() == ApplicationRow.Role.OUTCOME && report.applications().containsKey(row.key())) {
                outcomes.add(row);
            }
        }
        if (outcomes.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ApplicantColumn column : ApplicantColumn.values()) {
            List<String> paths = new ArrayList<>();
            paths.add(Cells.applications(ApplicationRow.TOTAL_HANDLED, column));
            outcomes.forEach(row -> paths.add(Cells.applications(row, column)));
            Cells.totalMismatch(report, paths).ifPresent(m -> findings.add(
                    new Finding(CODE, severity(), paths, message(column, m.total(), m.sum(), outcomes, m.parts()) + m.note())));
        }
        return findings;
    }

    /** Names only the non-zero items: twenty-odd zeros would hide the numbers that matter. */
    private static String message(ApplicantColumn column, BigDecimal total, BigDecimal sum, List<ApplicationRow> rows,
            List<BigDecimal> parts) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (parts.get(i).signum() != 0) {
                labels.add(rows.get(i).label());
                values.add(parts.get(i));
            }
        }
        String items = labels.isEmpty() ? "各项均为 0"
                : Cells.terms(labels, values) + (labels.size() < rows.size() ? "，其余各项为 0" : "");
        return "表三 " + column.label() + " 列：" + ApplicationRow.TOTAL_HANDLED.label() + " 为 " + Cells.format(total)
                + "，而各项处理结果之和为 " + Cells.format(sum) + "（" + items + "），两者不符";
    }
}
