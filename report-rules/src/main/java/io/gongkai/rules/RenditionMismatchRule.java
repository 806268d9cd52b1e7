package io.gongkai.rules;

import io.gongkai.model.Report;
import io.gongkai.model.Severity;

/**
 * Two renditions of one report (the same agency and year, e.g. the HTML page and its PDF attachment) read different
 * values and neither is printed later than the other: one finding per other document, naming every cell and both
 * values. Marked on both documents, whichever arrives second.
 */
public final class RenditionMismatchRule extends RenditionRule {

    public static final String CODE = "RENDITION_MISMATCH";

    public RenditionMismatchRule(AgencyNames names) {
        super(CODE, Severity.warning, "同一报告的不同版本（如网页与所附 PDF）中同一单元格数值不同，且无法从印发日期判断哪一版更新", names);
    }

    @Override
    boolean applies(int printedOrder) {
        return printedOrder == 0;
    }

    @Override
    String message(Report report, StoredReport other, String differences) {
        return "同一报告的另一版本（文档 " + other.documentId() + "）数值不同：" + differences;
    }
}
