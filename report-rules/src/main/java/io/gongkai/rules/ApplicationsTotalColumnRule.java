package io.gongkai.rules;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** R3: per row of 表三, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他. */
public final class ApplicationsTotalColumnRule extends BaseRule {

    public static final String CODE = "APPLICATIONS_TOTAL_COLUMN";

    public ApplicationsTotalColumnRule() {
        super(CODE, Severity.error, "表三 每一行：总计 = 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他 六列之和",
                List.of("applications.*.*"));
    }

    @Override
    public List<Finding> check(Report report) {
        List<Finding> findings = new ArrayList<>();
        for (String rowKey : rowsInTemplateOrder(report.applications())) {
            List<String> paths = new ArrayList<>();
            paths.add(Cells.path(Report.APPLICATIONS, rowKey, ApplicantColumn.TOTAL.key()));
            ApplicantColumn.APPLICANTS.forEach(c -> paths.add(Cells.path(Report.APPLICATIONS, rowKey, c.key())));
            Cells.totalMismatch(report, paths).ifPresent(m -> {
                ApplicationRow row = ApplicationRow.byKey(rowKey);
                String message = "表三 " + (row == null ? rowKey : row.label()) + " 行：总计 " + Cells.format(m.total()) + "，而 "
                        + Cells.terms(ApplicantColumn.APPLICANTS.stream().map(ApplicantColumn::label).toList(), m.parts())
                        + " = " + Cells.format(m.sum()) + "，两者不符" + m.note();
                findings.add(new Finding(CODE, severity(), paths, message));
            });
        }
        return findings;
    }

    /** The rows present, known ones in template order, then any others alphabetically (deterministic output). */
    private static List<String> rowsInTemplateOrder(Map<String, Map<String, BigDecimal>> applications) {
        List<String> rows = new ArrayList<>();
        for (ApplicationRow row : ApplicationRow.values()) {
            if (applications.containsKey(row.key())) {
                rows.add(row.key());
            }
        }
        applications.keySet().stream().filter(k -> ApplicationRow.byKey(k) == null).sorted().forEach(rows::add);
        return rows;
    }
}
