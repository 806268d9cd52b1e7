package io.gongkai.validate.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every rule a report is checked against. */
public final class RuleCatalogue {

    /** Changes whenever a rule is added or changes its outcome, so stored results can be re-checked. */
    public static final String VERSION = "2026.11-1";

    private final List<Rule> rules;

    public RuleCatalogue() {
        // Table order (三, 四), then the per-cell rules: the order findings come out in.
        this.rules = List.of(
                new ApplicationsBalanceRule(),
                new ApplicationsTotalRowRule(),
                new ApplicationsTotalColumnRule(),
                new ReviewTotalRule(),
                new LawsuitTotalRule(),
                new MissingValueRule(),
                new InvalidValueRule());
    }

    /** The rules in the order they run. */
    public List<Rule> rules() {
        return rules;
    }

    /** The findings for one report: the extractor's own findings followed by every rule's. */
    public List<Finding> check(Report report) {
        List<Finding> findings = new ArrayList<>(report.extractionFindings());
        for (Rule rule : rules) {
            findings.addAll(rule.check(report));
        }
        return Collections.unmodifiableList(findings);
    }
}
