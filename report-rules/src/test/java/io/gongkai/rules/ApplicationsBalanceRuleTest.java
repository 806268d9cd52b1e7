package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationsBalanceRuleTest {

    private final ApplicationsBalanceRule rule = new ApplicationsBalanceRule();

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aConsistentTableHasNoFinding(boolean layout2021) {
        assertEquals(List.of(), rule.check(ReportFixture.typical(layout2021).build()));
        assertEquals(List.of(), rule.check(ReportFixture.zeros2021().build()));
    }

    @Test
    void aColumnThatDoesNotBalanceIsReportedWithItsFourCellsAndNumbers() {
        // Sample 004's natural-person column: 新收 28 + 结转 0 against 总计 29 + 结转下年度 0.
        var report = ReportFixture.zeros2021()
                .set("applications.newReceived.naturalPerson", 28)
                .set("applications.totalHandled.naturalPerson", 29)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("APPLICATIONS_BALANCE", f.code());
        assertEquals(Severity.error, f.severity());
        assertEquals(List.of("applications.newReceived.naturalPerson", "applications.carriedOver.naturalPerson",
                "applications.totalHandled.naturalPerson", "applications.carriedForward.naturalPerson"), f.paths());
        assertTrue(f.message().startsWith("表三 自然人 列："), f.message());
        assertTrue(f.message().contains("一、本年新收政府信息公开申请数量 28 + 二、上年结转政府信息公开申请数量 0 = 28"), f.message());
        assertTrue(f.message().contains("（七）总计 29 + 四、结转下年度继续办理 0 = 29 不符"), f.message());
    }

    @Test
    void everyColumnIsCheckedIncludingTotalInTemplateOrder() {
        var report = ReportFixture.zeros2021()
                .set("applications.carriedForward.total", 1)
                .set("applications.carriedOver.otherOrg", 2)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(List.of("applications.newReceived.otherOrg", "applications.newReceived.total"),
                findings.stream().map(f -> f.paths().get(0)).toList());
    }

    @Test
    void decimalsOfEqualValueAreEqual() {
        var report = ReportFixture.zeros2021()
                .set("applications.newReceived.naturalPerson", new BigDecimal("3.0"))
                .set("applications.totalHandled.naturalPerson", 3)
                .build();
        assertEquals(List.of(), rule.check(report));
    }

    @Test
    void aCellThatCannotCountSkipsItsColumnOnly() {
        var report = ReportFixture.zeros2021()
                .set("applications.newReceived.naturalPerson", 28)
                .blank("applications.totalHandled.naturalPerson", "2S")
                .set("applications.newReceived.otherOrg", 1)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size());
        assertEquals("applications.newReceived.otherOrg", findings.get(0).paths().get(0));
    }

    @Test
    void aBlankCellCountsAsZero() {
        var report = ReportFixture.zeros2021()
                .set("applications.newReceived.naturalPerson", 4)
                .set("applications.totalHandled.naturalPerson", 3)
                .zerosBlank()
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        String message = findings.get(0).message();
        assertTrue(message.contains(" 4 + ") && message.contains(" 0 = 4，与 ") && message.contains(" 0 = 3 不符"), message);
        assertTrue(message.endsWith("（空白单元格按 0 计）"), message);
    }

    @Test
    void anAbsentTableIsSkipped() {
        var report = ReportFixture.zeros2021().removeRow("applications", "carriedForward")
                .set("applications.newReceived.total", 5).build();
        assertEquals(List.of(), rule.check(report));
    }

    @Test
    void the2019LayoutIsCheckedTheSameWay() {
        var report = ReportFixture.typical(false).set("applications.carriedForward.commercialEnterprise", 1).build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().startsWith("表三 商业企业 列："));
    }
}
