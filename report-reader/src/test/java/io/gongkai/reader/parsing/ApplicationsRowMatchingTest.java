package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table 三's rows named by labels that converters cut or that match no row's words: a row is read where one row's
 * wording is what the label starts with, and a row not found beside values no row took is said unreadable, never
 * left silently blank.
 */
class ApplicationsRowMatchingTest {

    private static final String SEED = "000_f8a12ae11966356f";
    private static final String ROW = "5.属于三类内部事务信息 1 0 0 0 0 0 1";
    private static final String PATH = "applications.withheldInternalAffairs";

    private static final String GROUP = "（三）不\n予公开";

    private static Report withRowPrintedAs(String printed) throws Exception {
        String text = ReportTextParserTest.text(SEED);
        assertTrue(text.contains(ROW) && text.contains(GROUP), "the seed prints the row on one line, under its group");
        // The group cell wrapped a character or two per line, as LibreOffice's PDFs print it: no group is known, so no
        // item number names a row.
        return new ReportTextParser().parse(text.replace(ROW, printed).replace(GROUP, "（三\n）不\n予公\n开"));
    }

    @Test
    void aLabelCutByItsValuesIsReadByTheStartOfItsWording() throws Exception {
        // pdftotext of a narrow label cell: the values on the label's first line, the rest of the label after them.
        Report report = withRowPrintedAs("5.属于三类 1 0 0 0 0 0 1\n内部事务\n信息");
        assertEquals(BigDecimal.ONE, report.applications().get("withheldInternalAffairs").get("naturalPerson"));
        assertEquals(BigDecimal.ONE, report.applications().get("withheldInternalAffairs").get("total"));
        assertEquals(List.of(), ReadingOrderPlacementTest.unreadable(report));
        assertTrue(report.extractionFindings().stream().noneMatch(f -> f.paths().stream().anyMatch(p -> p.startsWith(PATH))),
                "the rest of the label joins the row's label: no deviation from the template: " + report.extractionFindings());
    }

    @Test
    void aRowNotFoundBesideValuesNoRowTookIsSaidUnreadable() throws Exception {
        // A label that names no row (属于 starts four rows' wording; 三类信息 is no row's), or one that names a row read
        // already, with its values beside it: the row is not found, and its values are not placed.
        for (String printed : List.of("5.属于 1 0 0 0 0 0 1", "三类信息 1 0 0 0 0 0 1", "5.属于国家秘密 1 0 0 0 0 0 1")) {
            Report report = withRowPrintedAs(printed);
            for (String field : List.of("naturalPerson", "total")) {
                assertEquals(null, report.applications().get("withheldInternalAffairs").get(field), printed);
                assertTrue(ReadingOrderPlacementTest.unreadable(report).contains(PATH + "." + field),
                        printed + ": " + field + " is named by UNREADABLE_TABLE: " + findings(report));
            }
            assertEquals(BigDecimal.valueOf(6), report.applications().get("granted").get("total"), "the other rows still read");
            assertEquals(BigDecimal.ZERO, report.applications().get("withheldStateSecret").get("total"), printed);
        }
    }

    private static List<String> findings(Report report) {
        return report.extractionFindings().stream().map(Finding::message).toList();
    }
}
