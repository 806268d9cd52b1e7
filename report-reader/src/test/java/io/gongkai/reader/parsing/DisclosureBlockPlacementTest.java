package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Report;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table 二 written in reading order (a cell per line, a row's values before or after its label): each block
 * (第二十条第（X）项) is placed only where every row is named once and each run of values is one row's whole; anything
 * else leaves the block unreadable, never a value on the wrong row.
 */
class DisclosureBlockPlacementTest {

    private static final String SEED = "000_f8a12ae11966356f";

    /** Blocks of the 2021 layout with the seed's values (规章 0 0 0, 行政规范性文件 6 2 27, …, 行政事业性收费 1.5). */
    private static String table(boolean valuesFirst, String normative) {
        StringBuilder b = new StringBuilder("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n");
        row(b, valuesFirst, "规章", "0\n0\n0");
        row(b, valuesFirst, normative, "6\n2\n27");
        b.append("第二十条第（五）项\n信息内容\n本年处理决定数量\n");
        row(b, valuesFirst, "行政许可", "3");
        b.append("第二十条第（六）项\n信息内容\n本年处理决定数量\n");
        row(b, valuesFirst, "行政处罚", "4");
        row(b, valuesFirst, "行政强制", "5");
        b.append("第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n");
        row(b, valuesFirst, "行政事业性收费", "1.5");
        return b.toString();
    }

    private static void row(StringBuilder b, boolean valuesFirst, String label, String values) {
        b.append(valuesFirst ? values + "\n\n" + label : label + "\n\n" + values).append("\n\n");
    }

    private static Report parse(String table) throws Exception {
        String text = ReportTextParserTest.text(SEED);
        int t2 = text.indexOf("二、主动公开政府信息情况");
        int t3 = text.indexOf("三、收到和处理政府信息公开申请情况");
        return new ReportTextParser().parse(text.substring(0, t2) + table + text.substring(t3));
    }

    private static BigDecimal value(Report r, String row, String field) {
        return r.activeDisclosure().get(row).get(field);
    }

    private static List<String> unreadable(Report report) {
        return ReadingOrderPlacementTest.unreadable(report);
    }

    @Test
    void valuesBeforeTheirLabelsArePlacedBlockByBlock() throws Exception {
        Report r = parse(table(true, "行政规范性文件"));
        assertEquals(List.of(), unreadable(r).stream().filter(p -> p.startsWith(Report.ACTIVE_DISCLOSURE)).toList());
        assertEquals(new BigDecimal("0"), value(r, "rules", "inForce"));
        assertEquals(List.of(new BigDecimal("6"), new BigDecimal("2"), new BigDecimal("27")),
                List.copyOf(r.activeDisclosure().get("normativeDocuments").values()));
        assertEquals(new BigDecimal("3"), value(r, "licensing", "decisions"));
        assertEquals(new BigDecimal("4"), value(r, "punishment", "decisions"));
        assertEquals(new BigDecimal("5"), value(r, "enforcement", "decisions"));
        assertEquals(0, new BigDecimal("1.5").compareTo(value(r, "fees", "amountTenThousandYuan")));
    }

    @Test
    void aLabelWrappedOntoTheNextLineStillNamesItsRow() throws Exception {
        Report r = parse(table(true, "行政规范性文件\n（含通知）"));
        assertEquals(new BigDecimal("27"), value(r, "normativeDocuments", "inForce"));
    }

    @Test
    void aBlankCellLeavesItsBlockUnreadable() throws Exception {
        // 6 / 2 / 27 with the 2 left blank: two values for a row of three; the block's rows are not placed, the others are.
        Report r = parse(table(true, "行政规范性文件").replace("6\n2\n27", "6\n27"));
        assertTrue(unreadable(r).contains("activeDisclosure.normativeDocuments.repealed"), unreadable(r).toString());
        assertNull(value(r, "normativeDocuments", "issued"));
        assertNull(value(r, "rules", "issued"));
        assertEquals(new BigDecimal("5"), value(r, "enforcement", "decisions"), "the other blocks are whole");
    }

    @Test
    void textNamingNoRowAmongTheValuesPlacesNothing() throws Exception {
        // A label broken beyond matching (行政 / 许可) among the values: they may be its row's.
        Report r = parse(table(true, "行政规范性文件").replace("3\n\n行政许可", "行政\n3\n许可"));
        assertNull(value(r, "licensing", "decisions"));
        assertTrue(unreadable(r).contains("activeDisclosure.licensing.decisions"), unreadable(r).toString());
    }

    @Test
    void valuesWrittenAColumnAtATimePlaceNothing() {
        // Two rows of three whose runs cross the rows: which value is whose cannot be told.
        List<Line> lines = Line.split("第二十条第（一）项\n信息内容\n本年制发件数\n0\n6\n规章\n0\n2\n行政规范性文件\n0\n27");
        Map<String, Cell[]> placed = DisclosureBlockPlacement.place(lines, 0, lines.size(), List.of("rules", "normativeDocuments"),
                key -> 3, DisclosureBlockPlacementTest::classify);
        assertEquals(Map.of(), placed);
        List<Line> whole = Line.split("第二十条第（一）项\n信息内容\n本年制发件数\n0\n0\n0\n规章\n6\n2\n27\n行政规范性文件");
        assertEquals(List.of("rules", "normativeDocuments"), List.copyOf(DisclosureBlockPlacement.place(whole, 0, whole.size(),
                List.of("rules", "normativeDocuments"), key -> 3, DisclosureBlockPlacementTest::classify).keySet()));
    }

    @Test
    void aRowNotNamedPlacesNothing() {
        List<Line> lines = Line.split("第二十条第（六）项\n信息内容\n4\n行政处罚\n5");
        assertEquals(Map.of(), DisclosureBlockPlacement.place(lines, 0, lines.size(), List.of("punishment", "enforcement"),
                key -> 1, DisclosureBlockPlacementTest::classify));
    }

    private static LabelledTableWalker.Classification classify(LabelItem label) {
        String c = label.compact();
        if (c.startsWith("第二十条") || c.startsWith("信息内容")) {
            return LabelledTableWalker.Classification.GROUP;
        }
        return c.equals("规章") ? LabelledTableWalker.Classification.row("rules")
                : c.equals("行政规范性文件") ? LabelledTableWalker.Classification.row("normativeDocuments")
                : c.equals("行政处罚") ? LabelledTableWalker.Classification.row("punishment")
                : LabelledTableWalker.Classification.CONTINUATION;
    }
}
