package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipe tables of converter Markdown become grids; the text around them stays line by line. */
class MarkdownReaderTest {

    private final MarkdownReader reader = new MarkdownReader();

    private static List<String> lines(SourceText s) {
        return List.of(s.text().split("\n"));
    }

    @Test
    void cellsAreSplitOnBarsNotEscapedWithBreakTagsAsLineBreaks() {
        assertEquals(List.of("商业\n企业", "a|b", "", "1"), MarkdownReader.cells("| **商业<br/>企业** | a\\|b |  | 1 |"));
        assertEquals(List.of("规章", "0", "0"), MarkdownReader.cells("| 规章 | 0 | 0"));
    }

    @Test
    void aTableIsARowFollowedByASeparatorRow() {
        assertTrue(MarkdownReader.hasTable("x\n| a | b |\n|:---|---:|\n| 1 | 2 |"));
        assertFalse(MarkdownReader.hasTable("| a | b |\n| 1 | 2 |"), "no separator row: not a table");
        assertFalse(MarkdownReader.hasTable("| a |\n---\n"), "a rule under a line is not a separator row");
    }

    @Test
    void theConvertersHeaderIsAHeaderRowAndATrailingEmptyCellIsBlank() {
        SourceText s = reader.read("三、收到和处理政府信息公开申请情况\n"
                + "|  | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |  |\n"
                + "|---|---|---|---|---|---|---|---|---|\n"
                + "| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |  |\n"
                + "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |  |\n", "UTF-8");
        List<String> lines = lines(s);
        assertEquals("三、收到和处理政府信息公开申请情况", lines.get(0));
        assertEquals("数据1\t数据2\t数据3\t数据4\t数据5\t数据6\t数据7", lines.get(1));
        assertEquals("四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t ", lines.get(2), "the blank 7th column is a field");
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), s.origin(3).valueColumns());
        assertEquals(2, s.origin(3).row(), "the grid row: the converter's header is row 1, the separator no row");
    }

    @Test
    void aLabelFloatingBetweenRowsIsARowOfItsOwn() {
        SourceText s = reader.read("| 信息内容 | 数据1 | 数据2 |\n|---|---|---|\n"
                + "| 规章 | 1 | 2 |\n\n（三）不予公开\n\n| 1.属于国家秘密 | 3 |  |\n\n五、存在的主要问题及改进情况\n", "UTF-8");
        assertEquals(List.of("信息内容\t数据1\t数据2", "规章\t1\t2", "（三）不予公开", "1.属于国家秘密\t3\t ", "",
                "五、存在的主要问题及改进情况"), lines(s));
        assertEquals(LineOrigin.UNKNOWN, s.origin(6), "the heading after the table is text");
    }

    @Test
    void aNewHeaderAndSeparatorStartTheNextTable() {
        SourceText s = reader.read("| a | b |\n|---|---|\n| 规章 | 1 |\n三、收到\n| c | d |\n|---|---|\n| 规章 | 2 |\n", "UTF-8");
        assertEquals(1, s.origin(2).table());
        assertEquals(LineOrigin.UNKNOWN, s.origin(3), "the heading between the tables is text");
        assertEquals(2, s.origin(5).table());
    }

    @Test
    void withoutAHeaderAColumnBlankInEveryRowKeepsItsPlaceByTheRowsStructure() {
        // The converter's own header names no column; 商业企业 and the last two groups are blank in every row, and
        // each row ends with the converter's empty cell.
        SourceText s = reader.read("|  | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 |  |\n"
                + "|---|---|---|---|---|---|---|\n"
                + "| 一、本年新收 | 3 |  | 1 |  |  |  |\n"
                + "| 二、上年结转 |  |  | 2 |  |  |  |\n", "UTF-8");
        List<String> lines = lines(s);
        assertEquals("一、本年新收\t3\t \t1\t \t ", lines.get(1), "the blank columns up to the converter's trailing cell");
        assertEquals("二、上年结转\t \t \t2\t \t ", lines.get(2));
        assertEquals(List.of(2, 3, 4, 5, 6), s.origin(2).valueColumns());
        assertEquals(List.of(2, 3, 4, 5, 6), s.origin(3).valueColumns());
    }

    @Test
    void aLeadingColumnBlankInEveryRowIsAValueColumnRightOfTheLabels() {
        SourceText s = reader.read("| 数据 | 数据 | 数据 | 数据 |\n|---|---|---|---|\n"
                + "| 规章 |  | 4 | 5 |\n| 行政规范性文件 |  | 6 | 7 |\n", "UTF-8");
        assertEquals("规章\t \t4\t5", lines(s).get(1));
        assertEquals(List.of(2, 3, 4), s.origin(2).valueColumns());
    }

    @Test
    void rowsOfDifferentWidthsKeepTheBandOfTheirValues() {
        // No structure to go by: the values' band, as for HTML and Word grids.
        SourceText s = reader.read("| a | b |\n|---|---|\n| 规章 | 1 |  |\n| 行政规范性文件 | 2 |\n", "UTF-8");
        assertEquals("规章\t1", lines(s).get(1));
        assertEquals(List.of(2), s.origin(2).valueColumns());
    }

    @Test
    void aGridTableIsReadByItsBordersWithCellsOverSeveralLinesAndSpans() {
        // pandoc's grid table: ideographs take two screen columns; 本年处理决定数量 spans three columns, 信息内容 two bands.
        SourceText s = reader.read("二、主动公开政府信息情况\n\n"
                + "+----------+----------+----------+\n"
                + "| 信息内容 | 本年处理决定数量    |\n"
                + "|          +----------+----------+\n"
                + "|          | 本年     | 其他     |\n"
                + "+==========+==========+==========+\n"
                + "| 行政许可 | 12       | 3        |\n"
                + "+----------+----------+----------+\n"
                + "| 行政规范 | 0        |          |\n"
                + "| 性文件   |          |          |\n"
                + "+----------+----------+----------+\n\n三、收到\n", "UTF-8");
        List<String> lines = lines(s);
        assertEquals("二、主动公开政府信息情况", lines.get(0));
        assertTrue(lines.contains("行政许可\t12\t3"), lines.toString());
        assertTrue(lines.contains("行政规范性文件\t0\t "), "the label wrapped over two lines is one cell, the blank a field: " + lines);
        assertEquals("三、收到", lines.get(lines.size() - 1));
        assertEquals(1, s.origin(lines.indexOf("行政许可\t12\t3") + 1).table());
    }

    @Test
    void dashTablesAreReadByTheirColumnLineSimpleAndMultiline() {
        SourceText simple = reader.read("信息内容   本年制发件数   现行有效件数\n"
                + "---------- -------------- ------------\n"
                + "规章       5                         7\n"
                + "行政规范   0\n\n正文\n", "UTF-8");
        assertEquals(List.of("信息内容\t本年制发件数\t现行有效件数", "规章\t5\t7", "行政规范\t0\t ", "", "正文"), lines(simple));
        SourceText multiline = reader.read("  ---------- ------ ------\n"
                + "  结果维持   结果\\  其他\n"
                + "             纠正   结果\n\n"
                + "  0          5      1\n"
                + "  ---------- ------ ------\n", "UTF-8");
        assertEquals(List.of("结果维持\t结果纠正\t其他结果", "0\t5\t1"), lines(multiline),
                "a row is the lines between blank lines, a cell wrapped over them joined, pandoc's hard break dropped");
    }

    @Test
    void pandocsPlaceholderForATableItLeftOutIsAFinding() {
        SourceText s = reader.read("三、收到和处理政府信息公开申请情况\n\n[TABLE]\n", "UTF-8");
        assertEquals(1, s.findings().size());
        assertEquals("UNREADABLE_TABLE", s.findings().get(0).code());
        assertTrue(s.findings().get(0).message().contains("三、收到和处理政府信息公开申请情况"));
    }

    @Test
    void markdownEscapesInRunningTextAreDropped() {
        SourceText s = reader.read("\\# 某某县人民政府办公室\\\n| a | b |\n|---|---|\n| 规章 | 1 |\n", "UTF-8");
        assertEquals("# 某某县人民政府办公室", lines(s).get(0));
    }
}
