package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every rule a report is checked against. */
public final class RuleCatalogue {

    /** Changes whenever a rule is added or changes its outcome, so stored results can be re-checked. */
    public static final String VERSION = "2026.12-blank-terms-1";

    private final List<Rule> rules;

    public RuleCatalogue() {
        this(RuleSettings.defaults());
    }

    public RuleCatalogue(RuleSettings settings) {
        // Table order (三, 四), the per-cell rules, plausibility, the text, the layout, then the rules that compare
        // reports: the order findings come out in.
        this.rules = List.of(
                new ApplicationsBalanceRule(),
                new ApplicationsTotalRowRule(),
                new ApplicationsTotalColumnRule(),
                new ReviewTotalRule(),
                new LawsuitTotalRule(),
                new MissingValueRule(),
                new InvalidValueRule(),
                new RulesNotPermittedRule(),
                new NarrativeMismatchRule(),
                new NarrativeSumRule(),
                new FeeNotReportedRule(),
                new SectionMissingRule(),
                new OutdatedTemplateRule(),
                new TemplateDeviationRule(),
                new LatePublicationRule(),
                new CarryoverMismatchRule(settings.agencies()),
                new InForceDriftRule(settings.agencies()),
                new RenditionMismatchRule(settings.agencies()),
                new CorrectedVersionRule(settings.agencies()),
                new SupersededVersionRule(settings.agencies()),
                new OutlierRule(settings),
                new CopiedTextRule(settings));
    }

    /** The rules in the order they run. */
    public List<Rule> rules() {
        return rules;
    }

    /** The findings for one report on its own: the extractor's own findings followed by every rule's. */
    public List<Finding> check(Report report) {
        return check(report, ReportHistory.NONE);
    }

    /** The findings for one report given what the store knows (other years, other reports, peers). */
    public List<Finding> check(Report report, ReportHistory history) {
        List<Finding> findings = new ArrayList<>(report.extractionFindings());
        for (Rule rule : rules) {
            findings.addAll(rule.check(report, history));
        }
        return Collections.unmodifiableList(findings);
    }
}
