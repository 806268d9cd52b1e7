package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid stage: which fields a table's rows become, blank cells and wrapped labels included. */
class GridTableTest {

    private static final String[] APPLICANTS = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

    private static List<String> lines(GridTable grid, List<LineOrigin> origins) {
        StringBuilder out = new StringBuilder();
        grid.writeLines(1, out, origins);
        return List.of(out.toString().split("\n"));
    }

    private static void row(GridTable grid, int r, String... cells) {
        for (String c : cells) {
            grid.add(r, c, 1, 1);
        }
    }

    @Test
    void aTableThatLeavesItsZerosBlankHasAFieldForEveryBlankCellTrailingOnesIncluded() {
        GridTable grid = new GridTable();
        grid.add(0, "（本列数据的勾稽关系为：……）", 1, 3);
        row(grid, 0, APPLICANTS);
        grid.add(1, "一、本年新收政府信息公开申请数量", 1, 3);
        row(grid, 1, "3", "", "", "", "", "", "3");
        grid.add(2, "四、结转下年度继续办理", 1, 3);
        row(grid, 2, "1", "", "", "", "", "", "");
        grid.add(3, "二、上年结转政府信息公开申请数量", 1, 3);
        row(grid, 3, "", "", "", "", "", "", "");
        List<LineOrigin> origins = new ArrayList<>();
        List<String> lines = lines(grid, origins);
        assertEquals("一、本年新收政府信息公开申请数量\t3\t \t \t \t \t \t3", lines.get(1));
        assertEquals("四、结转下年度继续办理\t1\t \t \t \t \t \t ", lines.get(2));
        assertEquals("二、上年结转政府信息公开申请数量\t \t \t \t \t \t \t ", lines.get(3),
                "a row that printed nothing under the header's columns: a blank field for each");
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10), origins.get(3).valueColumns());
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10), origins.get(2).valueColumns());
    }

    @Test
    void aRaggedRowWithAnExtraCellBeforeItsLabelIsReadFromItsOwnCells() {
        GridTable grid = new GridTable();
        grid.add(0, "（本列数据的勾稽关系为：……）", 1, 2);
        row(grid, 0, APPLICANTS);
        row(grid, 1, "三、本年度办理结果", "（一）予以公开", "1", "0", "0", "0", "0", "0", "1", "");
        row(grid, 2, "", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "2", "2");
        row(grid, 3, "", "", "（四）无法提供", "不详", "0", "0", "0", "0", "0", "");
        List<LineOrigin> origins = new ArrayList<>();
        List<String> lines = lines(grid, origins);
        assertEquals("三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1", lines.get(1));
        assertEquals("（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t2\t2", lines.get(2),
                "the label stood under the first value column, the values one column further right");
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10), origins.get(2).valueColumns(), "provenance names the cells read");
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9), origins.get(3).valueColumns(),
                "a short text value (不详) in a value column is no label: the row is not shifted");
    }

    @Test
    void withoutAHeaderTheValueColumnsAreTheColumnsThatHoldValuesAnywhere() {
        GridTable grid = new GridTable();
        row(grid, 0, "", "数据1", "数据2", "数据3", "");
        row(grid, 1, "规章", "", "2", "", "");
        row(grid, 2, "行政规范性文件", "1", "—", "5", "");
        row(grid, 3, "", "", "", "", "");
        row(grid, 4, "规章（修订）", "", "", "", "");
        List<String> lines = lines(grid, new ArrayList<>());
        assertEquals(List.of("数据1\t数据2\t数据3", "规章\t \t2\t ", "行政规范性文件\t1\t—\t5", "规章（修订）\t \t \t "), lines,
                "the empty last column holds no value in any row: no field; an empty row: no line; a labelled row"
                        + " that printed nothing after the data rows: a blank field per value column");
    }

    @Test
    void aNarrowLabelWrappedAndJustifiedInItsCellReadsAsTheLabel() {
        GridTable grid = new GridTable();
        row(grid, 0, "（三）不予公开", "1. 属 于 国 家 秘\n密", "0", "0");
        row(grid, 1, "", "2. 其 他 法 律 行 政 法 规\n禁 止 公 开", "1", "");
        assertEquals(List.of("（三）不予公开\t1.属于国家秘密\t0\t0", "2.其他法律行政法规禁止公开\t1\t "),
                lines(grid, new ArrayList<>()));
    }

    @Test
    void aCellSpanningValueColumnsIsOneField() {
        GridTable grid = new GridTable();
        row(grid, 0, "信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
        row(grid, 1, "规章", "", "", "4");
        row(grid, 2, "信息内容");
        grid.add(2, "本年处理决定数量", 1, 3);
        row(grid, 3, "行政许可");
        grid.add(3, "", 1, 3);
        row(grid, 4, "行政处罚");
        grid.add(4, "7", 1, 3);
        assertEquals(List.of("信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t \t \t4", "信息内容\t本年处理决定数量",
                "行政许可\t ", "行政处罚\t7"), lines(grid, new ArrayList<>()));
    }
}
