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
        if (DocumentTypeDetector.startsWithXmlDeclaration(bytes)) {
            return WordXml.read(bytes); // Word's single-file XML (Word 2003 XML, flat OPC)
        }
        // Zip-bomb guard: refuse entries that inflate beyond 1:100 of their compressed size.
        ZipSecureFile.setMinInflateRatio(0.01);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            List<LineOrigin> origins = new ArrayList<>();
            Walk walk = new Walk(out, origins, new int[] {0}, id -> altChunk(doc, id), new ArrayList<>());
            blocks(doc.getDocument().getBody().getDomNode(), walk);
            return new SourceText(out.toString(), origins, null, walk.findings());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(CORRUPT, e);
        }
    }

    /** Where the walk writes, and how it reads an imported chunk (altChunk) by its relationship id. */
    record Walk(StringBuilder out, List<LineOrigin> origins, int[] tables,
            java.util.function.Function<String, SourceText> chunks, List<io.gongkai.model.Finding> findings) {
    }

    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** A chunk part larger than this is not read (Word imports pages, not archives). */
    private static final long MAX_CHUNK_BYTES = 20L << 20;

    /**
     * The text of an imported chunk ({@code w:altChunk}: a web page, text or another document that Word merges in
     * when it opens the file, and that only Word renders): an HTML or MHTML chunk read as a page, plain text as
     * text; any other kind (RTF, a Word file) null, for the caller to report.
     */
    private static SourceText altChunk(XWPFDocument doc, String id) {
        try {
            org.apache.poi.openxml4j.opc.PackagePart main = doc.getPackagePart();
            org.apache.poi.openxml4j.opc.PackageRelationship rel = main.getRelationship(id);
            if (rel == null) {
                return null;
            }
            org.apache.poi.openxml4j.opc.PackagePart part = main.getRelatedPart(rel);
            if (part == null || part.getSize() > MAX_CHUNK_BYTES) {
                return null;
            }
            String type = part.getContentType().toLowerCase(java.util.Locale.ROOT);
            byte[] bytes;
            try (java.io.InputStream in = part.getInputStream()) {
                bytes = in.readNBytes((int) MAX_CHUNK_BYTES);
            }
            if (type.contains("html") || type.equals("message/rfc822") || Mhtml.isMhtml(bytes)) {
                return new HtmlReader().read(bytes);
            }
            if (type.equals("text/plain")) {
                return new SourceText(new io.gongkai.reader.parsing.TextDecoder().decode(bytes).text(), List.of(), null, List.of());
            }
            return null;
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            return null;
        }
    }

    /** Appends an imported chunk's lines, its tables numbered after the document's. */
    private static void appendChunk(Element altChunk, Walk walk) {
        String id = altChunk.getAttributeNS(R, "id");
        SourceText chunk = id.isEmpty() ? null : walk.chunks().apply(id);
        if (chunk == null) {
            walk.findings().add(new io.gongkai.model.Finding("UNREADABLE_TABLE", io.gongkai.model.Severity.error, List.of(),
                    "Word 文件中有一段导入的内容（altChunk，RTF 或 Word 格式）无法读取，其中的表格数值留空，请用 Word 打开后另存为 DOCX 再提交。"
                    + " The Word file imports a chunk (altChunk) that is not HTML or text: its content is not read."));
            return;
        }
        String[] lines = chunk.text().split("\n", -1);
        int base = walk.tables()[0];
        int last = base;
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            walk.out().append(lines[i]).append('\n');
            LineOrigin o = chunk.origin(i + 1);
            if (o.table() != null) {
                o = new LineOrigin(o.page(), o.table() + base, o.row(), o.firstValueColumn(), o.valueColumns());
                last = Math.max(last, o.table());
            }
            walk.origins().add(o);
        }
        walk.tables()[0] = last;
        walk.findings().addAll(chunk.findings());
    }

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /**
     * Paragraphs line by line, data tables as grids, walking the WordprocessingML itself rather than POI's
     * model, which skips what Word and WPS wrap around blocks, rows and cells: content controls ({@code w:sdt})
     * and custom XML. A layout table (one with tables in its cells, as a web page saved by an office suite keeps
     * its page frame) only contributes its content, cell by cell.
     */
    static void blocks(Node container, Walk walk) {
        StringBuilder out = walk.out();
        List<LineOrigin> origins = walk.origins();
        int[] tables = walk.tables();
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (MC.equals(e.getNamespaceURI()) && !"Fallback".equals(e.getLocalName())) {
                blocks(e, walk); // alternate content: the first choice, never the fallback copy
                continue;
            }
            if (WordXml.AUX.equals(e.getNamespaceURI())) {
                blocks(e, walk); // Word 2003 XML's section wrappers (wx:sect, wx:sub-section)
                continue;
            }
            if (!isW(e)) {
                continue;
            }
            switch (e.getLocalName()) {
                case "p" -> paragraph(e, walk);
                case "tbl" -> {
                    if (isLayout(e)) {
                        for (Element cell : cells(e)) {
                            blocks(cell, walk);
                        }
                    } else {
                        grid(e).writeLines(++tables[0], out, origins);
                    }
                }
                case "altChunk" -> appendChunk(e, walk);
                case "sdt", "customXml", "sdtContent", "ins", "moveTo" -> blocks(content(e), walk);
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
            if (n instanceof Element c && isW(c) && c.getLocalName().equals(local)) {
                return c;
            }
        }
        return null;
    }

    /**
     * A paragraph's lines: the text of any text box anchored in it first (a title is often set in one), as
     * paragraphs of their own, then its own text, without text deleted under track changes.
     */
    private static void paragraph(Element p, Walk walk) {
        StringBuilder out = walk.out();
        List<LineOrigin> origins = walk.origins();
        StringBuilder text = new StringBuilder();
        List<Element> boxes = new ArrayList<>();
        text(p, text, boxes);
        for (Element box : boxes) {
            blocks(box, walk);
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
            if (W.equals(ns) || WordXml.W2003.equals(ns)) {
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
            if (cell.getElementsByTagNameNS(W, "tbl").getLength() > 0 || cell.getElementsByTagNameNS(WordXml.W2003, "tbl").getLength() > 0
                    || isRunningText(cell)) {
                return true;
            }
        }
        return false;
    }

    /** Characters from which a cell of several paragraphs is running text (as the lattice reader's box rule). */
    private static final int RUNNING_TEXT = 160;

    /**
     * Whether the cell holds running text rather than a label or a value: two or more paragraphs with text, of
     * {@value #RUNNING_TEXT} characters or more. A web page's one-cell frame saved by an office suite holds the whole
     * article; where no data table sits in it (tables published as pictures) it is a layout table all the same.
     */
    private static boolean isRunningText(Element cell) {
        org.w3c.dom.NodeList paragraphs = cell.getElementsByTagNameNS(W, "p");
        if (paragraphs.getLength() < 2) {
            return false;
        }
        int withText = 0;
        int chars = 0;
        for (int i = 0; i < paragraphs.getLength(); i++) {
            // w:t values one by one: the XMLBeans DOM behind POI has no getTextContent (DOM level 3)
            int n = 0;
            org.w3c.dom.NodeList runs = ((Element) paragraphs.item(i)).getElementsByTagNameNS(W, "t");
            for (int k = 0; k < runs.getLength(); k++) {
                Node value = runs.item(k).getFirstChild();
                n += value == null || value.getNodeValue() == null ? 0 : value.getNodeValue().strip().length();
            }
            withText += n > 0 ? 1 : 0;
            chars += n;
        }
        return withText >= 2 && chars >= RUNNING_TEXT;
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
            if (n instanceof Element e && isW(e)) {
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
        // LibreOffice's Word 2003 XML drops every vertical merge: a row under a merged cell then lists only its own
        // cells, fewer than the grid's columns, and they must be placed by the grid (RowPlacement), not from the left.
        // Only there: a DOCX row short of the grid is a ragged row, its cells printed from the left.
        int gridColumns = WordXml.W2003.equals(table.getNamespaceURI()) && markersDropped(table) ? gridColumns(table) : 0;
        RowPlacement placement = new RowPlacement(gridColumns);
        for (int r = 0; r < rows.size(); r++) {
            Element row = rows.get(r);
            // Rows that start right of the grid's first column (w:gridBefore) leave those columns empty.
            Element trPr = child(row, "trPr");
            int before = trPr == null ? 0 : intVal(child(trPr, "gridBefore"), 0);
            for (int i = 0; i < before; i++) {
                grid.add(r, "", 1, 1);
            }
            // Cells merged the legacy way (w:hMerge: restart, then continue) are one cell spanning their columns.
            List<Element> cells = cells(row);
            List<String> texts = new ArrayList<>();
            List<Integer> spans = new ArrayList<>();
            List<Boolean> continued = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                Element cell = cells.get(c);
                Element pr = child(cell, "tcPr");
                int colSpan = 1;
                boolean continues = false;
                if (pr != null) {
                    colSpan = Math.max(1, intVal(child(pr, "gridSpan"), 1));
                    Element vMerge = child(pr, "vMerge");
                    if (vMerge == null) {
                        vMerge = child(pr, "vmerge"); // Word 2003 XML spells it so
                    }
                    if (vMerge != null) {
                        // <w:vMerge/> without val means "continue"; val="restart" starts the merged cell.
                        String val = val(vMerge);
                        continues = val.isEmpty() || val.equals("continue");
                    }
                }
                while (c + 1 < cells.size() && isHorizontalContinuation(cells.get(c + 1))) {
                    Element next = child(cells.get(++c), "tcPr");
                    colSpan += Math.max(1, intVal(child(next, "gridSpan"), 1));
                }
                texts.add(continues ? "" : cellText(cell));
                spans.add(colSpan);
                continued.add(continues);
            }
            boolean gridAfter = trPr != null && child(trPr, "gridAfter") != null;
            if (before > 0 || gridAfter) {
                placement.forget(); // the row says itself where its cells stand
            }
            RowPlacement.Placed placed = before == 0 && !gridAfter ? placement.place(texts, spans) : null;
            if (placed != null) {
                for (int i = 0; i < placed.lead(); i++) {
                    grid.continueAbove(r, i, 1);
                }
                for (int i = 0; i < placed.texts().size(); i++) {
                    grid.add(r, placed.texts().get(i), 1, placed.spans().get(i));
                }
                for (int i = placed.end(); i < gridColumns; i++) {
                    grid.continueAbove(r, i, 1);
                }
                continue;
            }
            for (int i = 0; i < texts.size(); i++) {
                if (continued.get(i)) {
                    grid.continueAbove(r, grid.nextFreeColumn(r), spans.get(i));
                } else {
                    grid.add(r, texts.get(i), 1, spans.get(i));
                }
            }
        }
        return grid;
    }

    /** Whether the table has a grid but no vertical merge marker at all (as LibreOffice's Word 2003 XML writes it). */
    private static boolean markersDropped(Element table) {
        for (String ns : new String[] {W, WordXml.W2003}) {
            for (String local : new String[] {"vMerge", "vmerge"}) {
                if (table.getElementsByTagNameNS(ns, local).getLength() > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The number of columns the table's w:tblGrid declares, or 0. */
    private static int gridColumns(Element table) {
        Element tblGrid = child(table, "tblGrid");
        if (tblGrid == null) {
            return 0;
        }
        int n = 0;
        for (Node c = tblGrid.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && isW(e) && e.getLocalName().equals("gridCol")) {
                n++;
            }
        }
        return Math.min(n, GridTable.MAX_COLUMNS);
    }

    /** A cell continuing the one on its left by a legacy horizontal merge ({@code <w:hMerge/>}, no val or "continue"). */
    private static boolean isHorizontalContinuation(Element cell) {
        Element pr = child(cell, "tcPr");
        Element h = pr == null ? null : child(pr, "hMerge");
        if (h == null && pr != null) {
            h = child(pr, "hmerge");
        }
        if (h == null) {
            return false;
        }
        String val = val(h);
        return val.isEmpty() || val.equals("continue");
    }

    /** The w:val attribute, in the 2006 or the 2003 namespace. */
    private static String val(Element e) {
        String v = e.getAttributeNS(W, "val");
        return v.isEmpty() ? e.getAttributeNS(WordXml.W2003, "val") : v;
    }

    /** A WordprocessingML element: the 2006 namespace of DOCX, or Word 2003 XML's. */
    static boolean isW(Element e) {
        String ns = e.getNamespaceURI();
        return W.equals(ns) || WordXml.W2003.equals(ns);
    }

    private static int intVal(Element e, int otherwise) {
        if (e == null) {
            return otherwise;
        }
        try {
            return Math.min(GridTable.MAX_COLUMNS, Integer.parseInt(val(e).strip()));
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
            if (n instanceof Element e && isW(e)) {
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
