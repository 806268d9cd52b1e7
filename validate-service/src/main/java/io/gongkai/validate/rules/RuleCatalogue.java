package io.gongkai.validate.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.util.List;

/** Every rule a report is checked against. */
public final class RuleCatalogue {

    /** Changes whenever a rule is added or changes its outcome, so stored results can be re-checked. */
    public static final String VERSION = "0";

    /** The findings for one report: the extractor's own findings followed by every rule's. */
    public List<Finding> check(Report report) {
        throw new UnsupportedOperationException("not yet written");
    }
}
