package io.gongkai.validate.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An earlier version of a report that a later-printed version of the same agency and year corrects: its values are
 * superseded (the cross-year rules compare with the later one), and this finding names the version and the changes.
 */
public final class SupersededVersionRule extends HistoryRule {

    public static final String CODE = "SUPERSEDED_VERSION";
    private final AgencyNames names;

    public SupersededVersionRule(AgencyNames names) {
        super(CODE, Severity.info, "本文档已被同一报告印发日期更晚的更正版本取代；列出被改动的数值",
                List.of("agency", "year", "region", "publishedOn", "activeDisclosure.*", "applications.*", "reviewsAndLawsuits.*"));
        this.names = names;
    }

    @Override
    public List<Finding> check(Report report, ReportHistory history) {
        List<Finding> findings = new ArrayList<>();
        for (StoredReport later : Renditions.of(report, history, names)) {
            List<Renditions.Difference> changes = Renditions.differences(report, later.report());
            if (changes.isEmpty() || Renditions.printedOrder(report, later.report()) >= 0) {
                continue;
            }
            findings.add(new Finding(CODE, severity(), Renditions.paths(changes, later.documentId()),
                    "本文档（" + report.publishedOn() + " 印发）已被文档 " + later.documentId() + "（" + later.report().publishedOn()
                            + " 印发）更正并取代：" + Renditions.describe(changes, later.documentId())));
        }
        return findings;
    }
}
