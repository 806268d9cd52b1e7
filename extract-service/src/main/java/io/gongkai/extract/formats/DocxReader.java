package io.gongkai.extract.formats;

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
 * Reads a Word (DOCX) file through POI XWPF: paragraphs line by line and each table as a {@link GridTable},
 * with horizontal merges (gridSpan) and vertical merges (vMerge restart/continue) expanded.
 */
public final class DocxReader {

    static final String CORRUPT = "Word 文件已损坏或无法打开。 The Word file is damaged and cannot be read.";

    public SourceText read(byte[] bytes) {
        // Zip-bomb guard: refuse entries that inflate beyond 1:100 of their compressed size.
        ZipSecureFile.setMinInflateRatio(0.01);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            List<LineOrigin> origins = new ArrayList<>();
            int tables = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    for (String line : p.getText().split("\\R")) {
                        if (!line.isBlank()) {
                            out.append(line.replace('\t', ' ')).append('\n');
                            origins.add(LineOrigin.UNKNOWN);
                        }
                    }
                } else if (element instanceof XWPFTable t) {
                    grid(t).writeLines(++tables, out, origins);
                }
            }
            return new SourceText(out.toString(), origins, null, List.of());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(CORRUPT, e);
        }
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
