package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    private final RuleCatalogue catalogue = new RuleCatalogue();

    @Test
    void docsChecksListsEveryRuleWithItsSeverity() throws java.io.IOException {
        String checks = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/checks.md"));
        for (Rule rule : catalogue.rules()) {
            String code = "`" + rule.code() + "`";
            assertTrue(checks.lines().anyMatch(line -> line.startsWith("|") && line.contains(code)
                            && line.contains("| " + rule.severity() + " |")),
                    "docs/checks.md has no table row for " + rule.code() + " with severity " + rule.severity());
        }
    }

    @Test
    void theCatalogueHoldsEveryCodeOfTheSpecOnceWithItsSeverity() {
        assertNotEquals("2026.11-1", RuleCatalogue.VERSION);
        Map<String, Severity> spec = new java.util.LinkedHashMap<>();
        for (String code : List.of("APPLICATIONS_BALANCE", "APPLICATIONS_TOTAL_ROW", "APPLICATIONS_TOTAL_COLUMN", "REVIEW_TOTAL",
                "LAWSUIT_TOTAL", "INVALID_VALUE", "SECTION_MISSING")) {
            spec.put(code, Severity.error);
        }
        for (String code : List.of("MISSING_VALUE", "RULES_NOT_PERMITTED", "NARRATIVE_MISMATCH", "NARRATIVE_SUM", "CARRYOVER_MISMATCH",
                "IN_FORCE_DRIFT", "OUTDATED_TEMPLATE", "LATE_PUBLICATION", "FEE_NOT_REPORTED", "COPIED_TEXT")) {
            spec.put(code, Severity.warning);
        }
        spec.put("TEMPLATE_DEVIATION", Severity.info);
        spec.put("OUTLIER", Severity.info);
        // Beyond the spec: renditions of one report (docs/agencies.md).
        spec.put("RENDITION_MISMATCH", Severity.warning);
        spec.put("CORRECTED_VERSION", Severity.info);
        spec.put("SUPERSEDED_VERSION", Severity.info);
        assertEquals(new java.util.TreeSet<>(spec.keySet()),
                new java.util.TreeSet<>(catalogue.rules().stream().map(Rule::code).toList()), "UNREADABLE_TABLE is the extractor's");
        assertEquals(spec.size(), catalogue.rules().size());
        for (Rule rule : catalogue.rules()) {
            assertEquals(spec.get(rule.code()), rule.severity(), rule.code());
            assertFalse(rule.reads().isEmpty(), rule.code());
            assertTrue(rule.description().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    rule.code() + ": " + rule.description());
            assertFalse(rule.description().contains("\n"), rule.code());
        }
        assertThrows(UnsupportedOperationException.class, () -> catalogue.rules().add(new MissingValueRule()));
    }

    @Test
    void aConsistentReportHasNoFindings() {
        assertEquals(List.of(), catalogue.check(ReportFixture.typical(true).build()));
        assertEquals(List.of(), catalogue.check(ReportFixture.typical(false).build()));
        assertEquals(List.of(), catalogue.check(new Report(null, null, null, null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void extractionFindingsComeFirstThenTheRulesInOrder() {
        Finding extracted = Finding.of("TEMPLATE_DEVIATION", Severity.info, "列名为“社会组织”", "applications.newReceived.publicInterestOrg");
        var report = ReportFixture.zeros2021()
                .extractionFinding(extracted)
                .set("reviewsAndLawsuits.lawsuitDirect.total", 1)
                .set("applications.granted.otherOrg", -1)
                .set("applications.newReceived.naturalPerson", null)
                .set("reviewsAndLawsuits.review.total", 2)
                .build();
        List<Finding> findings = catalogue.check(report);
        assertEquals(extracted, findings.get(0));
        assertEquals(List.of("TEMPLATE_DEVIATION", "APPLICATIONS_TOTAL_ROW", "APPLICATIONS_TOTAL_COLUMN", "REVIEW_TOTAL",
                "LAWSUIT_TOTAL", "MISSING_VALUE", "INVALID_VALUE"), findings.stream().map(Finding::code).toList());
        assertTrue(findings.size() == 7, findings.toString());
    }

    @Test
    void theOrderDoesNotDependOnHowTheMapsWereBuilt() {
        Report ordered = ReportFixture.zeros2021()
                .set("applications.granted.otherOrg", null).set("applications.newReceived.total", null)
                .set("activeDisclosure.rules.issued", -1).set("reviewsAndLawsuits.review.upheld", null)
                .build();
        Report shuffled = new Report(ordered.agency(), ordered.year(), ordered.administrativeLevel(), null, ordered.templateVersion(),
                reversed(ordered.activeDisclosure()), reversed(ordered.applications()), reversed(ordered.reviewsAndLawsuits()),
                null, null, null, null);
        List<Finding> expected = catalogue.check(ordered);
        assertEquals(4, expected.size(), expected.toString());
        assertEquals(expected, catalogue.check(shuffled));
        assertEquals(expected, catalogue.check(ordered));
    }

    /** The same table with rows and fields in reverse alphabetical order, and in a HashMap for good measure. */
    private static Map<String, Map<String, BigDecimal>> reversed(Map<String, Map<String, BigDecimal>> table) {
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>(Comparator.reverseOrder());
        table.forEach((row, fields) -> {
            Map<String, BigDecimal> copy = new TreeMap<>(Comparator.reverseOrder());
            copy.putAll(fields);
            out.put(row, copy);
        });
        return new HashMap<>(out);
    }
}
