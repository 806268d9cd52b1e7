package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.List;

/**
 * One check of the catalogue. A rule is stateless and never throws on an incomplete report: where a cell it
 * needs is blank or absent it says nothing, because {@code MISSING_VALUE} already reports the blank.
 */
public interface Rule {

    /** The finding code (docs/report-model.md), e.g. {@code APPLICATIONS_BALANCE}. */
    String code();

    /** The severity of every finding this rule reports. */
    Severity severity();

    /** The model paths or path patterns the rule reads, e.g. {@code applications.*.total}. */
    List<String> reads();

    /** What the rule checks, one line in Chinese. */
    String description();

    /** The rule's findings for one report, in a deterministic order; empty when all is well. */
    List<Finding> check(Report report);

    /**
     * The rule's findings for one report given what the store knows; rules that compare reports override this,
     * the others read the report alone.
     */
    default List<Finding> check(Report report, ReportHistory history) {
        return check(report);
    }
}
