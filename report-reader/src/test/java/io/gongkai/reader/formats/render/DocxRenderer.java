package io.gongkai.reader.formats.render;

import io.gongkai.reader.formats.render.RenderedReport.Block;
import io.gongkai.reader.formats.render.RenderedReport.Paragraph;
import io.gongkai.reader.formats.render.RenderedReport.Table;
import io.gongkai.reader.formats.render.RenderedReport.TableCell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Writes a report as a Word file: paragraphs and tables whose merged cells are real Word merges
 * (gridSpan across columns, vMerge restart/continue down rows), as the template's DOCX has them.
 */
public final class DocxRenderer {

    private DocxRenderer() {
    }

    public static byte[] render(RenderedReport report) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block b : report.blocks()) {
                if (b instanceof Paragraph p) {
                    doc.createParagraph().createRun().setText(p.text());
                } else if (b instanceof Table t) {
                    table(doc, t);
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void table(XWPFDocument doc, Table t) {
        int width = t.columns();
        int height = t.rows().size();
        // Which grid slots are covered by a span from above: those rows get a vMerge-continue cell there.
        TableCell[][] owner = new TableCell[height][width];
        boolean[][] start = new boolean[height][width];
        for (int r = 0; r < height; r++) {
            int c = 0;
            for (TableCell cell : t.rows().get(r)) {
                while (c < width && owner[r][c] != null) {
                    c++;
                }
                for (int rr = r; rr < Math.min(height, r + cell.rowSpan()); rr++) {
                    for (int cc = c; cc < Math.min(width, c + cell.colSpan()); cc++) {
                        owner[rr][cc] = cell;
                    }
                }
                start[r][c] = true;
                c += cell.colSpan();
            }
        }
        XWPFTable table = doc.createTable();
        // The column grid Word writes: without it other office suites lay merged cells out on their own guess.
        long[] twips = new long[width];
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int c = 0; c < width; c++) {
            twips[c] = Math.round(9000 * t.columnWidths()[c]);
            grid.addNewGridCol().setW(BigInteger.valueOf(twips[c]));
        }
        for (int r = 0; r < height; r++) {
            XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
            while (row.getTableCells().size() > 0) {
                row.removeCell(0);
            }
            int c = 0;
            while (c < width) {
                TableCell cell = owner[r][c];
                if (cell == null) {
                    c++;
                    continue;
                }
                XWPFTableCell x = row.addNewTableCell();
                CTTcPr pr = x.getCTTc().isSetTcPr() ? x.getCTTc().getTcPr() : x.getCTTc().addNewTcPr();
                if (cell.colSpan() > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(cell.colSpan()));
                }
                long w = 0;
                for (int cc = c; cc < Math.min(width, c + cell.colSpan()); cc++) {
                    w += twips[cc];
                }
                pr.addNewTcW().setW(BigInteger.valueOf(w));
                pr.getTcW().setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
                if (cell.rowSpan() > 1) {
                    pr.addNewVMerge().setVal(start[r][c] ? STMerge.RESTART : STMerge.CONTINUE);
                }
                if (x.getParagraphs().isEmpty()) {
                    x.addParagraph();
                }
                if (start[r][c]) {
                    // Long labels as several paragraphs, the way wrapped cells are often typed.
                    List<String> parts = split(cell.text());
                    x.getParagraphs().get(0).createRun().setText(parts.get(0));
                    for (int i = 1; i < parts.size(); i++) {
                        x.addParagraph().createRun().setText(parts.get(i));
                    }
                }
                c += cell.colSpan();
            }
        }
    }

    /** A text broken into lines: a paragraph per line; else long labels in two paragraphs. */
    private static List<String> split(String s) {
        if (s.indexOf('\n') >= 0) {
            return List.of(s.split("\n"));
        }
        if (s.length() <= 16) {
            return List.of(s);
        }
        return List.of(s.substring(0, 16), s.substring(16));
    }
}
