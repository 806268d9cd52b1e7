package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.reader.formats.PdfRulings.Ruling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lattice stages: rulings → grid (merged cells from missing rulings), characters → cells, pages → one table. */
class LatticeTest {

    private static Ruling h(float x0, float x1, float y) {
        return new Ruling(x0, y, x1, y);
    }

    private static Ruling v(float x, float y0, float y1) {
        return new Ruling(x, y0, x, y1);
    }

    /**
     * A 3×3 grid at x 0/100/200/300, y 0/20/40/60 where the ruling between the two left slots of the first
     * row is missing (a label across two columns) and the one between rows 2 and 3 of the first column too
     * (a group label over two rows). Borders drawn twice, 0.75 apart, as browsers draw one per cell.
     */
    private static List<Ruling> grid() {
        List<Ruling> r = new ArrayList<>();
        r.add(h(0, 300, 0));
        r.add(h(0, 300, 0.75f));
        r.add(h(0, 300, 20));
        r.add(h(100, 300, 40)); // missing under the first column: rows 2 and 3 merge there
        r.add(h(0, 300, 60));
        r.add(v(0, 0, 60));
        r.add(v(100, 20, 60)); // missing in row 1: the first two slots merge
        r.add(v(200, 0, 60));
        r.add(v(300, 0, 60));
        r.add(v(300.75f, 0, 60));
        return r;
    }

    @Test
    void rulingsBecomeAGridWithMergedCells() {
        List<Lattice.Table> tables = Lattice.tables(grid());
        assertEquals(1, tables.size());
        Lattice.Table t = tables.get(0);
        assertEquals(3, t.rows(), "double borders are one boundary");
        assertEquals(3, t.columns());
        List<String> cells = t.cells().stream()
                .map(c -> c.row() + "," + c.column() + " " + c.rowSpan() + "x" + c.colSpan()).toList();
        assertEquals(List.of("0,0 1x2", "0,2 1x1", "1,0 2x1", "1,1 1x1", "1,2 1x1", "2,1 1x1", "2,2 1x1"), cells);
    }

    @Test
    void aTableWithoutOuterBordersTakesItsEdgesFromItsRulings() {
        // Only the inner rulings: horizontals 0..300 at y 20 and 40, one vertical at x 100 from 0 to 60.
        List<Lattice.Table> tables = Lattice.tables(List.of(h(0, 300, 20), h(0, 300, 40), v(100, 0, 60)));
        assertEquals(1, tables.size());
        assertEquals(2, tables.get(0).columns());
        assertEquals(3, tables.get(0).rows());
    }

    @Test
    void aFrameOrAnUnderlineIsNoTable() {
        assertTrue(Lattice.tables(List.of(h(0, 300, 0), h(0, 300, 100), v(0, 0, 100), v(300, 0, 100))).isEmpty());
        assertTrue(Lattice.tables(List.of(h(0, 300, 10))).isEmpty());
    }

