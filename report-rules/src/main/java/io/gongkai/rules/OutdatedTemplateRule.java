package io.gongkai.rules;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report for 2021 or later must use the 国办公开办函〔2021〕30号 layout; one that keeps the 2019 tables, wholly or in
 * part (the single （六）其他处理 row, 表二's 本年新制作数量 or 政府集中采购), is “未按新模板”.
 */
public final class OutdatedTemplateRule extends BaseRule {

    public static final String CODE = "OUTDATED_TEMPLATE";
    private static final int FIRST_2021_YEAR = 2021;

    public OutdatedTemplateRule() {
        super(CODE, Severity.warning, "2021 年及以后的年报仍全部或部分使用 2019 年版表格（未按新模板）",
                List.of("year", "templateVersion", "activeDisclosure.*.*", "applications.otherHandling.*"));
    }

    @Override
    public List<Finding> check(Report report) {
        if (report.year() == null || report.year() < FIRST_2021_YEAR) {
            return List.of();
        }
        List<String> oldCells = cells2019Only(report);
        boolean declaredOld = TemplateVersion.V2019.equals(report.templateVersion()) || TemplateVersion.MIXED.equals(report.templateVersion());
        if (oldCells.isEmpty() && !declaredOld) {
            return List.of();
        }
        boolean wholly = TemplateVersion.V2019.equals(report.templateVersion());
        List<String> parts = new ArrayList<>();
        if (report.applications().containsKey(ApplicationRow.OTHER_HANDLING.key())) {
            parts.add("表三 仍为单行的“（六）其他处理”（2021 年版已分为逾期不补正、逾期未缴费、其他三行）");
        }
        if (oldCells.stream().anyMatch(p -> p.startsWith(Report.ACTIVE_DISCLOSURE))) {
            parts.add("表二 仍为 2019 年版的栏目（本年新制作数量、上一年项目数量、政府集中采购等）");
        }
        String message = report.year() + " 年度报告应使用国办公开办函〔2021〕30号格式，但" + (wholly ? "全部" : "部分")
                + "沿用 2019 年版表格" + (parts.isEmpty() ? "" : "：" + String.join("；", parts));
        List<String> paths = new ArrayList<>(List.of("templateVersion"));
        paths.addAll(oldCells);
        return List.of(new Finding(CODE, severity(), paths, message));
    }

    /** The cells present that only the 2019 layout has, in template order. */
    private static List<String> cells2019Only(Report report) {
        List<String> out = new ArrayList<>();
        for (DisclosureItem item : DisclosureItem.values()) {
            Map<String, ?> row = report.activeDisclosure().get(item.key());
            if (row == null) {
                continue;
            }
            for (String field : item.fields2019()) {
                if (!item.fields2021().contains(field) && row.containsKey(field)) {
                    out.add(Cells.path(Report.ACTIVE_DISCLOSURE, item.key(), field));
                }
            }
        }
        Map<String, ?> other = report.applications().get(ApplicationRow.OTHER_HANDLING.key());
        if (other != null) {
            for (ApplicantColumn column : ApplicantColumn.values()) {
                if (other.containsKey(column.key())) {
                    out.add(Cells.applications(ApplicationRow.OTHER_HANDLING, column));
                }
            }
        }
        return out;
    }
}
