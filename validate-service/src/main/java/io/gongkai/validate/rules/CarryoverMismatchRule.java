package io.gongkai.validate.rules;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 表三: this year's 二、上年结转 must equal the same agency's previous-year 四、结转下年度继续办理, per column. */
public final class CarryoverMismatchRule extends HistoryRule {

    public static final String CODE = "CARRYOVER_MISMATCH";
    private final AgencyNames names;

    public CarryoverMismatchRule(AgencyNames names) {
        super(CODE, Severity.warning, "本年“上年结转”与同一机关上一年度报告的“结转下年度继续办理”不一致",
                List.of("agency", "year", "applications.carriedOver.*", "previous year: applications.carriedForward.*"));
        this.names = names;
    }

    @Override
    public List<Finding> check(Report report, ReportHistory history) {
        if (report.year() == null) {
            return List.of();
        }
        Optional<StoredReport> previous = Neighbours.ofYear(report, report.year() - 1, history, names);
        if (previous.isEmpty()) {
            return List.of();
        }
        Report last = previous.get().report();
        List<Finding> findings = new ArrayList<>();
        for (ApplicantColumn column : ApplicantColumn.values()) {
            String here = Cells.applications(ApplicationRow.CARRIED_OVER, column);
            String there = Cells.applications(ApplicationRow.CARRIED_FORWARD, column);
            BigDecimal now = report.value(here);
            BigDecimal before = last.value(there);
            if (now == null || before == null || now.compareTo(before) == 0) {
                continue;
            }
            String message = "表三 " + column.label() + " 列：本年“二、上年结转政府信息公开申请数量”为 " + Cells.format(now) + "，而"
                    + Neighbours.describe(previous.get()) + "的“四、结转下年度继续办理”为 " + Cells.format(before) + "，两者应相等";
            findings.add(new Finding(CODE, severity(), List.of(here, Neighbours.elsewhere(previous.get(), there)), message));
        }
        return findings;
    }
}
