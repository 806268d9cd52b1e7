package io.gongkai.ingest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workbench names a cell in the template's words and tells cells from other paths by report-model's CellPath. */
class CellLabelsTest {

    @Test
    void aCellIsNamedByTableRowAndColumn() {
        assertEquals("表三 （七）总计 · 自然人", CellLabels.of("applications.totalHandled.naturalPerson").describe());
        assertEquals("表二 行政许可 · 本年处理决定数量", CellLabels.of("activeDisclosure.licensing.decisions").describe());
        assertEquals("表四 行政诉讼（复议后起诉） · 尚未审结", CellLabels.of("reviewsAndLawsuits.lawsuitAfterReview.pending").describe());
    }

    @Test
    void otherPathsAreShownAsTheyAre() {
        assertEquals(new CellLabels("", "sections[1].text", ""), CellLabels.of("sections[1].text"));
        assertEquals("agency", CellLabels.of("agency").describe());
        assertEquals(new CellLabels("", "", ""), CellLabels.of(null));
    }

    @Test
    void aFindingIsListedUnderTheTableOfItsFirstCell() {
        Finding finding = new Finding("X", Severity.error, List.of("year", "reviewsAndLawsuits.review.total", "applications.granted.total"), "m");
        assertEquals("reviewsAndLawsuits.review.total", ReportTables.firstCell(finding));
        assertEquals("reviewsAndLawsuits", ReportTables.tableOfPath("reviewsAndLawsuits.review.total"));
        assertEquals("", ReportTables.tableOfPath("applications.total"));
    }
}
