package io.gongkai.validate.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A later version of a report (same agency and year, printed on a later date) that changes values: it supersedes the
 * earlier one, and this finding on it says what changed. The earlier one gets {@link SupersededVersionRule}'s.
 */
public final class CorrectedVersionRule extends HistoryRule {

    public static final String CODE = "CORRECTED_VERSION";
    private final AgencyNames names;

    public CorrectedVersionRule(AgencyNames names) {
        super(CODE, Severity.info, "本文档是同一报告的更正版本（印发日期更晚），取代较早的版本；列出改动的数值",
                List.of("agency", "year", "region", "publishedOn", "activeDisclosure.*", "applications.*", "reviewsAndLawsuits.*"));
        this.names = names;
    }

    @Override
    public List<Finding> check(Report report, ReportHistory history) {
        List<Finding> findings = new ArrayList<>();
        for (StoredReport earlier : Renditions.of(report, history, names)) {
            List<Renditions.Difference> changes = Renditions.differences(report, earlier.report());
            if (changes.isEmpty() || Renditions.printedOrder(report, earlier.report()) <= 0) {
                continue;
            }
            findings.add(new Finding(CODE, severity(), Renditions.paths(changes, earlier.documentId()),
                    "本文档（" + report.publishedOn() + " 印发）更正并取代文档 " + earlier.documentId() + "（"
                            + earlier.report().publishedOn() + " 印发）：" + Renditions.describe(changes, earlier.documentId())));
        }
        return findings;
    }
}
