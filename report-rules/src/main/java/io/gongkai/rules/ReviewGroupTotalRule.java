package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * R4, shared by {@link ReviewTotalRule} and {@link LawsuitTotalRule}: per group of 表四,
 * 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计.
 */
abstract sealed class ReviewGroupTotalRule extends BaseRule permits ReviewTotalRule, LawsuitTotalRule {

    private static final List<ReviewGroup.Column> PARTS = List.of(ReviewGroup.Column.UPHELD, ReviewGroup.Column.CORRECTED,
            ReviewGroup.Column.OTHER, ReviewGroup.Column.PENDING);

    private final List<ReviewGroup> groups;

    ReviewGroupTotalRule(String code, String description, List<ReviewGroup> groups) {
        super(code, Severity.error, description,
                groups.stream().map(g -> Report.REVIEWS_AND_LAWSUITS + "." + g.key() + ".*").toList());
        this.groups = groups;
    }

    @Override
    public List<Finding> check(Report report) {
        List<Finding> findings = new ArrayList<>();
        for (ReviewGroup group : groups) {
            List<String> paths = new ArrayList<>();
            paths.add(Cells.review(group, ReviewGroup.Column.TOTAL));
            PARTS.forEach(c -> paths.add(Cells.review(group, c)));
            Cells.totalMismatch(report, paths).ifPresent(m -> findings.add(new Finding(code(), severity(), paths,
                    "表四 " + group.label() + "：" + Cells.terms(PARTS.stream().map(ReviewGroup.Column::label).toList(), m.parts())
                            + " = " + Cells.format(m.sum()) + "，与 " + ReviewGroup.Column.TOTAL.label() + " "
                            + Cells.format(m.total()) + " 不符" + m.note())));
        }
        return findings;
    }
}
