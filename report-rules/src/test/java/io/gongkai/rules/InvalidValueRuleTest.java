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

class InvalidValueRuleTest {

    private final InvalidValueRule rule = new InvalidValueRule();

    private List<Finding> check(ReportFixture fixture) {
        return rule.check(fixture.build());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aTypicalReportHasNoFinding(boolean layout2021) {
        // typical() has a decimal 2021 fee amount, a negative 2019 本年增/减 and a decimal 2019 procurement amount.
        assertEquals(List.of(), check(ReportFixture.typical(layout2021)));
    }

    @Test
    void aNegativeCountIsInvalid() {
        List<Finding> findings = check(ReportFixture.zeros2021().set("applications.granted.naturalPerson", -1));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("INVALID_VALUE", f.code());
        assertEquals(Severity.error, f.severity());
        assertEquals(List.of("applications.granted.naturalPerson"), f.paths());
        assertEquals("表三 （一）予以公开 行 自然人 列 为 -1，数量不能为负数", f.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"activeDisclosure.rules.inForce", "applications.totalHandled.total", "reviewsAndLawsuits.review.pending"})
    void aFractionalCountIsInvalidInEveryTable(String path) {
        List<Finding> findings = check(ReportFixture.zeros2021().set(path, new BigDecimal("2.5")));
        assertEquals(1, findings.size());
        assertEquals(List.of(path), findings.get(0).paths());
        assertTrue(findings.get(0).message().endsWith("为 2.5，数量应为整数"), findings.get(0).message());
    }

    @Test
    void aCountBeyondAnyAgencysYearIsInvalidButABigAmountIsNot() {
        List<Finding> findings = check(ReportFixture.zeros2021().set("activeDisclosure.licensing.decisions",
                new BigDecimal("99999999999999999999")));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("大得不可能"), findings.get(0).message());
        assertEquals(List.of(), check(ReportFixture.zeros2021().set("activeDisclosure.licensing.decisions", 999_999_999)));
        assertEquals(List.of(), check(ReportFixture.zeros2019().set("activeDisclosure.centralizedProcurement.amount", 5_000_000_000L)));
    }

    @Test
    void aWholeNumberWrittenWithDecimalsIsFine() {
        assertEquals(List.of(), check(ReportFixture.zeros2021().set("applications.granted.total", new BigDecimal("3.00"))
                .set("applications.granted.naturalPerson", new BigDecimal("3E+1"))));
    }

    @Test
    void amountsMayHaveDecimalsButNotBeNegative() {
        assertEquals(List.of(), check(ReportFixture.zeros2021().set("activeDisclosure.fees.amountTenThousandYuan", new BigDecimal("0.35"))));
        List<Finding> findings = check(ReportFixture.zeros2021().set("activeDisclosure.fees.amountTenThousandYuan", new BigDecimal("-0.35")));
        assertEquals(1, findings.size());
        assertEquals("表二 行政事业性收费 本年收费金额（单位：万元） 为 -0.35，金额不能为负数", findings.get(0).message());
        findings = check(ReportFixture.zeros2019().set("activeDisclosure.centralizedProcurement.amount", -10));
        assertEquals(List.of("activeDisclosure.centralizedProcurement.amount"), findings.get(0).paths());
    }

    @Test
    void the2019ChangeMayBeNegativeButNotFractional() {
        assertEquals(List.of(), check(ReportFixture.zeros2019().set("activeDisclosure.punishment.change", -12)));
        List<Finding> findings = check(ReportFixture.zeros2019().set("activeDisclosure.punishment.change", new BigDecimal("-1.5")));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("数量应为整数"), findings.get(0).message());
        // Its neighbours are ordinary counts.
        assertEquals(1, check(ReportFixture.zeros2019().set("activeDisclosure.punishment.previousYearItems", -12)).size());
    }

    @Test
    void textThatIsNotANumberIsInvalid() {
        List<Finding> findings = check(ReportFixture.zeros2021().blank("applications.granted.total", " 约20 "));
        assertEquals(1, findings.size());
        assertEquals(List.of("applications.granted.total"), findings.get(0).paths());
        assertEquals("表三 （一）予以公开 行 总计 列 填写为“约20”，不是数字", findings.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "—", "无", "——"})
    void blanksAreMissingNotInvalid(String rawText) {
        assertEquals(List.of(), check(ReportFixture.zeros2021().blank("applications.granted.total", rawText)));
        assertEquals(List.of(), check(ReportFixture.zeros2021().set("applications.granted.total", null)));
    }

    @Test
    void aNegativeFractionIsOneFinding() {
        List<Finding> findings = check(ReportFixture.zeros2021().set("reviewsAndLawsuits.review.total", new BigDecimal("-0.5")));
        assertEquals(1, findings.size());
        assertEquals("表四 行政复议 总计 为 -0.5，数量不能为负数，也不能为小数", findings.get(0).message());
    }
}
