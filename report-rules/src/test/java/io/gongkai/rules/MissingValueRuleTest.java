package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MissingValueRuleTest {

    private final MissingValueRule rule = new MissingValueRule();

    @Test
    void aFilledReportHasNoFinding() {
        assertEquals(List.of(), rule.check(ReportFixture.typical(true).build()));
        assertEquals(List.of(), rule.check(ReportFixture.typical(false).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u3000", "/", "／", "—", "-", "–", "无", "空", " / ", "——", "--"})
    void aBlankOrBlankMarkerIsMissing(String rawText) {
        var report = ReportFixture.zeros2021().blank("activeDisclosure.normativeDocuments.issued", rawText).build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("MISSING_VALUE", f.code());
        assertEquals(Severity.warning, f.severity());
        assertEquals(List.of("activeDisclosure.normativeDocuments.issued"), f.paths());
        assertTrue(f.message().startsWith("表二 行政规范性文件 本年制发件数 未填写数值"), f.message());
    }

    @Test
    void aNullWithoutProvenanceCountsAsBlank() {
        var report = ReportFixture.zeros2021().set("applications.granted.naturalPerson", null).build();
        List<Finding> findings = rule.check(report);
        assertEquals(1, findings.size());
        assertEquals(List.of("applications.granted.naturalPerson"), findings.get(0).paths());
        assertTrue(findings.get(0).message().startsWith("表三 （一）予以公开 行 自然人 列 未填写数值（原文为空白）"),
                findings.get(0).message());
    }

    @Test
    void oneFindingPerBlankCellInTemplateOrder() {
        var report = ReportFixture.zeros2019()
                .set("reviewsAndLawsuits.lawsuitDirect.pending", null)
                .set("applications.otherHandling.otherOrg", null)
                .blank("activeDisclosure.centralizedProcurement.amount", "—")
                .set("applications.newReceived.total", null)
                .build();
        assertEquals(List.of("activeDisclosure.centralizedProcurement.amount", "applications.newReceived.total",
                        "applications.otherHandling.otherOrg", "reviewsAndLawsuits.lawsuitDirect.pending"),
                rule.check(report).stream().map(f -> f.paths().get(0)).toList());
    }

    @Test
    void textThatIsNotANumberIsNotMissingButInvalid() {
        var report = ReportFixture.zeros2021().blank("applications.granted.total", "约20").build();
        assertEquals(List.of(), rule.check(report));
    }

    @Test
    void aCellAbsentFromTheLayoutIsNotMissing() {
        var report = ReportFixture.zeros2021().removeCell("applications.granted.otherOrg")
                .removeRow("activeDisclosure", "fees").build();
        assertEquals(List.of(), rule.check(report));
    }

    @Test
    void cellsOfATableTheExtractorCouldNotReadAreNotRepeated() {
        var report = ReportFixture.zeros2021()
                .set("applications.granted.total", null)
                .set("reviewsAndLawsuits.review.total", null)
                .extractionFinding(Finding.of("UNREADABLE_TABLE", Severity.error, "表三无法区分单元格", "applications"))
                .build();
        assertEquals(List.of("reviewsAndLawsuits.review.total"), rule.check(report).stream().map(f -> f.paths().get(0)).toList());
    }
}
