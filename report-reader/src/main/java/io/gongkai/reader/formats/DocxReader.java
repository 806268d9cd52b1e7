package io.gongkai.reader.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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
            blocks(doc.getDocument().getBody().getDomNode(), out, origins, new int[] {0});
            return new SourceText(out.toString(), origins, null, List.of());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(CORRUPT, e);
        }
    }

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /**
     * Paragraphs line by line, data tables as grids, walking the WordprocessingML itself rather than POI's
     * model, which skips what Word and WPS wrap around blocks, rows and cells: content controls ({@code w:sdt})
     * and custom XML. A layout table (one with tables in its cells, as a web page saved by an office suite keeps
     * its page frame) only contributes its content, cell by cell.
     */
    private static void blocks(Node container, StringBuilder out, List<LineOrigin> origins, int[] tables) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (MC.equals(e.getNamespaceURI()) && !"Fallback".equals(e.getLocalName())) {
                blocks(e, out, origins, tables); // alternate content: the first choice, never the fallback copy
                continue;
            }
            if (!W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "p" -> paragraph(e, out, origins, tables);
                case "tbl" -> {
                    if (isLayout(e)) {
                        for (Element cell : cells(e)) {
                            blocks(cell, out, origins, tables);
                        }
                    } else {
                        grid(e).writeLines(++tables[0], out, origins);
                    }
                }
                case "sdt", "customXml", "sdtContent", "ins", "moveTo" -> blocks(content(e), out, origins, tables);
                default -> {
                    // sectPr, bookmarks, deleted blocks: no text of the report
                }
            }
        }
    }

    /** The element whose children are an sdt's content; any other wrapper is its own content. */
    private static Node content(Element e) {
        if (e.getLocalName().equals("sdt")) {
            Element c = child(e, "sdtContent");
            return c == null ? e.getOwnerDocument().createElementNS(W, "w:sdtContent") : c;
        }
        return e;
    }

    private static Element child(Element e, String local) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && W.equals(c.getNamespaceURI()) && c.getLocalName().equals(local)) {
                return c;
            }
        }
        return null;
    }

    /**
     * A paragraph's lines: the text of any text box anchored in it first (a title is often set in one), as
     * paragraphs of their own, then its own text, without text deleted under track changes.
     */
    private static void paragraph(Element p, StringBuilder out, List<LineOrigin> origins, int[] tables) {
        StringBuilder text = new StringBuilder();
        List<Element> boxes = new ArrayList<>();
        text(p, text, boxes);
        for (Element box : boxes) {
            blocks(box, out, origins, tables);
        }
        for (String line : text.toString().split("\\R")) {
            if (!line.isBlank()) {
                out.append(line.replace('\t', ' ')).append('\n');
                origins.add(LineOrigin.UNKNOWN);
            }
        }
    }

    /**
     * The text under {@code node} in document order: w:t, tabs as spaces, breaks as line breaks. Deleted and
     * moved-away text, field instructions and the fallback copy of alternate content are skipped; text boxes are
     * collected into {@code boxes} instead.
     */
    private static void text(Node node, StringBuilder out, List<Element> boxes) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String ns = e.getNamespaceURI();
            String local = e.getLocalName();
            if (MC.equals(ns)) {
                if (!local.equals("Fallback")) {
                    text(e, out, boxes);
                }
                continue;
            }
            if (W.equals(ns)) {
                switch (local) {
                    case "t" -> {
                        // XmlBeans' DOM has no getTextContent: the w:t's text nodes.
                        for (Node t = e.getFirstChild(); t != null; t = t.getNextSibling()) {
                            if (t.getNodeType() == Node.TEXT_NODE || t.getNodeType() == Node.CDATA_SECTION_NODE) {
                                out.append(t.getNodeValue());
                            }
                        }
                        continue;
                    }
                    case "tab", "ptab" -> {
                        out.append('\t');
                        continue;
                    }
                    case "br", "cr" -> {
                        out.append('\n');
                        continue;
                    }
                    case "noBreakHyphen" -> {
                        out.append('-');
                        continue;
                    }
                    case "txbxContent" -> {
                        boxes.add(e);
                        continue;
                    }
                    case "del", "moveFrom", "delText", "instrText", "rPr", "pPr", "sdtPr", "fldData" -> {
                        continue;
                    }
                    default -> {
                    }
                }
            }
            text(e, out, boxes);
        }
    }

    private static boolean isLayout(Element table) {
        for (Element cell : cells(table)) {
            if (cell.getElementsByTagNameNS(W, "tbl").getLength() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The table's rows (w:tr, also inside content controls and custom XML). */
    private static List<Element> rows(Element table) {
        List<Element> out = new ArrayList<>();
        collect(table, "tr", out);
        return out;
    }

    /** The row's cells (w:tc, also inside content controls and custom XML), or every cell of a table. */
    private static List<Element> cells(Element rowOrTable) {
        List<Element> out = new ArrayList<>();
        if (rowOrTable.getLocalName().equals("tbl")) {
            for (Element row : rows(rowOrTable)) {
                collect(row, "tc", out);
            }
        } else {
            collect(rowOrTable, "tc", out);
        }
        return out;
    }

    private static void collect(Element parent, String local, List<Element> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
                if (e.getLocalName().equals(local)) {
                    out.add(e);
                } else if (e.getLocalName().equals("sdt") || e.getLocalName().equals("customXml")
                        || e.getLocalName().equals("sdtContent")) {
                    collect(e, local, out);
                }
            }
        }
    }

    private static GridTable grid(Element table) {
        GridTable grid = new GridTable();
        List<Element> rows = rows(table);
        for (int r = 0; r < rows.size(); r++) {
            Element row = rows.get(r);
            // Rows that start right of the grid's first column (w:gridBefore) leave those columns empty.
            Element trPr = child(row, "trPr");
            int before = trPr == null ? 0 : intVal(child(trPr, "gridBefore"), 0);
            for (int i = 0; i < before; i++) {
                grid.add(r, "", 1, 1);
            }
            for (Element cell : cells(row)) {
                Element pr = child(cell, "tcPr");
                int colSpan = 1;
                boolean continues = false;
                if (pr != null) {
                    colSpan = Math.max(1, intVal(child(pr, "gridSpan"), 1));
                    Element vMerge = child(pr, "vMerge");
                    if (vMerge != null) {
                        // <w:vMerge/> without val means "continue"; val="restart" starts the merged cell.
                        String val = vMerge.getAttributeNS(W, "val");
                        continues = val.isEmpty() || val.equals("continue");
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

    private static int intVal(Element e, int otherwise) {
        if (e == null) {
            return otherwise;
        }
        try {
            return Math.min(GridTable.MAX_COLUMNS, Integer.parseInt(e.getAttributeNS(W, "val").strip()));
        } catch (NumberFormatException ex) {
            return otherwise;
        }
    }

    /** Paragraphs inside a cell are wrapped label lines: joined without a gap. */
    private static String cellText(Element cell) {
        StringBuilder s = new StringBuilder();
        List<Element> paragraphs = new ArrayList<>();
        collectParagraphs(cell, paragraphs);
        for (Element p : paragraphs) {
            StringBuilder text = new StringBuilder();
            List<Element> boxes = new ArrayList<>();
            text(p, text, boxes);
            s.append(text.toString().replace('\u00a0', ' ').strip());
        }
        // A cell holding only no-break spaces (an editor's "empty" cell) is blank.
        return s.toString();
    }

    private static void collectParagraphs(Element parent, List<Element> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
                switch (e.getLocalName()) {
                    case "p" -> out.add(e);
                    case "sdt", "sdtContent", "customXml" -> collectParagraphs(e, out);
                    default -> {
                    }
                }
            }
        }
    }
}
