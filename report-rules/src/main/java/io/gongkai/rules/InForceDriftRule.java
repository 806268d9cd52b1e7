package io.gongkai.rules;

import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** X2, for 规章 and 行政规范性文件: 现行有效 = the previous year's 现行有效 + 本年制发 − 本年废止. */
public final class InForceDriftRule extends HistoryRule {

    public static final String CODE = "IN_FORCE_DRIFT";
    private static final List<DisclosureItem> ITEMS = List.of(DisclosureItem.RULES, DisclosureItem.NORMATIVE_DOCUMENTS);
    private final AgencyNames names;

    public InForceDriftRule(AgencyNames names) {
        super(CODE, Severity.warning, "现行有效件数 ≠ 上一年度现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件）",
                List.of("agency", "year", "activeDisclosure.{rules,normativeDocuments}.{issued,repealed,inForce}",
                        "previous year: activeDisclosure.{rules,normativeDocuments}.inForce"));
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
        List<Finding> findings = new ArrayList<>();
        for (DisclosureItem item : ITEMS) {
            String inForce = path(item, "inForce");
            String issued = path(item, "issued");
            String repealed = path(item, "repealed");
            Cells.Terms v = Cells.termsOrNull(report, List.of(inForce, issued, repealed));
            BigDecimal before = Cells.term(previous.get().report(), inForce);
            if (v == null || before == null) {
                continue; // a blank, or a year in the 2019 layout (no 现行有效件数)
            }
            BigDecimal expected = before.add(v.get(1)).subtract(v.get(2));
            if (expected.compareTo(v.get(0)) == 0) {
                continue;
            }
            String message = "表二 " + item.label() + "：现行有效件数 " + Cells.format(v.get(0)) + "，而" + Neighbours.describe(previous.get())
                    + "的现行有效件数 " + Cells.format(before) + " + 本年制发 " + Cells.format(v.get(1)) + " − 本年废止 "
                    + Cells.format(v.get(2)) + " = " + Cells.format(expected) + "，两者不符"
                    + (v.blanks() > 0 || previous.get().report().value(inForce) == null ? "（空白单元格按 0 计）" : "");
            findings.add(new Finding(CODE, severity(), List.of(inForce, issued, repealed, Neighbours.elsewhere(previous.get(), inForce)),
                    message));
        }
        return findings;
    }

    private static String path(DisclosureItem item, String field) {
        return Cells.path(Report.ACTIVE_DISCLOSURE, item.key(), field);
    }
}
