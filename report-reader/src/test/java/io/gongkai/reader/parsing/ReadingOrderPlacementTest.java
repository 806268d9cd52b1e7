package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Values of text dumped in reading order, placed by the template's order only where the table's identities prove the
 * placement: per stage ({@link ReadingOrderPlacement}) and as a round trip through the parser, on a seed report whose
 * tables 三 and 四 are rewritten the way {@code pdftotext} without {@code -layout} writes them.
 */
class ReadingOrderPlacementTest {

    private static final String SEED = "000_f8a12ae11966356f";
    private static final Predicate<BigDecimal[][]> GROUPS_ADD_UP = groups -> Arrays.stream(groups).allMatch(g ->
            g[0].add(g[1]).add(g[2]).add(g[3]).compareTo(g[4]) == 0);

    private static List<Cell> run(long... values) {
        List<Cell> out = new ArrayList<>();
        for (long v : values) {
            out.add(new Cell(Cell.Kind.NUMBER, Long.toString(v), BigDecimal.valueOf(v), null, 1));
        }
        return out;
    }

    private static List<Long> row(Cell[] cells) {
        return Arrays.stream(cells).map(c -> c.value().longValueExact()).toList();
    }

    @Test
    void theOnlyArrangementThatAddsUpIsKept() {
        // Table 四 of a PDF through pdftotext: a header word between the numbers of the last group and its total.
        List<List<Cell>> runs = List.of(run(1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0), run(3));
        Cell[][] grid = ReadingOrderPlacement.place(runs, 3, 5, GROUPS_ADD_UP, false);
        assertNotNull(grid);
        assertEquals(List.of(1L, 1L, 0L, 0L, 2L), row(grid[0]));
        assertEquals(List.of(2L, 0L, 1L, 0L, 3L), row(grid[2]));
    }

    @Test
    void runsPrintedOutOfOrderAreArrangedByTheIdentities() {
        List<List<Cell>> runs = List.of(run(3, 1, 1, 1, 6), run(1, 2, 0, 0, 3), run(0, 0, 0, 0, 0));
        Cell[][] grid = ReadingOrderPlacement.place(runs, 3, 5, GROUPS_ADD_UP, false);
        // Every order of three whole groups adds up: the values differ, so none is proven.
        assertNull(grid);
        List<List<Cell>> pieces = List.of(run(3, 1), run(1, 1, 6, 1, 2, 0, 0, 3, 0, 0, 0, 0, 0));
        Cell[][] placed = ReadingOrderPlacement.place(pieces, 3, 5, GROUPS_ADD_UP, false);
        assertNotNull(placed, "only the printed order adds up");
        assertEquals(List.of(3L, 1L, 1L, 1L, 6L), row(placed[0]));
    }

    @Test
    void twoArrangementsThatBothAddUpPlaceNothing() {
        // 淮安 2024's table 四 in reading order: the two lawsuit groups can be swapped and still add up.
        List<List<Cell>> runs = List.of(run(72, 64, 178, 37), run(12, 1, 1, 6), run(351), run(13, 4, 8, 1, 26), run(20));
        assertNull(ReadingOrderPlacement.place(runs, 3, 5, GROUPS_ADD_UP, false));
    }

    @Test
    void aCountOtherThanTheGridsPlacesNothing() {
        assertNull(ReadingOrderPlacement.place(List.of(run(1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)), 3, 5, GROUPS_ADD_UP, false));
        assertNull(ReadingOrderPlacement.place(List.of(run(1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), 3, 5,
                GROUPS_ADD_UP, false));
    }

    @Test
    void tooManyRunsAreNotTriedUnlessThePrintedOrderIsAllowed() {
        List<List<Cell>> runs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            runs.add(run(0));
        }
        assertNull(ReadingOrderPlacement.place(runs, 3, 5, GROUPS_ADD_UP, false));
        assertNotNull(ReadingOrderPlacement.place(runs, 3, 5, GROUPS_ADD_UP, true));
    }

