package io.gongkai.rules;

import io.gongkai.model.Report;
import io.gongkai.model.Severity;

/**
 * A later version of a report (same agency and year, printed on a later date) that changes values: it supersedes the
 * earlier one, and this finding on it says what changed. The earlier one gets {@link SupersededVersionRule}'s.
 */
public final class CorrectedVersionRule extends RenditionRule {

    public static final String CODE = "CORRECTED_VERSION";

    public CorrectedVersionRule(AgencyNames names) {
        super(CODE, Severity.info, "本文档是同一报告的更正版本（印发日期更晚），取代较早的版本；列出改动的数值", names);
    }

    @Override
    boolean applies(int printedOrder) {
        return printedOrder > 0;
    }

    @Override
    String message(Report report, StoredReport earlier, String differences) {
        return "本文档（" + report.publishedOn() + " 印发）更正并取代文档 " + earlier.documentId() + "（"
                + earlier.report().publishedOn() + " 印发）：" + differences;
    }
}
