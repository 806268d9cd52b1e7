package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.reader.parsing.ReportTextParser;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which OCR values the tables' identities confirm, on a seed's values as OCR might have misread them. */
class OcrCrossCheckTest {

    @Test
    void aRowThatAddsUpIsUnconfirmedWhileItsColumnCannotBeChecked() throws Exception {
        Report seed = new ReportTextParser().parse(RenderingsTest.seedText("000_f8a12ae11966356f"));
        Map<String, Map<String, BigDecimal>> applications = new LinkedHashMap<>();
        seed.applications().forEach((row, fields) -> applications.put(row, new LinkedHashMap<>(fields)));
        // Misreads alike in one row keep its sum (the row adds up), and a result lost in the same column leaves the
        // column's identity (（七）总计 = the sum of the results) unjudged: the row must not count as confirmed.
        applications.get("granted").replaceAll((k, v) -> k.equals("naturalPerson") || k.equals("total") ? v.add(BigDecimal.TEN) : v);
        applications.get("partiallyGranted").put("naturalPerson", null);
        Report read = new Report(seed.agency(), seed.year(), seed.administrativeLevel(), seed.publishedOn(),
                seed.templateVersion(), seed.activeDisclosure(), applications, seed.reviewsAndLawsuits(), seed.provenance(),
                seed.units(), seed.sections(), List.of());
        List<Finding> findings = OcrCrossCheck.check(read);
        assertTrue(flagged(findings, "applications.granted.naturalPerson"), findings.toString());
        // A column whose cells are all read and add up confirms its values.
        assertTrue(!flagged(findings, "applications.granted.commercialEnterprise"), findings.toString());
    }

    @Test
    void aRowOfTableTwoOcrDidNotFindIsNamedNotSilent() throws Exception {
        Report seed = new ReportTextParser().parse(RenderingsTest.seedText("000_f8a12ae11966356f"));
        Report read = new Report(seed.agency(), seed.year(), seed.administrativeLevel(), seed.publishedOn(),
                seed.templateVersion(), Map.of(), seed.applications(), seed.reviewsAndLawsuits(), seed.provenance(),
                seed.units(), seed.sections(), List.of());
        List<Finding> findings = OcrCrossCheck.check(read);
        assertTrue(flagged(findings, "activeDisclosure.punishment.decisions"), findings.toString());
        assertTrue(flagged(findings, "activeDisclosure.rules.inForce"), findings.toString());
    }

    @Test
    void aTableTwoOcrDidNotFindIsNamedInBothLayoutsFields() throws Exception {
        // Table 三 read in 2019's layout sets the version, while table 二 may be printed in 2021's wording (a mixed
        // report): its rows must be named under either layout's fields.
        Report seed = new ReportTextParser().parse(RenderingsTest.seedText("000_f8a12ae11966356f"));
        Report read = new Report(seed.agency(), seed.year(), seed.administrativeLevel(), seed.publishedOn(),
                "2019", Map.of(), seed.applications(), seed.reviewsAndLawsuits(), seed.provenance(),
                seed.units(), seed.sections(), List.of());
        List<Finding> findings = OcrCrossCheck.check(read);
        assertTrue(flagged(findings, "activeDisclosure.rules.inForce"), findings.toString());
        assertTrue(flagged(findings, "activeDisclosure.rules.totalPublished"), findings.toString());
    }

    @Test
    void otherHandlingUnreadInEitherLayoutIsNamed() throws Exception {
        Report seed = new ReportTextParser().parse(RenderingsTest.seedText("000_f8a12ae11966356f"));
        Map<String, Map<String, BigDecimal>> applications = new LinkedHashMap<>();
        seed.applications().forEach((row, fields) -> applications.put(row, new LinkedHashMap<>(fields)));
        for (String row : List.of("otherOverdueCorrection", "otherOverdueFee", "otherOther")) {
            applications.get(row).replaceAll((k, v) -> null);
        }
        Report read = new Report(seed.agency(), seed.year(), seed.administrativeLevel(), seed.publishedOn(),
                seed.templateVersion(), seed.activeDisclosure(), applications, seed.reviewsAndLawsuits(), seed.provenance(),
                seed.units(), seed.sections(), List.of());
        List<Finding> findings = OcrCrossCheck.check(read);
        assertTrue(flagged(findings, "applications.otherHandling.total"), "the 2019 layout's single row: " + findings);
        assertTrue(!flagged(OcrCrossCheck.check(seed), "applications.otherHandling.total"), "read: nothing to name");
    }

    private static boolean flagged(List<Finding> findings, String path) {
        return findings.stream().anyMatch(f -> f.code().equals(OcrCrossCheck.OCR_UNCONFIRMED) && f.paths().contains(path));
    }
}