    @Test
    void aBlockOfRowsWrittenColumnByColumnIsReadWhereRowByRowDoesNotAddUp() {
        // Rows (a, b, a + b): [2, 1, 3], then [4, 0, 4] and [1, 5, 6] written a column at a time, then [7, 6, 13].
        Predicate<BigDecimal[]> rowAddsUp = r -> r[0].add(r[1]).compareTo(r[2]) == 0;
        Predicate<BigDecimal[][]> columnTotals = v -> {
            for (int c = 0; c < 3; c++) {
                if (v[0][c].add(v[1][c]).add(v[2][c]).compareTo(v[3][c]) != 0) {
                    return false;
                }
            }
            return Arrays.stream(v).allMatch(rowAddsUp);
        };
        List<List<Cell>> runs = List.of(run(2, 1, 3, 4, 1, 0, 5, 4, 6), run(7, 6, 13));
        Cell[][] grid = ReadingOrderPlacement.placeRowsOrColumns(runs, 4, 3, columnTotals, rowAddsUp);
        assertNotNull(grid);
        assertEquals(List.of(4L, 0L, 4L), row(grid[1]));
        assertEquals(List.of(1L, 5L, 6L), row(grid[2]));
        assertNull(ReadingOrderPlacement.placeRowsOrColumns(List.of(run(2, 1, 3, 4, 1, 0, 5, 4, 6), run(7, 6, 14)), 4, 3,
                columnTotals, rowAddsUp), "nothing adds up: nothing is placed");
    }

    @Test
    void rowsWrittenAsALeftAndARightBandOfColumnsAreReadWhereNothingElseAddsUp() {
        // Rows (a, b, c, a + b + c): [2, 1, 0, 3], [4, 0, 1, 5], [1, 2, 2, 5] written as LibreOffice's PDFs come out of
        // pdftotext: the first two columns of every row, then the other two, their first two rows a column at a time;
        // then the column totals [7, 3, 3, 13] as a row.
        Predicate<BigDecimal[]> rowAddsUp = r -> r[0].add(r[1]).add(r[2]).compareTo(r[3]) == 0;
        Predicate<BigDecimal[][]> columnTotals = v -> {
            for (int c = 0; c < 4; c++) {
                if (v[0][c].add(v[1][c]).add(v[2][c]).compareTo(v[3][c]) != 0) {
                    return false;
                }
            }
            return Arrays.stream(v).allMatch(rowAddsUp);
        };
        List<List<Cell>> runs = List.of(run(2, 1), run(4, 0), run(1, 2), run(0, 1, 3, 5, 2, 5), run(7, 3, 3, 13));
        Cell[][] grid = ReadingOrderPlacement.placeRowsOrColumns(runs, 4, 4, columnTotals, rowAddsUp);
        assertNotNull(grid);
        assertEquals(List.of(2L, 1L, 0L, 3L), row(grid[0]));
        assertEquals(List.of(4L, 0L, 1L, 5L), row(grid[1]));
        assertEquals(List.of(1L, 2L, 2L, 5L), row(grid[2]));
        assertEquals(List.of(7L, 3L, 3L, 13L), row(grid[3]));
        // One value off: no reading, banded or not, adds up.
        assertNull(ReadingOrderPlacement.placeRowsOrColumns(
                List.of(run(2, 1), run(4, 0), run(1, 2), run(0, 1, 3, 5, 2, 5), run(7, 3, 3, 14)), 4, 4, columnTotals,
                rowAddsUp));
    }

    /** Cells as printed on lines: each array one line's numbers. */
    private static List<Cell> printed(long[]... lines) {
        List<Cell> out = new ArrayList<>();
        for (int l = 0; l < lines.length; l++) {
            for (long v : lines[l]) {
                out.add(new Cell(Cell.Kind.NUMBER, Long.toString(v), BigDecimal.valueOf(v), null, l + 1));
            }
        }
        return out;
    }

    private static long[] line(long... values) {
        return values;
    }

