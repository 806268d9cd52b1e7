package io.gongkai.rules;

import io.gongkai.model.ReviewGroup;
import java.util.List;

/** R4 for 行政复议: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
public final class ReviewTotalRule extends ReviewGroupTotalRule {

    public static final String CODE = "REVIEW_TOTAL";

    public ReviewTotalRule() {
        super(CODE, "表四 行政复议：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计", List.of(ReviewGroup.REVIEW));
    }
}
