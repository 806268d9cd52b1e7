package io.gongkai.reader.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a Word (DOCX) file through POI XWPF: paragraphs line by line and each data table as a {@link GridTable},
 * with horizontal merges (gridSpan) and vertical merges (vMerge restart/continue) expanded; layout tables
 * around them only contribute their content.
 */
public final class DocxReader {

    static final String CORRUPT = "Word 文件已损坏或无法打开。 The Word file is damaged and cannot be read.";

    public SourceText read(byte[] bytes) {
        // Zip-bomb guard: refuse entries that inflate beyond 1:100 of their compressed size.
        ZipSecureFile.setMinInflateRatio(0.01);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            List<LineOrigin> origins = new ArrayList<>();
            read(doc.getBodyElements(), out, origins, new int[] {0});
            return new SourceText(out.toString(), origins, null, List.of());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(CORRUPT, e);
        }
    }

    /**
     * Paragraphs line by line, data tables as grids. A layout table (one with tables in its cells, as a web
     * page saved by an office suite keeps its page frame) only contributes its content, cell by cell.
     */
    private static void read(List<IBodyElement> elements, StringBuilder out, List<LineOrigin> origins, int[] tables) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph p) {
                for (String line : p.getText().split("\\R")) {
                    if (!line.isBlank()) {
                        out.append(line.replace('\t', ' ')).append('\n');
                        origins.add(LineOrigin.UNKNOWN);
                    }
                }
            } else if (element instanceof XWPFTable t) {
                if (isLayout(t)) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            read(cell.getBodyElements(), out, origins, tables);
                        }
                    }
                } else {
                    grid(t).writeLines(++tables[0], out, origins);
                }
            }
        }
    }

    private static boolean isLayout(XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                if (!cell.getTables().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static GridTable grid(XWPFTable table) {
        GridTable grid = new GridTable();
        List<XWPFTableRow> rows = table.getRows();
        for (int r = 0; r < rows.size(); r++) {
            for (XWPFTableCell cell : rows.get(r).getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int colSpan = 1;
                boolean continues = false;
                if (pr != null) {
                    if (pr.isSetGridSpan() && pr.getGridSpan().getVal() != null) {
                        colSpan = ((BigInteger) pr.getGridSpan().getVal()).intValue();
                    }
                    if (pr.isSetVMerge()) {
                        // <w:vMerge/> without val means "continue"; val="restart" starts the merged cell.
                        continues = pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE;
                    }
                }
                if (continues) {
                    grid.continueAbove(r, grid.nextFreeColumn(r), colSpan);
                } else {
                    grid.add(r, cellText(cell), 1, colSpan);
                }
            }
        }
        return grid;
    }

    /** Paragraphs inside a cell are wrapped label lines: joined without a gap. */
    private static String cellText(XWPFTableCell cell) {
        StringBuilder s = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            s.append(p.getText().strip());
        }
        return s.toString();
    }
}
