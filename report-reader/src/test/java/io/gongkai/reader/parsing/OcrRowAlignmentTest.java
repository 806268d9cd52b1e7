package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Report;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OCR'd row labels misread beyond what a label alone can name are placed by the table's row order: between rows
 * that name themselves, where one template row is as likely, and never where two are.
 */
class OcrRowAlignmentTest {

    /** Five rows in template order, as a table's template labels are handed over. */
    private static final Map<String, String> TEMPLATE = new LinkedHashMap<>();

    static {
        TEMPLATE.put("a", "属于国家秘密");
        TEMPLATE.put("b", "危及三安全一稳定");
        TEMPLATE.put("c", "保护第三方合法权益");
        TEMPLATE.put("d", "属于三类内部事务信息");
        TEMPLATE.put("e", "属于四类过程性信息");
    }

    private static OcrRowAlignment.Label known(String key) {
        return new OcrRowAlignment.Label(0, TEMPLATE.get(key), key);
    }

    private static OcrRowAlignment.Label unknown(String compact) {
        return new OcrRowAlignment.Label(0, compact, null);
    }

    @Test
    void aLabelMisreadByHalfItsCharactersTakesTheRowItsNeighboursLeave() {
        // 4 of 10 characters survive: no label rule alone would name it, its place between c and e does.
        Map<Integer, String> placed = OcrRowAlignment.align(
                List.of(known("a"), known("b"), known("c"), unknown("屈千二奕内部亊努信息"), known("e")), TEMPLATE);
        assertEquals(Map.of(3, "d"), placed);
    }

    @Test
    void aLabelLikeAnotherRowIsNotPutInAGap() {
        // 属于国家秘密 again, after row a: a row of its own, or a repeat, not row d.
        Map<Integer, String> placed = OcrRowAlignment.align(
                List.of(known("a"), known("b"), known("c"), unknown("属于国家秘密"), known("e")), TEMPLATE);
        assertTrue(placed.isEmpty(), "like row a: " + placed);
    }

    @Test
    void aLabelAsLikeTwoFreeRowsIsNotPlaced() {
        // b and c are both free; the label shares as much with each (2 of 4 after its number).
        Map<Integer, String> placed = OcrRowAlignment.align(List.of(known("a"), unknown("危及权益"), known("d"), known("e")),
                Map.of("a", "属于国家秘密", "b", "危及稳定", "c", "保护权益", "d", "属于三类内部事务信息", "e", "属于四类过程性信息")
                        .entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .collect(LinkedHashMap::new, (m, x) -> m.put(x.getKey(), x.getValue()), Map::putAll));
        assertTrue(placed.isEmpty(), "ambiguous: " + placed);
    }

    @Test
    void twoMisreadLabelsInARowKeepTheirOrder() {
        Map<Integer, String> placed = OcrRowAlignment.align(
                List.of(known("a"), unknown("危反三安仝一稳宅"), unknown("保护弟三方台法杈益"), known("d"), known("e")), TEMPLATE);
        assertEquals(Map.of(1, "b", 2, "c"), placed);
    }

    @Test
    void aRowNamedAgainstTheOrderIsMovedWhereItsWordsFit() {
        // A number read under the wrong group names row e before d; its words and its place say b.
        Map<Integer, String> placed = OcrRowAlignment.align(
                List.of(known("a"), new OcrRowAlignment.Label(0, "危及三安全一穏定", "e"), known("c"), known("d"), known("e")),
                TEMPLATE);
        assertEquals(Map.of(1, "b"), placed);
    }

    @Test
    void aRowAloneInAOneRowGapIsThatRowWhateverItReads() {
        Map<Integer, String> placed = OcrRowAlignment.align(
                List.of(known("a"), known("b"), unknown("不处理"), known("d"), known("e")), TEMPLATE);
        assertEquals(Map.of(2, "c"), placed);
    }

    @Test
    void aGapOfTwoRowsForOneUnreadableLabelStaysOpen() {
        Map<Integer, String> placed = OcrRowAlignment.align(
                List.of(known("a"), unknown("不处理"), known("d"), known("e")), TEMPLATE);
        assertTrue(placed.isEmpty(), "b or c: " + placed);
    }