    @Test
    void numbersWrappedInNarrowCellsAreJoinedWhereTheIdentitiesProveIt() {
        // Rows (a, b, c, a + b + c): [7, 4, 1, 12], [3, 0, 2, 5] and their totals [10, 4, 3, 17], 12 printed 1 over 2
        // with the row's other values between (its first line above theirs), 17 as 1 ending the row's line over 7.
        Predicate<BigDecimal[]> rowAddsUp = r -> r[0].add(r[1]).add(r[2]).compareTo(r[3]) == 0;
        Predicate<BigDecimal[][]> columnTotals = v -> {
            for (int c = 0; c < 4; c++) {
                if (v[0][c].add(v[1][c]).compareTo(v[2][c]) != 0) {
                    return false;
                }
            }
            return Arrays.stream(v).allMatch(rowAddsUp);
        };
        List<Cell> values = printed(line(1), line(7, 4, 1), line(2), line(3, 0, 2, 5), line(10, 4, 3, 1), line(7));
        Cell[][] grid = ReadingOrderPlacement.placeAnyReading(List.of(List.of(values)), 3, 4, columnTotals, rowAddsUp);
        assertNotNull(grid);
        assertEquals(List.of(7L, 4L, 1L, 12L), row(grid[0]));
        assertEquals(List.of(3L, 0L, 2L, 5L), row(grid[1]));
        assertEquals(List.of(10L, 4L, 3L, 17L), row(grid[2]));
        assertEquals("12", grid[0][3].raw());

        // The totals one off: no joining adds up, so nothing is placed.
        List<Cell> off = printed(line(1), line(7, 4, 1), line(2), line(3, 0, 2, 5), line(10, 4, 3, 1), line(8));
        assertNull(ReadingOrderPlacement.placeAnyReading(List.of(List.of(off)), 3, 4, columnTotals, rowAddsUp));
        // A number starting with 0 is whole: 0 over 7 is no 07 (though [3, 4, 0, 7] would add up), nothing is placed.
        List<Cell> zero = printed(line(0), line(3, 4, 0), line(7), line(3, 0, 2, 5), line(6, 4, 2, 12));
        assertNull(ReadingOrderPlacement.placeAnyReading(List.of(List.of(zero)), 3, 4, columnTotals, rowAddsUp));
        // The rest of a wrapped number shares its line with another value: not a wrapped line, nothing is placed.
        List<Cell> shared = printed(line(1), line(7, 4, 1), line(2, 3), line(0, 2, 5), line(10, 4, 3, 1), line(7));
        assertNull(ReadingOrderPlacement.placeAnyReading(List.of(List.of(shared)), 3, 4, columnTotals, rowAddsUp));
    }

    @Test
    void aJoinThatAddsUpTwoWaysPlacesNothing() {
        // One row (a, b, a + b) printed 1 / 1 / 1 / 2: 11 + 1 = 12 and 1 + 11 = 12 both add up.
        Predicate<BigDecimal[]> rowAddsUp = r -> r[0].add(r[1]).compareTo(r[2]) == 0;
        Predicate<BigDecimal[][]> rows = v -> Arrays.stream(v).allMatch(rowAddsUp);
        List<Cell> values = printed(line(1), line(1), line(1), line(2));
        assertNull(ReadingOrderPlacement.placeAnyReading(List.of(List.of(values)), 1, 3, rows, rowAddsUp));
    }

    @Test
    void valueRunsTakeNumbersOnTheirOwnLinesAndAfterText() {
        List<Line> lines = Line.split("规章\n1\n0\n11\n行政规范性文件 8\n26 66\n（四）\n无\n法提供\n3");
        List<List<Cell>> runs = ReadingOrderPlacement.valueRuns(lines, 0, lines.size());
        assertNotNull(runs);
        assertEquals(List.of(3, 3, 1), runs.stream().map(List::size).toList(), "无 of 无法提供 written alone is text");
        List<List<Cell>> glued = ReadingOrderPlacement.valueRuns(Line.split("理 （二）0\n0 0 0 0 0 0\n属于第2\n3.其他"), 0, 4);
        assertEquals(List.of(7, 1), glued.stream().map(List::size).toList(), "a figure glued to a label's last line is a cell");
        List<List<Cell>> marked = ReadingOrderPlacement.valueRuns(Line.split("规章\n1\n/\n—\n11"), 0, 5);
        assertEquals(List.of(4), marked.stream().map(List::size).toList(), "a / or — is a token: it holds its cell's place");
        assertNull(marked.get(0).get(1).value(), "a mark places no number");
        List<List<Cell>> none = ReadingOrderPlacement.valueRuns(Line.split("规章\n1\n无\n11"), 0, 4,
                ReadingOrderPlacement.NoneWord.CELL_BESIDE_VALUES);
        assertEquals(List.of(3), none.stream().map(List::size).toList(), "无 beside values read as a cell, where asked");
        List<Line> label = Line.split("0\n申\n请\n人\n无\n正\n当\n0");
        assertEquals(List.of(1, 1), ReadingOrderPlacement.valueRuns(label, 0, label.size(),
                ReadingOrderPlacement.NoneWord.CELL_BESIDE_VALUES).stream().map(List::size).toList(), "无 between text is a label's");
        assertEquals(List.of(1, 1, 1), ReadingOrderPlacement.valueRuns(label, 0, label.size(),
                ReadingOrderPlacement.NoneWord.CELL).stream().map(List::size).toList());
    }

