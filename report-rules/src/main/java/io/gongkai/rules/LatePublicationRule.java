package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * 条例 第四十九条: departments publish by 31 January of the next year, a government's own report is published by
 * 31 March. Only where the report prints its date; a government's office reporting in its name gets the later deadline.
 */
public final class LatePublicationRule extends BaseRule {

    public static final String CODE = "LATE_PUBLICATION";
    private static final MonthDay DEPARTMENT_DEADLINE = MonthDay.of(1, 31);
    private static final MonthDay GOVERNMENT_DEADLINE = MonthDay.of(3, 31);

    public LatePublicationRule() {
        super(CODE, Severity.warning, "发布日期晚于法定时限（部门次年1月31日，政府次年3月31日）",
                List.of("publishedOn", "year", "agency"));
    }

    @Override
    public List<Finding> check(Report report) {
        if (report.publishedOn() == null || report.year() == null) {
            return List.of();
        }
        boolean government = AgencyNames.isGovernment(report.agency());
        LocalDate deadline = (government ? GOVERNMENT_DEADLINE : DEPARTMENT_DEADLINE).atYear(report.year() + 1);
        if (!report.publishedOn().isAfter(deadline)) {
            return List.of();
        }
        String message = report.year() + " 年度报告的发布日期为 " + report.publishedOn() + "，晚于" + (government ? "人民政府" : "政府部门")
                + "年度报告的法定发布时限 " + deadline + "（《条例》第四十九条）";
        return List.of(Finding.of(CODE, severity(), message, "publishedOn", "year"));
    }
}
