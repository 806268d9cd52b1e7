package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateDeviationRuleTest {

    private final TemplateDeviationRule rule = new TemplateDeviationRule();

    @Test
    void aMissingRowIsInfoUnlessTheExtractorNamedIt() {
        var report = ReportFixture.zeros2021().removeRow("reviewsAndLawsuits", "lawsuitAfterReview").build();
        List<Finding> f = rule.check(report);
        assertEquals(1, f.size());
        assertEquals(Severity.info, f.get(0).severity());
        assertEquals(List.of("reviewsAndLawsuits.lawsuitAfterReview.total"), f.get(0).paths());
        var named = ReportFixture.zeros2021().removeRow("reviewsAndLawsuits", "lawsuitAfterReview")
                .extractionFinding(Finding.of("TEMPLATE_DEVIATION", Severity.info, "表头不同", "reviewsAndLawsuits.lawsuitAfterReview")).build();
        assertEquals(List.of(), rule.check(named));
        assertEquals(List.of(), rule.check(ReportFixture.typical(true).build()));
    }
}