    // ---- round trips through the parser ----

    @Test
    void applicationsWrittenACellPerLineAreReadWhereTheIdentitiesHold() throws Exception {
        JsonNode expected = expected();
        Report report = new ReportTextParser().parse(withReadingOrderTables(expected, false, -1, -1));
        assertEquals(List.of(), unreadable(report));
        for (ApplicationRow r : ApplicationRow.rows(true)) {
            for (ApplicantColumn c : ApplicantColumn.values()) {
                assertEquals(expected.get(Report.APPLICATIONS).get(r.key()).get(c.key()).decimalValue(),
                        report.applications().get(r.key()).get(c.key()), r.key() + "." + c.key());
            }
        }
        for (ReviewGroup g : ReviewGroup.values()) {
            for (ReviewGroup.Column c : ReviewGroup.Column.values()) {
                assertEquals(expected.get(Report.REVIEWS_AND_LAWSUITS).get(g.key()).get(c.key()).decimalValue(),
                        report.reviewsAndLawsuits().get(g.key()).get(c.key()), g.key() + "." + c.key());
            }
        }
        assertNotNull(report.provenance().get("applications.granted.total").line(), "each value keeps the line it was printed on");
    }

    @Test
    void labelsWrittenACharacterPerLineAreReadToo() throws Exception {
        JsonNode expected = expected();
        Report report = new ReportTextParser().parse(withReadingOrderTables(expected, true, -1, -1));
        assertEquals(List.of(), unreadable(report));
        for (ApplicationRow r : ApplicationRow.rows(true)) {
            assertEquals(expected.get(Report.APPLICATIONS).get(r.key()).get("total").decimalValue(),
                    report.applications().get(r.key()).get("total"), r.key());
        }
    }

    @Test
    void aBlankCellLeavesTheTableUnreadableNotShifted() throws Exception {
        JsonNode expected = expected();
        // The zero of 上年结转's first column left blank: one value fewer, nothing can be placed.
        Report report = new ReportTextParser().parse(withReadingOrderTables(expected, false, 7, -1));
        assertTrue(unreadable(report).contains("applications.carriedOver.naturalPerson"), unreadable(report).toString());
        assertTrue(report.applications().values().stream().allMatch(row -> row.values().stream().allMatch(v -> v == null)));
        Report narrow = new ReportTextParser().parse(withReadingOrderTables(expected, true, 7, -1));
        assertTrue(unreadable(narrow).contains("applications.carriedOver.naturalPerson"),
                "a table whose labels are not found is said unreadable, not missing");
    }