    @Test
    void theTablesStartIsAFixedPointForAFirstRowWhoseLabelWasLost() {
        Map<Integer, String> placed = OcrRowAlignment.align(
                List.of(unknown("不处理"), known("b"), known("c"), known("d"), known("e")), TEMPLATE);
        assertEquals(Map.of(0, "a"), placed);
    }

    @Test
    void theTablesEndIsAFixedPointForALastRowWhoseLabelWasLost() {
        Map<Integer, String> placed = OcrRowAlignment.align(
                List.of(known("a"), known("b"), known("c"), known("d"), unknown("")), TEMPLATE);
        assertEquals(Map.of(4, "e"), placed);
    }

    @Test
    void aFirstLabelBeforeTwoFreeRowsOrBeforeTheFirstRowStaysOpen() {
        // Two rows free before c: a or b.
        assertTrue(OcrRowAlignment.align(List.of(unknown("不处理"), known("c"), known("d"), known("e")), TEMPLATE)
                .isEmpty());
        // Row a is there: a line before it is no row of the table.
        assertTrue(OcrRowAlignment.align(List.of(unknown("不处理"), known("a"), known("b")), TEMPLATE).isEmpty());
        // A last line after the last row is none either.
        assertTrue(OcrRowAlignment.align(List.of(known("d"), known("e"), unknown("")), TEMPLATE).isEmpty());
    }

    @Test
    void aFirstLabelThatReadsLikeARowIsNotPutAtTheStart() {
        // 属于四类过程性信息 before row b: row e out of place (or a repeat), not row a.
        assertTrue(OcrRowAlignment.align(List.of(unknown("属于四类过程性信息"), known("b"), known("c")), TEMPLATE)
                .isEmpty());
    }

    @Test
    void aFirstLineOfValuesWhoseLabelOcrLostStartsTheTablesFirstRow() {
        List<Line> lines = Line.split("1\t2\n危及三安全一稳定\t3\t4\n");
        Map<Integer, OcrRowAlignment.Placement> placed = OcrRowAlignment.place(lines, 0, lines.size(), TEMPLATE,
                l -> l.compact().equals("危及三安全一稳定") ? "b" : null);
        assertEquals("a", placed.get(1).key());
        assertEquals(OcrRowAlignment.LOST_LABEL + "\t1\t2", OcrRowAlignment.withLostLabels(lines, placed).get(0).raw);
    }

    @Test
    void aStrayLastLineOfFiguresIsNotTheLastRowWhenALaterLineNamesIt() {
        // The last row's figure OCR garbled (12四: no number), so its line is no row label; the line of figures
        // before it (group cells read as digits) must not take that row.
        java.util.function.Function<LabelItem, String> known = l -> switch (l.compact()) {
            case "保护第三方合法权益" -> "c";
            case "属于三类内部事务信息" -> "d";
            default -> null;
        };
        List<Line> lines = Line.split("保护第三方合法权益\t1\t2\n属于三类内部事务信息\t5\t6\n2\t2\t2\t2\n属于四类过程性信息\t12四\n");
        assertTrue(OcrRowAlignment.place(lines, 0, lines.size(), TEMPLATE, known).isEmpty());
        List<Line> without = Line.split("保护第三方合法权益\t1\t2\n属于三类内部事务信息\t5\t6\n2\t2\n");
        assertEquals("e", OcrRowAlignment.place(without, 0, without.size(), TEMPLATE, known).get(3).key());
    }

    @Test
    void aLineOfValuesWhoseLabelOcrLostStartsItsRowOncePlaced() {
        List<Line> lines = Line.split("危及三安全一稳定\t1\t2\n3\t4\n属于三类内部事务信息\t5\t6\n");
        Map<Integer, OcrRowAlignment.Placement> placed = OcrRowAlignment.place(lines, 0, lines.size(), TEMPLATE,
                l -> l.compact().equals("危及三安全一稳定") ? "b" : l.compact().equals("属于三类内部事务信息") ? "d" : null);
        assertEquals("c", placed.get(2).key());
        List<Line> walked = OcrRowAlignment.withLostLabels(lines, placed);
        assertEquals(OcrRowAlignment.LOST_LABEL + "\t3\t4", walked.get(1).raw);
        assertEquals(lines.get(0), walked.get(0));
    }

