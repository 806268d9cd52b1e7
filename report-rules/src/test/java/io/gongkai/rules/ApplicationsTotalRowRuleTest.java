package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationsTotalRowRuleTest {

    private final ApplicationsTotalRowRule rule = new ApplicationsTotalRowRule();

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aConsistentTableHasNoFinding(boolean layout2021) {
        assertEquals(List.of(), rule.check(ReportFixture.typical(layout2021).build()));
    }

    @Test
    void aTotalThatIsNotTheSumOfTheOutcomesIsReported() {
        var report = ReportFixture.zeros2021()
                .set("applications.granted.naturalPerson", 1)
                .set("applications.totalHandled.naturalPerson", 29)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("APPLICATIONS_TOTAL_ROW", f.code());
        assertEquals(Severity.error, f.severity());
        assertEquals("applications.totalHandled.naturalPerson", f.paths().get(0));
        assertTrue(f.paths().contains("applications.granted.naturalPerson"));
        assertTrue(f.paths().contains("applications.otherOther.naturalPerson"));
        assertFalse(f.paths().contains("applications.otherHandling.naturalPerson"));
        assertEquals(1 + 21, f.paths().size(), "总计 + the 21 outcome rows of the 2021 layout");
        assertTrue(f.message().contains("（七）总计 为 29"), f.message());
        assertTrue(f.message().contains("之和为 1"), f.message());
        assertTrue(f.message().contains("（一）予以公开 1"), f.message());
    }

    @Test
    void theThreeOtherHandlingRowsOf2021Count() {
        var report = ReportFixture.zeros2021()
                .set("applications.otherOverdueFee.total", 2)
                .set("applications.totalHandled.total", 2)
                .build();
        assertEquals(List.of(), rule.check(report));
        report = ReportFixture.zeros2021().set("applications.otherOverdueFee.total", 2).build();
        assertEquals(1, rule.check(report).size());
    }

    @Test
    void the2019LayoutSumsItsSingleOtherHandlingRow() {
        var report = ReportFixture.zeros2019()
                .set("applications.otherHandling.legalServiceOrg", 2)
                .set("applications.totalHandled.legalServiceOrg", 2)
                .build();
        assertEquals(List.of(), rule.check(report));

        report = ReportFixture.zeros2019().set("applications.totalHandled.legalServiceOrg", 2).build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).paths().contains("applications.otherHandling.legalServiceOrg"));
        assertFalse(findings.get(0).paths().contains("applications.otherOther.legalServiceOrg"));
        assertEquals(1 + 19, findings.get(0).paths().size(), "总计 + the 19 outcome rows of the 2019 layout");
        assertTrue(findings.get(0).message().contains("各项均为 0"), findings.get(0).message());
    }

    @Test
    void aRowGivingOnlyItsTotalOrATotalLeftBlankSkipsTheColumn() {
        // Sample 003: 予以公开 gives only its 总计 cell, so the natural-person column cannot add up.
        var fixture = ReportFixture.zeros2021()
                .set("applications.granted.total", 5)
                .set("applications.totalHandled.naturalPerson", 5)
                .set("applications.totalHandled.total", 5)
                .blank("applications.totalHandled.otherOrg", "")
                .set("applications.partiallyGranted.otherOrg", 3);
        for (String column : List.of("naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrg",
                "legalServiceOrg", "otherOrg")) {
            fixture.blank("applications.granted." + column, "");
        }
        assertEquals(List.of(), rule.check(fixture.build()));
    }

    @Test
    void aBlankOutcomeCountsAsZero() {
        var report = ReportFixture.zeros2021()
                .set("applications.partiallyGranted.naturalPerson", 2)
                .set("applications.totalHandled.naturalPerson", 5)
                .zerosBlank()
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("表三 自然人 列：（七）总计 为 5，而各项处理结果之和为 2（（二）部分公开 2，其余各项为 0），两者不符（空白单元格按 0 计）",
                findings.get(0).message());
    }

    @Test
    void noOutcomeRowsMeansNothingToCheck() {
        var fixture = ReportFixture.zeros2021().set("applications.totalHandled.total", 3);
        for (var row : ApplicationRow.values()) {
            if (row.role() == ApplicationRow.Role.OUTCOME) {
                fixture.removeRow("applications", row.key());
            }
        }
        assertEquals(List.of(), rule.check(fixture.build()));
    }
}
