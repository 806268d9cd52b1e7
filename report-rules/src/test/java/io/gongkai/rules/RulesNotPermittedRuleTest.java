package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesNotPermittedRuleTest {

    private final RulesNotPermittedRule rule = new RulesNotPermittedRule();

    @Test
    void aCountyReportingRulesIsWarned() {
        // Document 004 (河曲县): 12 规章 made, 21 in force.
        var report = ReportFixture.zeros2021().agency("河曲县人民政府办公室")
                .set("activeDisclosure.rules.issued", 12).set("activeDisclosure.rules.inForce", 21).build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size());
        assertEquals(Severity.warning, f.get(0).severity());
        assertEquals(List.of("administrativeLevel", "activeDisclosure.rules.issued", "activeDisclosure.rules.inForce"), f.get(0).paths());
        assertTrue(f.get(0).message().contains("本年制发件数 12") && f.get(0).message().contains("现行有效件数 21"), f.get(0).message());
    }

    @Test
    void aCityOrACountyWithoutRulesIsFine() {
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().level(AdministrativeLevel.CITY)
                .set("activeDisclosure.rules.issued", 1).set("activeDisclosure.rules.inForce", 11).build()));
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().build()));
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().set("activeDisclosure.rules.inForce", null).build()));
    }
}
