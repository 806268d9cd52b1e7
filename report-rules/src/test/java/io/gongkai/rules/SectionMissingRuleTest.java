package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionMissingRuleTest {

    private final SectionMissingRule rule = new SectionMissingRule();

    @Test
    void anAbsentNarrativeSectionIsAnError() {
        var report = ReportFixture.zeros2021().section(1, "总体").section(2, "").section(3, "").section(4, "").section(6, "无").build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size());
        assertEquals(Severity.error, f.get(0).severity());
        assertEquals(List.of("sections.5"), f.get(0).paths());
    }

    @Test
    void aTableReadWithoutItsHeadingOrNoSectionInformationIsFine() {
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().section(1, "a").section(5, "b").section(6, "c").build()));
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().build()));
    }
}
