package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeNotReportedRuleTest {

    private final FeeNotReportedRule rule = new FeeNotReportedRule();

    @Test
    void feeNoticesWithASilentSectionSixAreWarned() {
        var report = ReportFixture.zeros2021().addApplications(io.gongkai.model.ApplicationRow.OTHER_OVERDUE_FEE,
                io.gongkai.model.ApplicantColumn.NATURAL_PERSON, 2).allSections().section(6, "无。").build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size());
        assertEquals(List.of("applications.otherOverdueFee.total", "sections.6"), f.get(0).paths());
    }

    @Test
    void aStatedFeeOrNoFeeNoticeIsFine() {
        var notices = ReportFixture.zeros2021().addApplications(io.gongkai.model.ApplicationRow.OTHER_OVERDUE_FEE,
                io.gongkai.model.ApplicantColumn.NATURAL_PERSON, 6).allSections();
        assertEquals(List.of(), rule.check(notices.section(6, "全年收取政府信息公开信息处理费 3940 元。").build()));
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().allSections().build()));
    }
}
