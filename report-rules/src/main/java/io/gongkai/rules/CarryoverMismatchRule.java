package io.gongkai.rules;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** 表三: this year's 二、上年结转 must equal the same agency's previous-year 四、结转下年度继续办理, per column. */
public final class CarryoverMismatchRule extends HistoryRule {

    public static final String CODE = "CARRYOVER_MISMATCH";
    private final AgencyNames names;

    public CarryoverMismatchRule(AgencyNames names) {
        super(CODE, Severity.warning, "本年“上年结转”与同一机关上一年度报告的“结转下年度继续办理”不一致（两份报告都标出）",
                List.of("agency", "year", "applications.carriedOver.*", "applications.carriedForward.*",
                        "previous year: applications.carriedForward.*", "next year: applications.carriedOver.*"));
        this.names = names;
    }

    /**
     * The pair is marked on both reports, since either may hold the mistake: on the later one at its 上年结转, on the
     * earlier one at its 结转下年度. So whichever arrives second, both carry the finding.
     */
    @Override
    public List<Finding> check(Report report, ReportHistory history) {
        if (report.year() == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Neighbours.ofYear(report, report.year() - 1, history, names).ifPresent(previous -> compare(report, previous, true, findings));
        Neighbours.ofYear(report, report.year() + 1, history, names).ifPresent(next -> compare(report, next, false, findings));
        return findings;
    }

    private void compare(Report report, StoredReport other, boolean otherIsPrevious, List<Finding> findings) {
        ApplicationRow mine = otherIsPrevious ? ApplicationRow.CARRIED_OVER : ApplicationRow.CARRIED_FORWARD;
        ApplicationRow theirs = otherIsPrevious ? ApplicationRow.CARRIED_FORWARD : ApplicationRow.CARRIED_OVER;
        for (ApplicantColumn column : ApplicantColumn.values()) {
            String here = Cells.applications(mine, column);
            String there = Cells.applications(theirs, column);
            BigDecimal own = Cells.term(report, here);
            BigDecimal others = Cells.term(other.report(), there);
            if (own == null || others == null || own.compareTo(others) == 0) {
                continue;
            }
            String message = "表三 " + column.label() + " 列：本年“" + mine.label() + "”为 " + Cells.format(own) + "，而"
                    + Neighbours.describe(other) + "的“" + theirs.label() + "”为 " + Cells.format(others) + "，两者应相等"
                    + (report.value(here) == null || other.report().value(there) == null ? "（空白单元格按 0 计）" : "");
            findings.add(new Finding(CODE, severity(), List.of(here, Neighbours.elsewhere(other, there)), message));
        }
    }
}
