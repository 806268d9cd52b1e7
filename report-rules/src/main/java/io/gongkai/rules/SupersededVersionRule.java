package io.gongkai.rules;

import io.gongkai.model.Report;
import io.gongkai.model.Severity;

/**
 * An earlier version of a report that a later-printed version of the same agency and year corrects: its values are
 * superseded (the cross-year rules compare with the later one), and this finding names the version and the changes.
 */
public final class SupersededVersionRule extends RenditionRule {

    public static final String CODE = "SUPERSEDED_VERSION";

    public SupersededVersionRule(AgencyNames names) {
        super(CODE, Severity.info, "本文档已被同一报告印发日期更晚的更正版本取代；列出被改动的数值", names);
    }

    @Override
    boolean applies(int printedOrder) {
        return printedOrder < 0;
    }

    @Override
    String message(Report report, StoredReport later, String differences) {
        return "本文档（" + report.publishedOn() + " 印发）已被文档 " + later.documentId() + "（" + later.report().publishedOn()
                + " 印发）更正并取代：" + differences;
    }
}
