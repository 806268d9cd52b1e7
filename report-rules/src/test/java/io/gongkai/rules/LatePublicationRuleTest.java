package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatePublicationRuleTest {

    private final LatePublicationRule rule = new LatePublicationRule();

    @Test
    void aDepartmentAfter31JanuaryIsLate() {
        var report = ReportFixture.zeros2021().agency("测试县交通运输局").year(2023).publishedOn("2024-02-05").build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size());
        assertEquals(List.of("publishedOn", "year"), f.get(0).paths());
        assertTrue(f.get(0).message().contains("2024-01-31"));
    }

    @Test
    void aGovernmentHasUntil31MarchAndNoDateSaysNothing() {
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().agency("测试县人民政府办公室").publishedOn("2024-03-31").build()));
        assertEquals(1, rule.check(ReportFixture.zeros2021().agency("测试县人民政府").publishedOn("2024-04-01").build()).size());
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().agency("测试县交通运输局").publishedOn("2024-01-19").build()));
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().build()));
    }
}
