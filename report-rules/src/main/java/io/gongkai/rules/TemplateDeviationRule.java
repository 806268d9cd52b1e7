package io.gongkai.rules;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of the official template missing from a table that is otherwise there (a report that dropped 表三's
 * “（五）不予处理 5.” row, or 表四's 复议后起诉). The extractor reports labels that differ from the template itself; a
 * row it already named is not reported again. Mixed layouts are {@link OutdatedTemplateRule}'s.
 */
public final class TemplateDeviationRule extends BaseRule {

    public static final String CODE = "TEMPLATE_DEVIATION";

    public TemplateDeviationRule() {
        super(CODE, Severity.info, "表格缺少官方模板中的行（标签与模板不同的情况由抽取服务报告）",
                List.of("templateVersion", "activeDisclosure.*", "applications.*", "reviewsAndLawsuits.*"));
    }

    @Override
    public List<Finding> check(Report report) {
        boolean layout2021 = TemplateVersion.V2021.equals(report.templateVersion());
        if (!layout2021 && !TemplateVersion.V2019.equals(report.templateVersion())) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (!report.activeDisclosure().isEmpty()) {
            for (DisclosureItem item : DisclosureItem.values()) {
                List<String> fields = layout2021 ? item.fields2021() : item.fields2019();
                if (!fields.isEmpty() && !report.activeDisclosure().containsKey(item.key())) {
                    missing.add(Cells.path(Report.ACTIVE_DISCLOSURE, item.key(), fields.get(0)));
                    labels.add("表二 " + item.label());
                }
            }
        }
        if (!report.applications().isEmpty()) {
            for (ApplicationRow row : ApplicationRow.rows(layout2021)) {
                if (!report.applications().containsKey(row.key())) {
                    missing.add(Cells.applications(row, ApplicantColumn.TOTAL));
                    labels.add("表三 " + row.label());
                }
            }
        }
        if (!report.reviewsAndLawsuits().isEmpty()) {
            for (ReviewGroup group : ReviewGroup.values()) {
                if (!report.reviewsAndLawsuits().containsKey(group.key())) {
                    missing.add(Cells.review(group, ReviewGroup.Column.TOTAL));
                    labels.add("表四 " + group.label());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            String path = missing.get(i);
            String row = path.substring(0, path.lastIndexOf('.'));
            if (alreadyReported(report, row)) {
                continue;
            }
            findings.add(Finding.of(CODE, severity(), labels.get(i) + " 这一行在表格中缺失，与官方模板不同", path));
        }
        return findings;
    }

    private static boolean alreadyReported(Report report, String row) {
        for (Finding f : report.extractionFindings()) {
            for (String p : f.paths()) {
                if (p.equals(row) || p.startsWith(row + ".")) {
                    return true;
                }
            }
        }
        return false;
    }
}
