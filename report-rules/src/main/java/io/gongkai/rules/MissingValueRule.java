package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R5, blanks: a cell of the detected layout whose value is null because the document left it blank or wrote a
 * blank marker ("/", "—", "无" …). A null whose printed text is something else is {@link InvalidValueRule}'s.
 */
public final class MissingValueRule extends BaseRule {

    public static final String CODE = "MISSING_VALUE";

    public MissingValueRule() {
        super(CODE, Severity.warning, "表格中应填的单元格为空或仅有“/”“—”“无”等占位符",
                List.of("activeDisclosure.*.*", "applications.*.*", "reviewsAndLawsuits.*.*", "provenance[*].rawText"));
    }

    @Override
    public List<Finding> check(Report report) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> cell : Cells.ordered(report)) {
            String path = cell.getKey();
            if (cell.getValue() != null || Cells.declaredUnreadable(report, path)) {
                continue;
            }
            String raw = Cells.rawText(report, path);
            if (!Cells.isBlankText(raw)) {
                continue;
            }
            String shown = raw == null || raw.isBlank() ? "空白" : "“" + raw.strip() + "”";
            findings.add(Finding.of(CODE, severity(), Cells.describe(path) + " 未填写数值（原文为" + shown + "），数值按缺失处理（不记为 0；仅在核对合计与勾稽关系时按 0 计）", path));
        }
        return findings;
    }
}