    @Test
    void noValueMarksHoldTheirCellsPlace() throws Exception {
        JsonNode expected = expected();
        for (String mark : List.of("/", "—", "-", "无")) {
            for (boolean characterPerLine : new boolean[] {false, true}) {
                Report report = new ReportTextParser().parse(withReadingOrderTables(expected, characterPerLine, -1, -1, mark));
                String what = "zeros as " + mark + (characterPerLine ? ", labels a character per line" : "");
                assertEquals(List.of(), unreadable(report).stream().filter(p -> p.startsWith(Report.APPLICATIONS)).toList(), what);
                for (ApplicationRow r : ApplicationRow.rows(true)) {
                    for (ApplicantColumn c : ApplicantColumn.values()) {
                        BigDecimal printed = expected.get(Report.APPLICATIONS).get(r.key()).get(c.key()).decimalValue();
                        String path = "applications." + r.key() + "." + c.key();
                        BigDecimal read = report.applications().get(r.key()).get(c.key());
                        if (printed.signum() == 0) {
                            assertNull(read, what + ": " + path + " is a mark, no number");
                            assertEquals(mark, report.provenance().get(path).rawText(), what + ": " + path + " keeps its mark");
                        } else {
                            assertEquals(printed, read, what + ": " + path);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aMarkTooManyPlacesNothing() throws Exception {
        JsonNode expected = expected();
        // A stray "/" after 上年结转's first value: one token too many, so no grid of the template's size.
        String text = withReadingOrderTables(expected, false, -1, -1, "/");
        int at = text.indexOf("二、上年结转");
        Report report = new ReportTextParser().parse(text.substring(0, at) + "/\n" + text.substring(at));
        assertTrue(report.applications().values().stream().allMatch(row -> row.values().stream().allMatch(v -> v == null)));
        assertTrue(unreadable(report).contains("applications.granted.total"));
    }

    @Test
    void valuesThatDoNotAddUpArePlacedNowhere() throws Exception {
        JsonNode expected = expected();
        // One printed value off by one (a typo in the report, or a row the converter wrote elsewhere): R3 fails.
        Report report = new ReportTextParser().parse(withReadingOrderTables(expected, false, -1, 0));
        assertTrue(unreadable(report).contains("applications.newReceived.total"));
        assertTrue(report.applications().get("newReceived").values().stream().allMatch(v -> v == null));
    }

    /** The paths an UNREADABLE_TABLE finding names (DisclosureBlockPlacementTest asks too). */
    static List<String> unreadable(Report report) {
        List<String> out = new ArrayList<>();
        for (Finding f : report.extractionFindings()) {
            if (f.code().equals("UNREADABLE_TABLE")) {
                out.addAll(f.paths());
            }
        }
        return out;
    }

    private static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(ReportTextParserTest.SAMPLES.resolve(SEED + ".expected.json").toFile()).get("report");
    }

    /**
     * The seed's text with tables 三 and 四 as pdftotext writes them in reading order: the column header, then each row's
     * values a cell per line with its label after them (or, {@code characterPerLine}, every label a character per line, an item number with its dot: 1.),
     * table 四's numbers split by its header words (so that one order of the pieces adds up). {@code dropCell} leaves that cell (row-major index) blank,
     * {@code bumpCell} prints it one higher.
     */
    private static String withReadingOrderTables(JsonNode expected, boolean characterPerLine, int dropCell, int bumpCell)
            throws Exception {
        return withReadingOrderTables(expected, characterPerLine, dropCell, bumpCell, null);
    }

    /** Like the above, every zero of table 三 written {@code zeroAs} (a no-value mark) unless null. */
    private static String withReadingOrderTables(JsonNode expected, boolean characterPerLine, int dropCell, int bumpCell,
            String zeroAs) throws Exception {
        String text = ReportTextParserTest.text(SEED);
        int t3 = text.indexOf("三、收到和处理政府信息公开申请情况");
        int t5 = text.indexOf("五、存在的主要问题及改进情况");
        StringBuilder b = new StringBuilder("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n商业企业\n科研机构\n"
                + "社会公益组织\n法律服务机构\n其他\n总计\n");
        int k = 0;
        for (ApplicationRow r : ApplicationRow.rows(true)) {
            for (ApplicantColumn c : ApplicantColumn.values()) {
                long v = expected.get(Report.APPLICATIONS).get(r.key()).get(c.key()).longValue();
                if (k != dropCell) {
                    b.append(k == bumpCell ? v + 1 : v == 0 && zeroAs != null ? zeroAs : v).append("\n\n");
                }
                k++;
            }
            String label = r.label();
            b.append(characterPerLine ? String.join("\n", label.replace(" ", "").split("(?<!\\d)(?!$)")) : label).append("\n\n");
        }
        b.append("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n");
        Map<Integer, String> words = Map.of(0, "结果维持\n结果纠正", 10, "总计");
        int n = 0;
        for (ReviewGroup g : ReviewGroup.values()) {
            for (ReviewGroup.Column c : ReviewGroup.Column.values()) {
                b.append(expected.get(Report.REVIEWS_AND_LAWSUITS).get(g.key()).get(c.key()).longValue()).append('\n');
                if (words.containsKey(n)) {
                    b.append(words.get(n)).append('\n');
                }
                n++;
            }
        }
        return text.substring(0, t3) + b + text.substring(t5);
    }
}
