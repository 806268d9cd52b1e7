package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrativeSumRuleTest {

    private final NarrativeSumRule rule = new NarrativeSumRule();

    @Test
    void partsAboveTheWholeAreWarned() {
        // Document 003: 60+265+249+159+51+696 = 1480, not 1460.
        var report = ReportFixture.zeros2021().section(1, "截至目前重点领域信息公开共发布1460条，其中财政预算决算信息60条，政府采购信息265条，"
                + "行政执法信息249条，价格收费信息159条，疫情防控信息51条，其他信息公开696条。").build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size());
        assertEquals(List.of("sections.1"), f.get(0).paths());
        assertTrue(f.get(0).message().contains("1480") && f.get(0).message().contains("1460"), f.get(0).message());
    }

    @Test
    void aCompleteListThatAddsUpOrAPartialListIsFine() {
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().section(1,
                "共收到政府信息依申请公开16件，其中网络申请7件、信函申请9件，其中因政府信息公开引起的行政复议2件。").build()));
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().section(1, "共发布信息100条，其中政策文件20条，通知公告30条。").build()));
        assertEquals(1, rule.check(ReportFixture.zeros2021().section(5, "共发布信息100条，其中政策文件20条，其他信息30条。").build()).size());
    }
}
