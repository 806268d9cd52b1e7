package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationsTotalColumnRuleTest {

    private final ApplicationsTotalColumnRule rule = new ApplicationsTotalColumnRule();

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aConsistentTableHasNoFinding(boolean layout2021) {
        assertEquals(List.of(), rule.check(ReportFixture.typical(layout2021).build()));
    }

    @Test
    void aRowWhoseTotalIsNotTheSumOfTheSixColumnsIsReported() {
        var report = ReportFixture.zeros2021()
                .set("applications.granted.naturalPerson", 3)
                .set("applications.granted.commercialEnterprise", 1)
                .set("applications.granted.total", 5)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("APPLICATIONS_TOTAL_COLUMN", f.code());
        assertEquals(Severity.error, f.severity());
        assertEquals(List.of("applications.granted.total", "applications.granted.naturalPerson",
                "applications.granted.commercialEnterprise", "applications.granted.researchInstitution",
                "applications.granted.publicInterestOrg", "applications.granted.legalServiceOrg",
                "applications.granted.otherOrg"), f.paths());
        assertEquals("表三 （一）予以公开 行：总计 5，而 自然人 3 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 4，两者不符",
                f.message());
    }

    @Test
    void rowsAreReportedInTemplateOrder() {
        var report = ReportFixture.zeros2021()
                .set("applications.carriedForward.total", 1)
                .set("applications.newReceived.otherOrg", 1)
                .set("applications.otherOther.total", 1)
                .build();
        assertEquals(List.of("applications.newReceived.total", "applications.otherOther.total", "applications.carriedForward.total"),
                rule.check(report).stream().map(f -> f.paths().get(0)).toList());
    }

    @Test
    void the2019OtherHandlingRowIsChecked() {
        var report = ReportFixture.zeros2019().set("applications.otherHandling.total", 2).build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().startsWith("表三 （六）其他处理 行："), findings.get(0).message());
    }

    @Test
    void aBlankTermCountsAsZeroInATableThatLeavesZerosBlank() {
        var report = ReportFixture.zeros2021()
                .set("applications.granted.naturalPerson", 3)
                .set("applications.granted.total", 5)
                .zerosBlank()
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("表三 （一）予以公开 行：总计 5，而 自然人 3 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 3，"
                + "两者不符（空白单元格按 0 计）", findings.get(0).message());
    }

    @Test
    void aBlankTermCountsAsZeroNextToPrintedZerosToo() {
        var report = ReportFixture.zeros2021()
                .set("applications.granted.naturalPerson", 3)
                .blank("applications.granted.otherOrg", "/")
                .set("applications.granted.total", 7)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().endsWith("（空白单元格按 0 计）"), findings.get(0).message());
    }

    @Test
    void aRowThatGivesOnlyItsTotalIsNotAnArithmeticError() {
        // Sample 003: 予以公开 prints its 总计 and leaves its six applicant cells blank, where other rows print 0.
        var fixture = ReportFixture.zeros2021().set("applications.granted.total", 1);
        ApplicantColumn.APPLICANTS.forEach(c -> fixture.blank("applications.granted." + c.key(), ""));
        assertEquals(List.of(), rule.check(fixture.build()));
        // In a table that prints no zero at all, the same row is a total over zeros: wrong.
        assertEquals(1, rule.check(fixture.zerosBlank().build()).size());
    }

    @Test
    void aTotalLeftBlankOverNonZeroPartsIsAnOmissionNotAZero() {
        var report = ReportFixture.zeros2021()
                .set("applications.granted.naturalPerson", 2)
                .blank("applications.granted.total", "")
                .build();
        assertEquals(List.of(), rule.check(report));
    }

    @Test
    void aCellThatIsNotANumberOrThatTheExtractorDoubtsSkipsItsRowOnly() {
        var report = ReportFixture.zeros2021()
                .blank("applications.granted.naturalPerson", "，")
                .set("applications.granted.total", 7)
                .blank("applications.partiallyGranted.naturalPerson", "")
                .set("applications.partiallyGranted.total", 4)
                .extractionFinding(new Finding("OCR_UNCONFIRMED", Severity.warning,
                        List.of("applications.partiallyGranted.naturalPerson"), "OCR"))
                .set("applications.newReceived.otherOrg", 1)
                .build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size());
        assertEquals("applications.newReceived.total", findings.get(0).paths().get(0));
    }
}
