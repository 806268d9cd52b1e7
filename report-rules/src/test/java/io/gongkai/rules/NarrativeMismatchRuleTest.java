package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrativeMismatchRuleTest {

    private final NarrativeMismatchRule rule = new NarrativeMismatchRule();

    @Test
    void aReceivedFigureThatDiffersFromTheTableIsWarned() {
        var report = ReportFixture.typical(true).section(1, "今年以来，我县共收到政府信息依申请公开16件，其中网络申请7件、信函申请9件。").build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).paths().contains("applications.newReceived.total"));
        assertTrue(f.get(0).paths().contains("sections.1"));
        assertTrue(f.get(0).message().contains("16") && f.get(0).message().contains("31"), f.get(0).message());
        assertTrue(f.get(0).message().contains("共收到政府信息依申请公开16件"), "quotes the sentence");
    }

    @Test
    void figuresThatAgreeOrAreNotClearlyTheSameThingAreLeftAlone() {
        // typical: 新收 31, 上年结转 2, 总计 31, 结转 2, 复议 4, 诉讼 3.
        var report = ReportFixture.typical(true).section(1,
                "2023年，共受理政府信息公开申请 33 件，按时办结 31 件，结转到下一年 2件。"
                        + "办理因政府信息公开引起的行政复议 4 件，其中结果维持 2 件，结果纠正 1 件，尚未审结 1 件；行政诉讼 3 件。"
                        + "全年主动公开政府信息 1785 条，制发的各类文件 84 件，解读政策性文件 33 件，网络申请 9 件。").build();
        assertEquals(List.of(), rule.check(report));
    }

    @Test
    void reviewOutcomesAreComparedWithTheirGroup() {
        var report = ReportFixture.typical(true).section(1, "政府信息公开行政复议 4 件，其中结果维持 3 件，结果纠正 1 件。").build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size(), f.toString());
        assertEquals(List.of("reviewsAndLawsuits.review.upheld", "sections.1"), f.get(0).paths());
    }

    @Test
    void aBlankCellOrNoTextSaysNothing() {
        assertEquals(List.of(), rule.check(ReportFixture.typical(true).build()));
        assertEquals(List.of(), rule.check(ReportFixture.typical(true).set("applications.newReceived.total", null)
                .section(1, "共受理政府信息公开申请 99 件。").build()));
    }
}