    private static List<Glyph> text(String s, float x, float baseline, float advance, int line) {
        List<Glyph> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            out.add(new Glyph(String.valueOf(s.charAt(i)), x + i * advance, baseline, 9, 9, line));
        }
        return out;
    }

    @Test
    void justifiedAndWrappedLabelsAreJoinedWhole() {
        // "1. 属 于 国 家 秘" justified over the cell's width, "密" on the next line.
        List<Glyph> glyphs = new ArrayList<>(text("1.属于国家秘", 2, 10, 14, 0));
        glyphs.addAll(text("密", 2, 22, 14, 1));
        assertEquals("1.属于国家秘密", CellText.join(glyphs));
        assertEquals("Word Office", CellText.join(text("Word Office", 2, 10, 9, 0).stream()
                .filter(g -> !g.text().isBlank()).toList()));
    }

    @Test
    void charactersGoToTheCellTheyArePrintedIn() {
        Lattice.Table t = Lattice.tables(grid()).get(0);
        List<Glyph> glyphs = new ArrayList<>(text("三、办理结果", 2, 34, 9, 1)); // the group label, row 2 of column 1
        glyphs.addAll(text("12", 210, 54, 5, 2)); // a number on the first line of row 3, last column
        List<PdfLatticeTables.PageTable> found = PdfLatticeTables.find(1, grid(), 3, glyphs);
        assertEquals(1, found.size());
        String[] texts = found.get(0).texts();
        assertEquals("三、办理结果", texts[t.cells().indexOf(new Lattice.Cell(1, 0, 2, 1, 0, 20, 100, 60))]);
        assertEquals("12", texts[t.cells().size() - 1]);
        assertEquals(2, found.get(0).lines().cardinality(), "the lines printed in the table are replaced by it");
    }

    @Test
    void aTableGoingOnOnTheNextPageIsStitchedWithoutItsRepeatedHeader() {
        List<Ruling> rulings = grid();
        List<Glyph> first = new ArrayList<>(text("项目", 2, 14, 9, 0));
        first.addAll(text("数量", 202, 14, 9, 0));
        first.addAll(text("甲", 2, 34, 9, 1));
        first.addAll(text("1", 210, 34, 5, 1));
        List<Glyph> second = new ArrayList<>(text("项目", 2, 14, 9, 0));
        second.addAll(text("数量", 202, 14, 9, 0));
        second.addAll(text("乙", 102, 54, 9, 1));
        second.addAll(text("2", 210, 54, 5, 1));
        PdfLatticeTables.Stitched table = new PdfLatticeTables.Stitched(PdfLatticeTables.find(3, rulings, 2, first).get(0));
        assertTrue(table.continueWith(PdfLatticeTables.find(4, rulings, 2, second).get(0)));
        StringBuilder out = new StringBuilder();
        List<LineOrigin> origins = new ArrayList<>();
        table.grid().writeLines(1, out, origins);
        String text = out.toString();
        assertEquals(1, text.split("项目", -1).length - 1, "the repeated header is dropped: " + text);
        assertTrue(text.contains("乙\t2"), text);
        assertEquals(4, table.pageOfRow(origins.get(origins.size() - 1).row() - 1), "the last row is on page 4");
        assertTrue(!new PdfLatticeTables.Stitched(PdfLatticeTables.find(3, rulings, 2, first).get(0))
                .continueWith(PdfLatticeTables.find(5, rulings, 2, second).get(0)), "only the next page continues a table");
    }

    @Test
    void aContinuationWithColumnsTheFirstPartOnlyGroupedTakesThemOver() {
        // Page 1 ends after the header's group row (行政复议 | 行政诉讼); page 2 draws the columns under the groups.
        List<Ruling> groups = List.of(h(0, 300, 0), h(0, 300, 20), v(0, 0, 20), v(100, 0, 20), v(300, 0, 20));
        List<Glyph> first = new ArrayList<>(text("行政复议", 2, 14, 9, 0));
        first.addAll(text("行政诉讼", 102, 14, 9, 0));
        List<Ruling> columns = List.of(h(0, 300, 0), h(0, 300, 20), h(0, 300, 40), v(0, 0, 40), v(100, 0, 40),
                v(200, 0, 40), v(300, 0, 40));
        List<Glyph> second = new ArrayList<>(text("总计", 2, 14, 9, 0));
        second.addAll(text("直接起诉", 102, 14, 9, 0));
        second.addAll(text("复议后起诉", 202, 14, 9, 0));
        second.addAll(text("1", 10, 34, 5, 1));
        second.addAll(text("2", 210, 34, 5, 1));
        PdfLatticeTables.Stitched table = new PdfLatticeTables.Stitched(PdfLatticeTables.find(1, groups, 1, first).get(0));
        assertTrue(table.continueWith(PdfLatticeTables.find(2, columns, 2, second).get(0)),
                "the continuation's columns divide the first part's");
        GridTable grid = table.grid();
        assertEquals(3, grid.rowCount());
        assertEquals("行政诉讼", grid.at(0, 1).text());
        assertTrue(grid.at(0, 1) == grid.at(0, 2), "the group cell spans the two columns under it");
        assertEquals(2, grid.at(0, 2).colSpan());
        assertEquals("直接起诉", grid.at(1, 1).text());
        String text = lines(table);
        assertTrue(text.contains("1\t \t2"), "the blank middle cell keeps its column: " + text);
        assertEquals(2, table.pageOfRow(2));
    }

    /** A two-column part of three rows: y 0/20/40/60, x 0/100/200. */
    private static List<Ruling> part() {
        return List.of(h(0, 200, 0), h(0, 200, 20), h(0, 200, 40), h(0, 200, 60), v(0, 0, 60), v(100, 0, 60), v(200, 0, 60));
    }

    @Test
    void aRowBrokenAcrossPagesIsJoinedToItsFirstPart() {
        List<Glyph> first = new ArrayList<>(text("项目", 2, 14, 9, 0));
        first.addAll(text("数量", 102, 14, 9, 0));
        first.addAll(text("甲", 2, 34, 9, 1));
        first.addAll(text("1", 110, 34, 5, 1));
        first.addAll(text("2.申请人逾期", 2, 54, 9, 2));
        first.addAll(text("5", 110, 54, 5, 2));
        // The label's last line is printed at the top of the next page, then the next row.
        List<Glyph> second = new ArrayList<>(text("未补正", 2, 14, 9, 0));
        second.addAll(text("3.其他", 2, 34, 9, 1));
        second.addAll(text("7", 110, 34, 5, 1));
        PdfLatticeTables.Stitched table = new PdfLatticeTables.Stitched(PdfLatticeTables.find(1, part(), 3, first).get(0));
        assertTrue(table.continueWith(PdfLatticeTables.find(2, part(), 3, second).get(0)));
        String text = lines(table);
        assertTrue(text.contains("2.申请人逾期未补正\t5"), text);
        assertTrue(text.contains("3.其他\t7"), text);

        // A row of its own left blank (its zero not printed) at the top of the next page stays a row.
        List<Glyph> blank = new ArrayList<>(text("3.其他", 2, 14, 9, 0));
        blank.addAll(text("4.总计", 2, 34, 9, 1));
        blank.addAll(text("5", 110, 34, 5, 1));
        PdfLatticeTables.Stitched kept = new PdfLatticeTables.Stitched(PdfLatticeTables.find(1, part(), 3, first).get(0));
        assertTrue(kept.continueWith(PdfLatticeTables.find(2, part(), 3, blank).get(0)));
        String keptText = lines(kept);
        assertTrue(keptText.contains("2.申请人逾期\t5"), keptText);
        assertTrue(keptText.contains("3.其他"), keptText);
    }

    @Test
    void aRowCutInsideItsLabelIsJoinedWhereItsGroupLabelIsCutWithIt() {
        // Columns: group 0-60, label 60-160, value 160-200. Page 1: header; （六）其他处 over rows 1 and 2 (no
        // ruling between them in the group column); the last row's label cut by the page break.
        List<Ruling> page1 = List.of(h(0, 200, 0), h(0, 200, 20), h(60, 200, 40), h(0, 200, 60), v(0, 0, 60),
                v(60, 0, 60), v(160, 0, 60), v(200, 0, 60));
        List<Glyph> first = new ArrayList<>(text("分组", 2, 14, 9, 0));
        first.addAll(text("项目", 62, 14, 9, 0));
        first.addAll(text("数量", 162, 14, 9, 0));
        first.addAll(text("（六）其他处", 2, 34, 9, 1));
        first.addAll(text("1.逾期", 62, 34, 9, 1));
        first.addAll(text("5", 170, 34, 5, 1));
        first.addAll(text("2.逾期未按", 62, 54, 9, 2));
        first.addAll(text("3", 170, 54, 5, 2));
        // Page 2: the rest of the group label over the cut row and the next (no ruling between them there).
        List<Ruling> page2 = List.of(h(0, 200, 0), h(60, 200, 20), h(0, 200, 40), v(0, 0, 40), v(60, 0, 40),
                v(160, 0, 40), v(200, 0, 40));
        for (String group : List.of("理", "（七）总计")) {
            List<Glyph> second = new ArrayList<>(text(group, 2, 14, 9, 0));
            second.addAll(text("收费", 62, 14, 9, 0));
            second.addAll(text("3.其他", 62, 34, 9, 1));
            second.addAll(text("7", 170, 34, 5, 1));
            PdfLatticeTables.Stitched table = new PdfLatticeTables.Stitched(PdfLatticeTables.find(1, page1, 3, first).get(0));
            assertTrue(table.continueWith(PdfLatticeTables.find(2, page2, 2, second).get(0)));
            String text = lines(table);
            assertTrue(text.contains("3.其他\t7"), text);
            if (group.equals("理")) {
                assertTrue(text.contains("2.逾期未按收费\t3"), text);
            } else {
                // A group cell that starts an item of its own: the row under it is a row, not the rest of one.
                assertTrue(text.contains("2.逾期未按\t3"), text);
            }
        }
    }

    @Test
    void aRowWhoseValueIsANoValueMarkAtTheTopOfTheNextPageStaysARow() {
        // 行政处罚 1048 closes page 1; 行政强制 with its value printed "—" (or 无) opens page 2. The mark is a value,
        // not the rest of a cut label: joining them gave "行政处罚行政强制 1048—" and lost 1048.
        for (String mark : List.of("—", "无", "/")) {
            List<Glyph> first = new ArrayList<>(text("信息内容", 2, 14, 9, 0));
            first.addAll(text("数量", 102, 14, 9, 0));
            first.addAll(text("行政许可", 2, 34, 9, 1));
            first.addAll(text("424", 110, 34, 5, 1));
            first.addAll(text("行政处罚", 2, 54, 9, 2));
            first.addAll(text("1048", 110, 54, 5, 2));
            List<Glyph> second = new ArrayList<>(text("行政强制", 2, 14, 9, 0));
            second.addAll(text(mark, 110, 14, 9, 0));
            second.addAll(text("行政事业性收费", 2, 34, 9, 1));
            second.addAll(text("4.2", 110, 34, 5, 1));
            PdfLatticeTables.Stitched table = new PdfLatticeTables.Stitched(PdfLatticeTables.find(1, part(), 3, first).get(0));
            assertTrue(table.continueWith(PdfLatticeTables.find(2, part(), 3, second).get(0)));
            String text = lines(table);
            assertTrue(text.contains("行政处罚\t1048"), mark + ": " + text);
            assertTrue(text.contains("行政强制\t" + mark), mark + ": " + text);
        }
    }

    @Test
    void partsWhoseFrameIsOneLineOnOnePageAndTwoOnTheNextAreStitched() {
        // The second page's scan finds the page frame 3 units left of the table's border as a line of its own.
        List<Ruling> second = new ArrayList<>(part());
        second.add(v(-3, 0, 60));
        second.add(h(-3, 200, 0));
        second.add(h(-3, 200, 60));
        List<Glyph> first = new ArrayList<>(text("甲", 2, 14, 9, 0));
        first.addAll(text("1", 110, 14, 5, 0));
        List<Glyph> next = new ArrayList<>(text("乙", 2, 14, 9, 0));
        next.addAll(text("2", 110, 14, 5, 0));
        PdfLatticeTables.PageTable part = PdfLatticeTables.find(2, second, 1, next).get(0);
        assertEquals(3, part.lattice().columns(), "a sliver column between frame and border");
        PdfLatticeTables.Stitched table = new PdfLatticeTables.Stitched(PdfLatticeTables.find(1, part(), 1, first).get(0));
        assertTrue(table.continueWith(part), "the sliver is no column of its own");
        String text = lines(table);
        assertTrue(text.contains("甲\t1") && text.contains("乙\t2"), text);
    }

    /**
     * A scanned table cut by a page break: the border between the group column and the item column runs on to the
     * page's margin (the merged cell goes on on the next page), with no line under it. It is a ruling, cut back to
     * the table's last line; the page frame's line beside the table, which meets the table's lines at two places
     * only, and a long stroke in the open are none.
     */
    @Test
    void aBorderThatAPageBreakLeavesOpenIsARulingUpToTheTablesLastLine() {
        int w = 1000;
        int h = 1200;
        boolean[] ink = new boolean[w * h];
        hLine(ink, w, 100, 100, 900);
        hLine(ink, w, 200, 100, 900);
        hLine(ink, w, 300, 300, 900); // rows of the item column; the group column x 100..300 spans them
        hLine(ink, w, 400, 300, 900); // the part's last line: the group cell goes on on the next page
        vLine(ink, w, 100, 100, 1100); // the left border into the margin
        vLine(ink, w, 300, 100, 1100); // the group column's border into the margin
        vLine(ink, w, 600, 100, 400);
        vLine(ink, w, 900, 100, 400);
        vLine(ink, w, 950, 450, 1000); // a long stroke in the open
        List<ImageRulings.Line> lines = ImageRulings.lines(ink, w, h, 300);
        ImageRulings.Line group = lines.stream().filter(l -> !l.horizontal() && Math.abs(l.lo() - 300) <= 2).findFirst()
                .orElseThrow(() -> new AssertionError("the group column's border is a ruling: " + lines));
        assertEquals(100, group.from(), 3);
        assertEquals(400, group.to(), 3, "cut back to the table's last line");
        assertTrue(lines.stream().noneMatch(l -> !l.horizontal() && Math.abs(l.lo() - 950) <= 2), "a stroke in the open");
        List<Lattice.Table> tables = Lattice.tables(ImageRulings.rulings(lines, 300));
        assertEquals(1, tables.size());
        Lattice.Table t = tables.get(0);
        assertEquals(3, t.rows(), "no row of its own for the margin");
        assertEquals(3, t.columns());
        assertTrue(t.cells().stream().anyMatch(c -> c.row() == 1 && c.column() == 0 && c.rowSpan() == 2 && c.colSpan() == 1),
                "the group cell spans the item rows: " + t.cells());
    }

    private static void hLine(boolean[] ink, int w, int y, int x0, int x1) {
        for (int t = 0; t < 3; t++) {
            for (int x = x0; x <= x1; x++) {
                ink[(y + t) * w + x] = true;
            }
        }
    }

    private static void vLine(boolean[] ink, int w, int x, int y0, int y1) {
        for (int t = 0; t < 3; t++) {
            for (int y = y0; y <= y1; y++) {
                ink[y * w + x + t] = true;
            }
        }
    }

    private static String lines(PdfLatticeTables.Stitched table) {
        StringBuilder out = new StringBuilder();
        table.grid().writeLines(1, out, new ArrayList<>());
        return out.toString();
    }

    @Test
    void theRulingsOfATurnedPageTurnWithIt() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
                    new org.apache.pdfbox.pdmodel.common.PDRectangle(595, 842));
            page.setRotation(90);
            doc.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                content.moveTo(100, 200);
                content.lineTo(300, 200); // stored horizontal: displayed vertical, 200 from the left
                content.stroke();
            }
            List<Ruling> rulings = PdfRulings.of(page);
            assertEquals(List.of(new Ruling(200, 100, 200, 300)), rulings);
        }
    }

    /** The reader takes a page's rulings from its text pass; they must be those the separate drawing pass reads. */
    @Test
    void theTextPassCollectsTheRulingsTheDrawingPassReads() throws Exception {
        List<byte[]> pdfs = new ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int rotation : new int[] {0, 90}) {
                org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
                        new org.apache.pdfbox.pdmodel.common.PDRectangle(595, 842));
                page.setRotation(rotation);
                doc.addPage(page);
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                    content.addRect(50, 500, 300, 100); // a stroked box: four rulings
                    content.stroke();
                    content.addRect(50, 450, 300, 1); // a thin fill: one ruling
                    content.fill();
                    content.setStrokingColor(java.awt.Color.WHITE); // white: no ruling
                    content.moveTo(50, 400);
                    content.lineTo(350, 400);
                    content.stroke();
                    content.setStrokingColor(java.awt.Color.BLACK);
                    content.saveGraphicsState();
                    content.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(10, 20));
                    content.moveTo(50, 300);
                    content.curveTo(60, 310, 70, 310, 80, 300);
                    content.lineTo(200, 300);
                    content.lineTo(200, 250);
                    content.closeAndStroke();
                    content.restoreGraphicsState();
                    content.moveTo(50, 200);
                    content.lineTo(350, 200);
                    content.lineTo(350, 199);
                    content.lineTo(50, 199);
                    content.closeAndFillAndStroke();
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            pdfs.add(out.toByteArray());
        }
        try (var files = java.nio.file.Files.list(ExpectedReport.CORPUS)) {
            for (java.nio.file.Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                pdfs.add(java.nio.file.Files.readAllBytes(pdf));
            }
        }
        int withRulings = 0;
        for (byte[] bytes : pdfs) {
            try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                PositionedTextStripper stripper = new PositionedTextStripper();
                for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                    stripper.page(pdf, page);
                    List<Ruling> drawn = PdfRulings.of(pdf.getPage(page - 1));
                    assertEquals(drawn, stripper.rulings(), "page " + page);
                    withRulings += drawn.isEmpty() ? 0 : 1;
                }
            }
        }
        assertTrue(withRulings >= 2, "pages with rulings: " + withRulings);
    }

    @Test
    void aBoxAroundRunningTextIsNoTable() {
        // A two-column table whose first row is one cell holding a paragraph of four lines.
        List<Ruling> r = List.of(h(0, 300, 0), h(0, 300, 80), h(0, 300, 100), v(0, 0, 100), v(300, 0, 100), v(150, 80, 100));
        List<Glyph> glyphs = new ArrayList<>();
        for (int line = 0; line < 4; line++) {
            glyphs.addAll(text("这是一段正文的文字", 2, 14 + line * 16, 9, line));
        }
        glyphs.addAll(text("甲", 2, 94, 9, 4));
        glyphs.addAll(text("3", 160, 94, 5, 4));
        List<PdfLatticeTables.PageTable> found = PdfLatticeTables.find(1, r, 5, glyphs);
        assertEquals(1, found.size());
        // A section heading across the table ends it: 二、… then the next table's rows.
        List<Glyph> headed = new ArrayList<>(text("二、主动公开", 2, 90, 9, 0));
        headed.addAll(text("甲", 2, 94 + 20, 9, 1));
        List<Ruling> two = List.of(h(0, 300, 80), h(0, 300, 100), h(0, 300, 120), v(0, 80, 120), v(300, 80, 120),
                v(150, 100, 120));
        List<PdfLatticeTables.PageTable> split = PdfLatticeTables.find(1, two, 2, headed);
        assertEquals(1, split.size());
        assertEquals(1, split.get(0).firstLine(), "the heading is text, the row under it a table");
        assertEquals(1, found.get(0).lattice().rows(), "only the row of cells is a table");
        assertEquals(2, found.get(0).lattice().columns());
        assertEquals(4, found.get(0).firstLine());
    }

    @Test
    void aCellReadingIsANumberOnlyWhenItIsOne() {
        assertEquals("0", ScannedPage.number("O"));
        assertEquals("12", ScannedPage.number("|12|"));
        assertEquals(null, ScannedPage.number("|"), "a border's remnant is no 1");
        assertEquals(null, ScannedPage.number("予以公开"));
        // Only readings without words are read again with digits alone: a label never turns into a number.
        assertTrue(ScannedPage.mayBeAFigure("，"));
        assertTrue(ScannedPage.mayBeAFigure(""));
        assertTrue(ScannedPage.mayBeAFigure("。|"));
        assertTrue(ScannedPage.mayBeAFigure("D"), "0 read as D");
        assertTrue(ScannedPage.mayBeAFigure("0四"), "a 0 with a stroke of its neighbour");
        assertTrue(!ScannedPage.mayBeAFigure("公开"));
        assertTrue(!ScannedPage.mayBeAFigure("人-"));
        assertTrue(!ScannedPage.mayBeAFigure("总计"));
        assertTrue(!ScannedPage.mayBeAFigure("…………"), "a long run of marks is no lone digit");
        // A cell of words keeps the page's reading where its own has more stray marks (总/计 on two narrow lines).
        assertEquals("总.计", ScannedPage.likelierText("总.计", "|7计"));
        assertEquals("子以公开", ScannedPage.likelierText("予以公", "子以公开"), "a tie: the cell's own");
    }

    @Test
    void aCellIsScaledSoItsTallestCharacterIsAFiguresBestSizeAndSpecksDoNotCount() {
        java.awt.image.BufferedImage cell = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = cell.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(90, 60, 8, 66); // a 1, 66 px tall
        g.fillRect(20, 10, 3, 3); // specks of dust, far from it
        g.fillRect(150, 180, 4, 4);
        g.dispose();
        java.awt.image.BufferedImage scaled = ScannedPage.toGlyphHeight(cell);
        assertEquals(200 * 22 / 66.0, scaled.getHeight(), 1.0, "the 1's height, not the specks' span, sets the scale");
        java.awt.image.BufferedImage blank = new java.awt.image.BufferedImage(50, 50, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D w = blank.createGraphics();
        w.setColor(java.awt.Color.WHITE);
        w.fillRect(0, 0, 50, 50);
        w.dispose();
        assertEquals(blank, ScannedPage.toGlyphHeight(blank), "nothing to measure: kept as is");
    }
}
