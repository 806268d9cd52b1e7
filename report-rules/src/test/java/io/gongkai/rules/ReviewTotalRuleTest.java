package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTotalRuleTest {

    private final ReviewTotalRule rule = new ReviewTotalRule();

    @Test
    void aConsistentGroupHasNoFinding() {
        assertEquals(List.of(), rule.check(ReportFixture.typical(true).build()));
        assertEquals(List.of(), rule.check(ReportFixture.typical(false).build()));
    }

    @Test
    void aWrongTotalIsReported() {
        // Document 007 (洪泽区 2023): 10 + 1 + 0 + 0 = 11, but 总计 0.
        var report = ReportFixture.zeros2021()
                .set("reviewsAndLawsuits.review.upheld", 10)
                .set("reviewsAndLawsuits.review.corrected", 1)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("REVIEW_TOTAL", f.code());
        assertEquals(Severity.error, f.severity());
        assertEquals(List.of("reviewsAndLawsuits.review.total", "reviewsAndLawsuits.review.upheld",
                "reviewsAndLawsuits.review.corrected", "reviewsAndLawsuits.review.other",
                "reviewsAndLawsuits.review.pending"), f.paths());
        assertEquals("表四 行政复议：结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，与 总计 0 不符", f.message());
    }

    @Test
    void lawsuitGroupsAreNotThisRulesBusiness() {
        var report = ReportFixture.zeros2021().set("reviewsAndLawsuits.lawsuitDirect.total", 3).build();
        assertEquals(List.of(), rule.check(report));
    }

    @Test
    void blankResultsCountAsZero() {
        // The official layout with zeros left blank: only the non-zero results and the (wrong) 总计 are printed.
        var report = ReportFixture.zeros2021()
                .set("reviewsAndLawsuits.review.upheld", 2)
                .set("reviewsAndLawsuits.review.total", 3)
                .zerosBlank()
                .build();
        var findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("表四 行政复议：结果维持 2 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 2，与 总计 3 不符（空白单元格按 0 计）",
                findings.get(0).message());
    }

    @Test
    void aTotalLeftBlankOverNonZeroResultsIsSkipped() {
        var report = ReportFixture.zeros2021()
                .set("reviewsAndLawsuits.review.upheld", 10)
                .set("reviewsAndLawsuits.review.total", null)
                .build();
        assertEquals(List.of(), rule.check(report));
        report = ReportFixture.zeros2021().removeRow("reviewsAndLawsuits", "review").build();
        assertEquals(List.of(), rule.check(report));
    }
}
