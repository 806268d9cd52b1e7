package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class LawsuitTotalRuleTest {

    private final LawsuitTotalRule rule = new LawsuitTotalRule();

    @Test
    void consistentGroupsHaveNoFinding() {
        assertEquals(List.of(), rule.check(ReportFixture.typical(true).build()));
        assertEquals(List.of(), rule.check(ReportFixture.typical(false).build()));
    }

    @Test
    void bothLawsuitGroupsAreCheckedInTemplateOrder() {
        var report = ReportFixture.zeros2021()
                .set("reviewsAndLawsuits.lawsuitAfterReview.upheld", 5)
                .set("reviewsAndLawsuits.lawsuitDirect.pending", 2)
                .set("reviewsAndLawsuits.lawsuitDirect.total", 1)
                .set("reviewsAndLawsuits.review.total", 9)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(2, findings.size(), findings.toString());
        findings.forEach(f -> {
            assertEquals("LAWSUIT_TOTAL", f.code());
            assertEquals(Severity.error, f.severity());
        });
        assertEquals("reviewsAndLawsuits.lawsuitDirect.total", findings.get(0).paths().get(0));
        assertTrue(findings.get(0).message().startsWith("表四 行政诉讼（未经复议直接起诉）："), findings.get(0).message());
        assertEquals("reviewsAndLawsuits.lawsuitAfterReview.total", findings.get(1).paths().get(0));
        assertEquals("表四 行政诉讼（复议后起诉）：结果维持 5 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 5，与 总计 0 不符",
                findings.get(1).message());
    }

    @Test
    void aGroupGivingOnlyItsTotalIsSkippedWhereTheTablePrintsZeros() {
        var report = ReportFixture.zeros2021()
                .blank("reviewsAndLawsuits.lawsuitDirect.upheld", "")
                .blank("reviewsAndLawsuits.lawsuitDirect.corrected", "")
                .blank("reviewsAndLawsuits.lawsuitDirect.other", "")
                .blank("reviewsAndLawsuits.lawsuitDirect.pending", "")
                .set("reviewsAndLawsuits.lawsuitDirect.total", 4)
                .set("reviewsAndLawsuits.lawsuitAfterReview.total", 1)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).paths().contains("reviewsAndLawsuits.lawsuitAfterReview.total"));
    }
}
