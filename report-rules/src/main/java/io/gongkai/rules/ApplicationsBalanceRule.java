package io.gongkai.rules;

import static io.gongkai.model.ApplicationRow.CARRIED_FORWARD;
import static io.gongkai.model.ApplicationRow.CARRIED_OVER;
import static io.gongkai.model.ApplicationRow.NEW_RECEIVED;
import static io.gongkai.model.ApplicationRow.TOTAL_HANDLED;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** R1, the format's own 勾稽关系: per column of 表三, 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理. */
public final class ApplicationsBalanceRule extends BaseRule {

    public static final String CODE = "APPLICATIONS_BALANCE";

    public ApplicationsBalanceRule() {
        super(CODE, Severity.error, "表三 每一列：本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理",
                List.of("applications.newReceived.*", "applications.carriedOver.*", "applications.totalHandled.*",
                "applications.carriedForward.*"));
    }

    @Override
    public List<Finding> check(Report report) {
        List<Finding> findings = new ArrayList<>();
        for (ApplicantColumn column : ApplicantColumn.values()) {
            List<String> paths = List.of(Cells.applications(NEW_RECEIVED, column), Cells.applications(CARRIED_OVER, column),
                    Cells.applications(TOTAL_HANDLED, column), Cells.applications(CARRIED_FORWARD, column));
            Cells.Terms v = Cells.termsOrNull(report, paths);
            if (v == null) {
                continue;
            }
            BigDecimal intake = v.get(0).add(v.get(1));
            BigDecimal handled = v.get(2).add(v.get(3));
            if (intake.compareTo(handled) != 0) {
                String message = "表三 " + column.label() + " 列："
                        + side(List.of(NEW_RECEIVED, CARRIED_OVER), v.values().subList(0, 2), intake) + "，与 "
                        + side(List.of(TOTAL_HANDLED, CARRIED_FORWARD), v.values().subList(2, 4), handled)
                        + " 不符（勾稽关系错误）" + v.blankNote();
                findings.add(new Finding(CODE, severity(), paths, message));
            }
        }
        return findings;
    }

    private static String side(List<ApplicationRow> rows, List<BigDecimal> values, BigDecimal sum) {
        return Cells.terms(rows.stream().map(ApplicationRow::label).toList(), values) + " = " + Cells.format(sum);
    }
}
