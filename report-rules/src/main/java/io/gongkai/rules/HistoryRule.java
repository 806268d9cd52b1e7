package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.List;

/** A rule that compares a report with others in the store; on its own a report gives it nothing to compare. */
public abstract class HistoryRule extends BaseRule {

    protected HistoryRule(String code, Severity severity, String description, List<String> reads) {
        super(code, severity, description, reads);
    }

    @Override
    public final List<Finding> check(Report report) {
        return check(report, ReportHistory.NONE);
    }

    @Override
    public abstract List<Finding> check(Report report, ReportHistory history);
}
