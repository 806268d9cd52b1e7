package io.gongkai.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellPathTest {

    @Test
    void parseAndFormatAreInverse() {
        CellPath cell = CellPath.parse("applications.totalHandled.naturalPerson");
        assertEquals(new CellPath(Report.APPLICATIONS, "totalHandled", "naturalPerson"), cell);
        assertEquals("applications.totalHandled.naturalPerson", cell.format());
        assertEquals(cell.format(), cell.toString());
        for (CellPath p : everyTemplateCell()) {
            assertEquals(p, CellPath.parse(p.format()));
        }
    }

    @Test
    void factoriesBuildTheModelsKeys() {
        assertEquals("applications.carriedForward.total",
                CellPath.applications(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.TOTAL).format());
        assertEquals("reviewsAndLawsuits.lawsuitDirect.pending",
                CellPath.review(ReviewGroup.LAWSUIT_DIRECT, ReviewGroup.Column.PENDING).format());
        assertEquals("activeDisclosure.fees.amountTenThousandYuan",
                CellPath.disclosure(DisclosureItem.FEES, "amountTenThousandYuan").format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"agency", "sections[1].text", "provenance[*].rawText", "applications.total",
            "applications.a.b.c", "nosuchTable.rules.issued", "applications..total", "applications.total.", ""})
    void pathsThatAreNoCellAreRefused(String path) {
        assertEquals(Optional.empty(), CellPath.tryParse(path));
        assertFalse(CellPath.isCell(path));
        assertThrows(IllegalArgumentException.class, () -> CellPath.parse(path));
    }

    @Test
    void nullIsNoCell() {
        assertFalse(CellPath.isCell(null));
    }

    @Test
    void labelsAreTheTemplatesWords() {
        CellPath withheld = CellPath.applications(ApplicationRow.WITHHELD_STATE_SECRET, ApplicantColumn.NATURAL_PERSON);
        assertEquals("表三", withheld.tableLabel());
        assertEquals("（三）不予公开 1.属于国家秘密", withheld.rowLabel());
        assertEquals("自然人", withheld.fieldLabel());
        CellPath fee = CellPath.parse("activeDisclosure.fees.amountTenThousandYuan");
        assertEquals("表二", fee.tableLabel());
        assertEquals("行政事业性收费", fee.rowLabel());
        assertEquals("本年收费金额（单位：万元）", fee.fieldLabel());
        CellPath review = CellPath.review(ReviewGroup.LAWSUIT_AFTER_REVIEW, ReviewGroup.Column.CORRECTED);
        assertEquals("表四", review.tableLabel());
        assertEquals("行政诉讼（复议后起诉）", review.rowLabel());
        assertEquals("结果纠正", review.fieldLabel());
    }

    @Test
    void keysTheTemplateDoesNotKnowAreTheirOwnLabel() {
        CellPath odd = CellPath.parse("applications.extraRow.extraColumn");
        assertEquals("extraRow", odd.rowLabel());
        assertEquals("extraColumn", odd.fieldLabel());
    }

    @Test
    void everyTemplateKeyHasALabel() {
        for (CellPath p : everyTemplateCell()) {
            assertFalse(p.rowLabel().equals(p.row()), p + " has no row label");
            assertFalse(p.fieldLabel().equals(p.field()), p + " has no field label");
        }
    }

    @Test
    void templateOrderIsTablesRowsThenFieldsWithUnknownKeysLast() {
        List<CellPath> expected = everyTemplateCell();
        CellPath unknownRow = CellPath.parse("applications.zzz.total");
        CellPath unknownField = CellPath.parse("reviewsAndLawsuits.review.zzz");
        int firstReview = expected.indexOf(CellPath.review(ReviewGroup.REVIEW, ReviewGroup.Column.UPHELD));
        expected.add(firstReview, unknownRow);
        expected.add(expected.indexOf(CellPath.review(ReviewGroup.REVIEW, ReviewGroup.Column.TOTAL)) + 1, unknownField);
        List<CellPath> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(CellPath.TEMPLATE_ORDER);
        assertEquals(expected, shuffled);
        assertEquals("activeDisclosure.rules.issued", shuffled.get(0).format());
        assertTrue(shuffled.indexOf(CellPath.disclosure(DisclosureItem.RULES, "issued"))
                < shuffled.indexOf(CellPath.disclosure(DisclosureItem.RULES, "newlyMade")), "2021 fields before 2019's");
    }

    @Test
    void reportReadsCellsByPath() {
        Map<String, Map<String, BigDecimal>> applications = new LinkedHashMap<>();
        Map<String, BigDecimal> row = new LinkedHashMap<>();
        row.put("total", BigDecimal.TEN);
        row.put("naturalPerson", null);
        applications.put("newReceived", row);
        Report report = new Report("某局", 2023, null, null, TemplateVersion.V2021, Map.of(), applications, Map.of(),
                Map.of(), Map.of(), List.of(), List.of());
        assertEquals(BigDecimal.TEN, report.value("applications.newReceived.total"));
        assertEquals(BigDecimal.TEN, report.value(CellPath.applications(ApplicationRow.NEW_RECEIVED, ApplicantColumn.TOTAL)));
        assertNull(report.value("applications.newReceived.naturalPerson"));
        assertTrue(report.hasCell("applications.newReceived.naturalPerson"));
        assertFalse(report.hasCell("applications.carriedOver.total"));
        assertFalse(report.hasCell("agency"));
        assertThrows(IllegalArgumentException.class, () -> report.value("agency"));
        assertEquals(List.of("applications.newReceived.total", "applications.newReceived.naturalPerson"),
                List.copyOf(report.cells().keySet()));
    }

    /** Every cell of both template generations. */
    private static List<CellPath> everyTemplateCell() {
        List<CellPath> out = new ArrayList<>();
        for (DisclosureItem item : DisclosureItem.values()) {
            item.fields2021().forEach(f -> out.add(CellPath.disclosure(item, f)));
            item.fields2019().stream().filter(f -> !item.fields2021().contains(f)).forEach(f -> out.add(CellPath.disclosure(item, f)));
        }
        for (ApplicationRow row : ApplicationRow.values()) {
            for (ApplicantColumn column : ApplicantColumn.values()) {
                out.add(CellPath.applications(row, column));
            }
        }
        for (ReviewGroup group : ReviewGroup.values()) {
            for (ReviewGroup.Column column : ReviewGroup.Column.values()) {
                out.add(CellPath.review(group, column));
            }
        }
        return out;
    }
}
