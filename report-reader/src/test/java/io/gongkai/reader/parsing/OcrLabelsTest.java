package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.ApplicationRow;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Report;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Row labels OCR misread by a character name their row in OCR'd text only, and only when one row is that close. */
class OcrLabelsTest {

    private static final Map<String, String> DISCLOSURE = new LinkedHashMap<>();

    static {
        for (DisclosureItem item : DisclosureItem.values()) {
            DISCLOSURE.put(item.key(), TextNormalizer.compact(item.label()));
        }
    }

    private final ReportTextParser parser = new ReportTextParser();

    @Test
    void aLabelACharacterOffNamesItsRow() {
        assertEquals("normativeDocuments", OcrLabels.match("行政规范作文件", DISCLOSURE, Set.of()));
        assertEquals("normativeDocuments", OcrLabels.match("2行政规范性文仵", DISCLOSURE, Set.of()), "numbered, one slip");
        assertEquals("fees", OcrLabels.match("行政事业姓收费", DISCLOSURE, Set.of()));
    }

    @Test
    void twoRowsThatCloseNameNone() {
        // 行政强罚 is three of four characters of both 行政处罚 and 行政强制.
        assertNull(OcrLabels.match("行政强罚", DISCLOSURE, Set.of()));
    }

    @Test
    void aRowAlreadyFoundIsNotTakenTwice() {
        assertNull(OcrLabels.match("行政规范作文件", DISCLOSURE, Set.of("normativeDocuments")));
    }

    @Test
    void shortOrDistantLabelsNameNone() {
        assertNull(OcrLabels.match("规章", DISCLOSURE, Set.of()), "too short to tell a slip from another row");
        assertNull(OcrLabels.match("行政文件", DISCLOSURE, Set.of()), "half the characters are not a slip");
        assertNull(OcrLabels.match("本年新收政府信息", DISCLOSURE, Set.of()));
    }

    @Test
    void ocrTextReadsRowsWhoseLabelsAreACharacterOff() throws IOException {
        String text = misread(ReportTextParserTest.text("004_ca1fd1482ab00037"));
        Report report = parser.parse(text, null, true);
        assertEquals(Map.of("issued", new BigDecimal("407"), "repealed", new BigDecimal("2"), "inForce", new BigDecimal("412")),
                report.activeDisclosure().get(DisclosureItem.NORMATIVE_DOCUMENTS.key()));
        Map<String, BigDecimal> caseFiles = report.applications().get(ApplicationRow.WITHHELD_ENFORCEMENT_CASE_FILE.key());
        assertTrue(caseFiles.values().stream().allMatch(v -> v != null && v.signum() == 0), "case-file row read: " + caseFiles);
        assertTrue(report.extractionFindings().stream().anyMatch(f -> f.code().equals(Findings.TEMPLATE_DEVIATION)
                && f.message().contains("行政规范作文件")), "the misread label is still reported as printed");
    }

    @Test
    void aTextLayerIsNotLoosened() throws IOException {
        String text = misread(ReportTextParserTest.text("004_ca1fd1482ab00037"));
        Report report = parser.parse(text, null, false);
        Map<String, BigDecimal> normative = report.activeDisclosure().get(DisclosureItem.NORMATIVE_DOCUMENTS.key());
        assertTrue(normative == null || normative.values().stream().allMatch(v -> v == null), "not read: " + normative);
        Map<String, BigDecimal> caseFiles = report.applications().get(ApplicationRow.WITHHELD_ENFORCEMENT_CASE_FILE.key());
        assertTrue(caseFiles == null || caseFiles.values().stream().allMatch(v -> v == null), "not read: " + caseFiles);
    }

    private static String misread(String text) {
        assertTrue(text.contains("行政规范性文件\t407") && text.contains("7.属于行政执法案卷"));
        return text.replace("行政规范性文件\t407", "行政规范作文件\t407").replace("7.属于行政执法案卷", "属于行政执法案关");
    }
}
