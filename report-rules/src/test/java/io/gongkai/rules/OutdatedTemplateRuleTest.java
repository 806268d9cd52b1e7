package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutdatedTemplateRuleTest {

    private final OutdatedTemplateRule rule = new OutdatedTemplateRule();

    @Test
    void aMixedLayoutAfter2021IsWarned() {
        // Documents 007/008: 2021 表二 with the single 2019 （六）其他处理 row.
        var report = ReportFixture.zeros2021().removeRow("applications", "otherOverdueCorrection")
                .removeRow("applications", "otherOverdueFee").removeRow("applications", "otherOther")
                .set("applications.otherHandling.total", 0).templateVersion(TemplateVersion.MIXED).year(2024).build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size());
        assertTrue(f.get(0).paths().contains("applications.otherHandling.total"));
        assertTrue(f.get(0).message().contains("（六）其他处理"));
    }

    @Test
    void theRightLayoutForTheYearIsFine() {
        assertEquals(List.of(), rule.check(ReportFixture.typical(true).build()));
        assertEquals(List.of(), rule.check(ReportFixture.typical(false).year(2020).build()));
        assertEquals(1, rule.check(ReportFixture.typical(false).year(2021).build()).size());
    }
}
