package io.gongkai.rules;

import io.gongkai.model.ReviewGroup;
import java.util.List;

/** R4 for both 行政诉讼 groups (未经复议直接起诉, 复议后起诉): 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
public final class LawsuitTotalRule extends ReviewGroupTotalRule {

    public static final String CODE = "LAWSUIT_TOTAL";

    public LawsuitTotalRule() {
        super(CODE, "表四 行政诉讼（直接起诉、复议后起诉）：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计", List.of(ReviewGroup.LAWSUIT_DIRECT, ReviewGroup.LAWSUIT_AFTER_REVIEW));
    }
}
