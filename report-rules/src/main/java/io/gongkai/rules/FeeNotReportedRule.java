package io.gongkai.rules;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * X4: the 2021 template puts the 信息处理费 statement in section 六. Fee notices issued (表三 （六）2. 逾期未按收费通知
 * 要求缴纳费用 > 0) or a fee charged according to section 一 while section 六 says nothing of 信息处理费 is an omission.
 */
public final class FeeNotReportedRule extends BaseRule {

    public static final String CODE = "FEE_NOT_REPORTED";
    private static final String OVERDUE_FEE = Cells.applications(ApplicationRow.OTHER_OVERDUE_FEE, ApplicantColumn.TOTAL);
    private static final Pattern FEE_CHARGED = Pattern.compile("收取[^。；，]{0,12}处理费[^。；]{0,6}?([1-9]\\d*(?:\\.\\d+)?)(元|万元)");

    public FeeNotReportedRule() {
        super(CODE, Severity.warning, "发出收费通知或收取了信息处理费，但第六部分未报告信息处理费情况",
                List.of(OVERDUE_FEE, "sections[1].text", "sections[6].text"));
    }

    @Override
    public List<Finding> check(Report report) {
        if (report.sections().isEmpty()) {
            return List.of();
        }
        String six = Narrative.text(report, 6);
        if (six != null && six.contains("处理费")) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        String reason;
        BigDecimal overdue = report.hasCell(OVERDUE_FEE) ? report.value(OVERDUE_FEE) : null;
        String one = Narrative.text(report, 1);
        var charged = one == null ? null : FEE_CHARGED.matcher(one);
        if (overdue != null && overdue.signum() > 0) {
            paths.add(OVERDUE_FEE);
            reason = "表三 （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用 为 " + Cells.format(overdue) + "（发出过收费通知）";
        } else if (charged != null && charged.find()) {
            paths.add("sections.1");
            reason = "第一部分写明收取信息处理费 " + charged.group(1) + " " + charged.group(2);
        } else {
            return List.of();
        }
        paths.add("sections.6");
        String message = reason + "，但第六部分“其他需要报告的事项”" + (six == null ? "缺失" : "未提及信息处理费") + "（格式要求在此报告收取信息处理费情况）";
        return List.of(new Finding(CODE, severity(), paths, message));
    }
}