    @Test
    void ocrTextReadsARowWhoseLabelCellWasReadAsNothing() throws IOException {
        String text = ReportTextParserTest.text("004_ca1fd1482ab00037");
        String row = "\t\t5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0";
        assertTrue(text.contains(row));
        Report report = new ReportTextParser().parse(text.replace(row, "2\t0\t0\t0\t0\t0\t2"), null, true);
        Map<String, BigDecimal> internal = report.applications().get(ApplicationRow.WITHHELD_INTERNAL_AFFAIRS.key());
        assertEquals(new BigDecimal("2"), internal.get("naturalPerson"), "row read: " + internal);
        assertTrue(report.extractionFindings().stream().anyMatch(f -> f.message().contains(OcrRowAlignment.LOST_LABEL)),
                "the lost label is reported: " + report.extractionFindings());
    }

    @Test
    void theRowOrderTheLabelsFitBestIsTheTables() {
        // Two layouts: x split into x1, x2 (one) or printed as one row x (other). A table printing x has one row
        // between b and x, so its unreadable label is c there, which the split order (three rows free) cannot tell.
        Map<String, String> split = new LinkedHashMap<>();
        split.put("b", "危及三安全一稳定");
        split.put("c", "保护第三方合法权益");
        split.put("x1", "申请人无正当理由逾期不补正");
        split.put("x2", "申请人逾期未按收费通知要求缴纳费用");
        Map<String, String> single = new LinkedHashMap<>();
        single.put("b", "危及三安全一稳定");
        single.put("c", "保护第三方合法权益");
        single.put("x", "其他处理");
        List<Line> lines = Line.split("危及三安全一稳定\t1\n人认\t2\n其他处埋\t3\n");
        Map<Integer, OcrRowAlignment.Placement> placed = OcrRowAlignment.place(lines, 0, lines.size(),
                List.of(split, single), l -> l.compact().equals("危及三安全一稳定") ? "b" : null);
        assertEquals("c", placed.get(2).key(), placed.toString());
        assertEquals("x", placed.get(3).key(), placed.toString());
    }

    @Test
    void aLabelSplitIntoFieldsIsComparedJoined() {
        List<Line> lines = Line.split("5属于三\t类内部事务信息\t，\t1\t0\t0\n");
        List<OcrRowAlignment.Label> labels = OcrRowAlignment.rowLabels(lines, 0, lines.size(), l -> null);
        assertEquals(1, labels.size());
        assertTrue(labels.get(0).texts().contains("属于三类内部事务信息"), labels.get(0).texts().toString());
    }

    @Test
    void theNumberBeforeALabelIsNotCompared() {
        assertEquals("其亿", OcrRowAlignment.unnumbered("3其亿"));
        assertEquals("总计", OcrRowAlignment.unnumbered("七总计"));
        assertEquals("7", OcrRowAlignment.unnumbered("7"));
    }

    @Test
    void ocrTextPlacesATableRowWhoseLabelLostHalfItsCharactersAndItsNumber() throws IOException {
        Report report = new ReportTextParser().parse(misread(), null, true);
        Map<String, BigDecimal> internal = report.applications().get(ApplicationRow.WITHHELD_INTERNAL_AFFAIRS.key());
        assertEquals(new BigDecimal("3"), internal.get("naturalPerson"), "row read: " + internal);
        assertEquals(new BigDecimal("3"), internal.get("total"));
    }

    @Test
    void aTextLayerIsNotPlacedByOrder() throws IOException {
        Report report = new ReportTextParser().parse(misread(), null, false);
        Map<String, BigDecimal> internal = report.applications().get(ApplicationRow.WITHHELD_INTERNAL_AFFAIRS.key());
        assertTrue(internal == null || internal.values().stream().allMatch(v -> v == null), "not read: " + internal);
    }

    /** Seed 004 with row 5 of 不予公开 printed as OCR may read it: its number lost, half its characters wrong. */
    private static String misread() throws IOException {
        String text = ReportTextParserTest.text("004_ca1fd1482ab00037");
        String row = "\t\t5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0";
        assertTrue(text.contains(row));
        return text.replace(row, "\t\t屈千二奕内部亊努信息\t3\t0\t0\t0\t0\t0\t3");
    }
}
