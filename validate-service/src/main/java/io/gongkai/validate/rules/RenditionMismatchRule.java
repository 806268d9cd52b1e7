package io.gongkai.validate.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Two renditions of one report (the same agency and year, e.g. the HTML page and its PDF attachment) read different
 * values and neither is printed later than the other: one finding per other document, naming every cell and both
 * values. Marked on both documents, whichever arrives second.
 */
public final class RenditionMismatchRule extends HistoryRule {

    public static final String CODE = "RENDITION_MISMATCH";
    private final AgencyNames names;

    public RenditionMismatchRule(AgencyNames names) {
        super(CODE, Severity.warning, "同一报告的不同版本（如网页与所附 PDF）中同一单元格数值不同，且无法从印发日期判断哪一版更新",
                List.of("agency", "year", "region", "publishedOn", "activeDisclosure.*", "applications.*", "reviewsAndLawsuits.*"));
        this.names = names;
    }

    @Override
    public List<Finding> check(Report report, ReportHistory history) {
        List<Finding> findings = new ArrayList<>();
        for (StoredReport other : Renditions.of(report, history, names)) {
            List<Renditions.Difference> differences = Renditions.differences(report, other.report());
            if (differences.isEmpty() || Renditions.printedOrder(report, other.report()) != 0) {
                continue;
            }
            findings.add(new Finding(CODE, severity(), Renditions.paths(differences, other.documentId()),
                    "同一报告的另一版本（文档 " + other.documentId() + "）数值不同：" + Renditions.describe(differences, other.documentId())));
        }
        return findings;
    }
}
