package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule comparing a report with the other renditions of it ({@link Renditions}): one finding per other document whose
 * values differ and whose print date stands to this one's as the rule asks, naming every differing cell.
 */
abstract class RenditionRule extends HistoryRule {

    private static final List<String> READS = List.of("agency", "year", "region", "publishedOn", "activeDisclosure.*",
            "applications.*", "reviewsAndLawsuits.*");
    private final AgencyNames names;

    RenditionRule(String code, Severity severity, String description, AgencyNames names) {
        super(code, severity, description, READS);
        this.names = names;
    }

    /** Whether the rule speaks for this order of print dates ({@link Renditions#printedOrder}: -1 this one earlier). */
    abstract boolean applies(int printedOrder);

    /** The finding's message, given the other document and the differences as {@link Renditions#describe} puts them. */
    abstract String message(Report report, StoredReport other, String differences);

    @Override
    public final List<Finding> check(Report report, ReportHistory history) {
        List<Finding> findings = new ArrayList<>();
        for (StoredReport other : Renditions.of(report, history, names)) {
            List<Renditions.Difference> differences = Renditions.differences(report, other.report());
            if (!differences.isEmpty() && applies(Renditions.printedOrder(report, other.report()))) {
                findings.add(new Finding(code(), severity(), Renditions.paths(differences, other.documentId()),
                        message(report, other, Renditions.describe(differences, other.documentId()))));
            }
        }
        return findings;
    }
}
