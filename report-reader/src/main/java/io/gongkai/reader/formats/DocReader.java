package io.gongkai.reader.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * Reads a legacy Word (DOC) file through POI HWPF: paragraphs line by line and each table row by row
 * (cells of a vertical merge after the first are blank in DOC, so the label is printed once, as in DOCX).
 */
public final class DocReader {

    static final String CORRUPT = "Word（DOC）文件已损坏或已加密，无法读取。 The DOC file is damaged or encrypted and cannot be read.";

    public SourceText read(byte[] bytes) {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            Range range = doc.getRange();
            StringBuilder out = new StringBuilder();
            List<LineOrigin> origins = new ArrayList<>();
            // Text boxes live in a story of their own; they are written where the first drawn object is anchored
            // (a title set in a text box stays above the body), else first.
            List<String> boxes = textBoxLines(doc);
            int tables = 0;
            int i = 0;
            while (i < range.numParagraphs()) {
                Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    Table table = range.getTable(p);
                    tables = table(range, table, out, origins, tables);
                    i += table.numParagraphs();
                    continue;
                }
                if (!boxes.isEmpty() && p.text().indexOf('\u0008') >= 0) {
                    writeLines(boxes, out, origins);
                    boxes = List.of();
                }
                writeLines(List.of(clean(visibleText(p)).split("\n")), out, origins);
                i++;
            }
            if (!boxes.isEmpty()) {
                StringBuilder first = new StringBuilder();
                List<LineOrigin> firstOrigins = new ArrayList<>();
                writeLines(boxes, first, firstOrigins);
                out.insert(0, first);
                origins.addAll(0, firstOrigins);
            }
            return new SourceText(out.toString(), origins, null, List.of());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(CORRUPT, e);
        }
    }

    /**
     * A table as a grid; a frame (a web page's layout table saved as Word: tables inside it, or running text in a
     * cell) only gives its content: its paragraphs as lines, each table inside it as a table of its own.
     * Returns the number of tables written so far.
     */
    private static int table(Range range, Table table, StringBuilder out, List<LineOrigin> origins, int tables) {
        int level = Integer.MAX_VALUE;
        boolean nested = false;
        for (int k = 0; k < table.numParagraphs(); k++) {
            level = Math.min(level, table.getParagraph(k).getTableLevel());
        }
        for (int k = 0; k < table.numParagraphs() && !nested; k++) {
            nested = table.getParagraph(k).getTableLevel() > level;
        }
        if (!nested && !isRunningText(table)) {
            grid(table).writeLines(++tables, out, origins);
            return tables;
        }
        int k = 0;
        while (k < table.numParagraphs()) {
            Paragraph q = table.getParagraph(k);
            if (q.getTableLevel() > level) {
                Table inner = table.getTable(q);
                tables = table(range, inner, out, origins, tables);
                k += Math.max(1, inner.numParagraphs());
            } else {
                writeLines(List.of(clean(visibleText(q)).split("\n")), out, origins);
                k++;
            }
        }
        return tables;
    }

    /** Characters from which a cell of several paragraphs is running text (as the lattice reader's box rule). */
    private static final int RUNNING_TEXT = 160;

    /** Whether a cell of the table holds two or more paragraphs with text of {@value #RUNNING_TEXT} characters or more. */
    private static boolean isRunningText(Table table) {
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                if (cell.numParagraphs() < 2) {
                    continue;
                }
                int withText = 0;
                int chars = 0;
                for (int k = 0; k < cell.numParagraphs(); k++) {
                    int n = clean(cell.getParagraph(k).text()).length();
                    withText += n > 0 ? 1 : 0;
                    chars += n;
                }
                if (withText >= 2 && chars >= RUNNING_TEXT) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The table's grid. DOC has no column grid of its own: each row lists its cells with their edges, and a
     * cell merged across columns is simply a wider cell. The grid's columns are every edge any row has, so
     * that a wide cell spans the columns it covers and the values of every row line up under their header.
     */
    private static GridTable grid(Table table) {
        java.util.TreeSet<Integer> edges = new java.util.TreeSet<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                edges.add(cell.getLeftEdge());
                edges.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<Integer> columns = new ArrayList<>(edges);
        GridTable grid = new GridTable();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int left = columns.indexOf(cell.getLeftEdge());
                int span = Math.max(1, columns.indexOf(cell.getLeftEdge() + cell.getWidth()) - left);
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()) {
                    grid.continueAbove(r, left, span);
                } else {
                    grid.add(r, clean(visibleText(cell)), 1, span);
                }
            }
        }
        return grid;
    }

    private static void writeLines(List<String> lines, StringBuilder out, List<LineOrigin> origins) {
        for (String line : lines) {
            if (!line.isBlank()) {
                out.append(line).append('\n');
                origins.add(LineOrigin.UNKNOWN);
            }
        }
    }

    /** The lines of the document's text boxes, or none. */
    private static List<String> textBoxLines(HWPFDocument doc) {
        try {
            Range boxes = doc.getMainTextboxRange();
            if (boxes == null || boxes.text().isBlank()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < boxes.numParagraphs(); i++) {
                out.addAll(List.of(clean(visibleText(boxes.getParagraph(i))).split("\n")));
            }
            return out;
        } catch (RuntimeException e) {
            return List.of(); // a damaged text box story: the body is still read
        }
    }

    /**
     * The range's text without what track changes deleted (DOC keeps deleted text in the stream, marked) and
     * without field instructions (between the field's begin and separator marks: {@code HYPERLINK "…"}, {@code PAGE}).
     */
    private static String visibleText(Range range) {
        StringBuilder b = new StringBuilder();
        int fieldDepth = 0;
        boolean[] inCode = new boolean[64];
        for (int i = 0; i < range.numCharacterRuns(); i++) {
            CharacterRun run = range.getCharacterRun(i);
            if (run.isMarkedDeleted()) {
                continue;
            }
            String t = run.text();
            for (int k = 0; k < t.length(); k++) {
                char ch = t.charAt(k);
                if (ch == '\u0013') {
                    fieldDepth = Math.min(fieldDepth + 1, inCode.length - 1);
                    inCode[fieldDepth] = true;
                } else if (ch == '\u0014' && fieldDepth > 0) {
                    inCode[fieldDepth] = false;
                } else if (ch == '\u0015' && fieldDepth > 0) {
                    inCode[fieldDepth] = false;
                    fieldDepth--;
                } else if (fieldDepth == 0 || !inCode[fieldDepth]) {
                    b.append(ch);
                }
            }
        }
        return b.toString();
    }

    /** Drops Word's cell and paragraph marks and field codes' control characters. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '\u00a0') {
                b.append(' '); // no-break spaces pad cells; a cell of them alone is blank
            } else if (ch >= ' ' || ch == '\n') {
                b.append(ch);
            } else if (ch == '\r' || ch == '\u000b') {
                b.append('\n');
            }
        }
        return b.toString().strip();
    }
}
