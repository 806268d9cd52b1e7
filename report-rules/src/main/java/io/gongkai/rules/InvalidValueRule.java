package io.gongkai.rules;

import io.gongkai.model.CellPath;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R5, impossible values: a count that is negative, fractional or beyond any agency's year ({@link #MAX_COUNT}), an
 * amount that is negative, or a number cell
 * whose printed text is not a number (value null, text neither blank nor a blank marker). The 2019 field
 * {@code change} (本年增/减) may be negative but is still a count of items, so it must be whole.
 */
public final class InvalidValueRule extends BaseRule {

    public static final String CODE = "INVALID_VALUE";

    /** No agency handles a billion of anything in a year: a larger count is a misread or a typing slip (e.g. 1e30). */
    static final BigDecimal MAX_COUNT = BigDecimal.valueOf(1_000_000_000L);

    public InvalidValueRule() {
        super(CODE, Severity.error, "数量为负数、小数、大得不可能或非数字文字，金额为负数",
                List.of("activeDisclosure.*.*", "applications.*.*", "reviewsAndLawsuits.*.*", "provenance[*].rawText"));
    }

    @Override
    public List<Finding> check(Report report) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> cell : Cells.ordered(report)) {
            String path = cell.getKey();
            String problem = cell.getValue() == null ? unreadable(report, path) : impossible(path, cell.getValue());
            if (problem != null) {
                findings.add(Finding.of(CODE, severity(), Cells.describe(path) + " " + problem, path));
            }
        }
        return findings;
    }

    private static String unreadable(Report report, String path) {
        String raw = Cells.rawText(report, path);
        if (Cells.isBlankText(raw) || Cells.declaredUnreadable(report, path)) {
            return null;
        }
        return "填写为“" + raw.strip() + "”，不是数字";
    }

    private static String impossible(String path, BigDecimal value) {
        CellPath cell = CellPath.parse(path);
        boolean disclosure = cell.table().equals(Report.ACTIVE_DISCLOSURE);
        boolean amount = disclosure && DisclosureItem.isAmount(cell.field());
        boolean signed = disclosure && DisclosureItem.isSigned(cell.field());
        String shown = Cells.format(value);
        if (amount) {
            return value.signum() < 0 ? "为 " + shown + "，金额不能为负数" : null;
        }
        boolean fractional = value.stripTrailingZeros().scale() > 0;
        if (value.signum() < 0 && !signed) {
            return "为 " + shown + "，数量不能为负数" + (fractional ? "，也不能为小数" : "");
        }
        if (fractional) {
            return "为 " + shown + "，数量应为整数";
        }
        return value.abs().compareTo(MAX_COUNT) >= 0 ? "为 " + shown + "，数量大得不可能（超过十亿）" : null;
    }
}
