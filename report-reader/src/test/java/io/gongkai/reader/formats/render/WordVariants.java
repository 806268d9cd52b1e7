package io.gongkai.reader.formats.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The ways real Word files differ from {@link DocxRenderer}'s, each a rewrite of the POI-made file's
 * {@code word/document.xml} with the WordprocessingML that Word and WPS write: tracked changes (a value
 * corrected with the old one kept as a deletion), the title in a text box, cells inside content controls,
 * text cut into many runs with proofing marks and bookmarks, table 四 in a landscape section, table 三
 * continued in a second table after a page break, rows indented with gridBefore. Test code.
 */
public final class WordVariants {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String V = "urn:schemas-microsoft-com:vml";
    private static final Pattern NUMBER = Pattern.compile("^\\d+(\\.\\d+)?$");

    /** A named rewrite of document.xml. */
    public record Variant(String name, UnaryOperator<Document> rewrite) {
    }

    private WordVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                new Variant("tracked-changes", WordVariants::tracked),
                new Variant("title-in-text-box", WordVariants::textBox),
                new Variant("cells-in-content-controls", WordVariants::contentControls),
                new Variant("runs-per-character", WordVariants::runsPerCharacter),
                new Variant("landscape-table-4", WordVariants::landscape),
                new Variant("table-3-continued-after-page-break", WordVariants::continued),
                // Without content controls: LibreOffice drops the track changes of text inside them (the old and the
                // new figure both become plain text), so its conversions of that mix would print other numbers.
                new Variant("all-combined", d -> continued(landscape(runsPerCharacter(textBox(tracked(d)))))));
    }

    /** The file with {@code word/document.xml} rewritten. */
    public static byte[] apply(byte[] docx, UnaryOperator<Document> rewrite) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    bytes = write(rewrite.apply(parse(bytes)));
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static byte[] write(Document d) throws IOException {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static List<Element> all(Node root, String local) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(W, local) : ((Element) root).getElementsByTagNameNS(W, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static Element w(Document d, String local) {
        return d.createElementNS(W, "w:" + local);
    }

    private static Element run(Document d, String text, boolean deleted) {
        Element r = w(d, "r");
        Element t = w(d, deleted ? "delText" : "t");
        t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
        t.setTextContent(text);
        r.appendChild(t);
        return r;
    }

    private static String text(Element e) {
        StringBuilder b = new StringBuilder();
        for (Element t : all(e, "t")) {
            b.append(t.getTextContent());
        }
        return b.toString();
    }

    /** Top-level tables of the body, in order. */
    private static List<Element> tables(Document d) {
        List<Element> out = new ArrayList<>();
        for (Element t : all(d, "tbl")) {
            if (t.getParentNode() instanceof Element p && p.getLocalName().equals("body")) {
                out.add(t);
            }
        }
        return out;
    }

    private static int revision = 100;

    private static void mark(Element change) {
        change.setAttributeNS(W, "w:id", String.valueOf(revision++));
        change.setAttributeNS(W, "w:author", "审核人");
        change.setAttributeNS(W, "w:date", "2024-01-10T09:00:00Z");
    }

    /**
     * Every third number cell corrected under track changes: the old figure (one more) kept as a deletion and
     * the new one an insertion; a label gets an inserted word and a deleted one; one paragraph of the text a
     * deleted sentence.
     */
    static Document tracked(Document d) {
        int i = 0;
        for (Element tc : all(d, "tc")) {
            String text = text(tc);
            List<Element> runs = all(tc, "r");
            if (runs.size() != 1) {
                continue;
            }
            Element r = runs.get(0);
            Element p = (Element) r.getParentNode();
            if (NUMBER.matcher(text).matches() && i++ % 3 == 0) {
                Element del = w(d, "del");
                mark(del);
                del.appendChild(run(d, text.equals("0") ? "2" : text + "1", true));
                Element ins = w(d, "ins");
                mark(ins);
                p.insertBefore(del, r);
                p.insertBefore(ins, r);
                ins.appendChild(r);
            } else if (text.equals("行政许可")) {
                Element del = w(d, "del");
                mark(del);
                del.appendChild(run(d, "行政审批", true));
                Element ins = w(d, "ins");
                mark(ins);
                p.insertBefore(del, r);
                p.insertBefore(ins, r);
                ins.appendChild(r);
            }
        }
        for (Element p : all(d, "p")) {
            if (p.getParentNode() instanceof Element b && b.getLocalName().equals("body") && text(p).length() > 30) {
                Element del = w(d, "del");
                mark(del);
                del.appendChild(run(d, "本段已删除的旧表述，收到申请9999件。", true));
                p.appendChild(del);
                break;
            }
        }
        return d;
    }

    /** The title (the first paragraph) moved into a VML text box anchored in an otherwise empty paragraph. */
    static Document textBox(Document d) {
        Element first = all(d, "p").get(0);
        Element holder = w(d, "p");
        Element r = w(d, "r");
        Element pict = w(d, "pict");
        Element shape = d.createElementNS(V, "v:shape");
        shape.setAttribute("id", "TextBox1");
        shape.setAttribute("style", "position:absolute;margin-left:0;margin-top:0;width:420pt;height:40pt;z-index:1");
        Element box = d.createElementNS(V, "v:textbox");
        Element content = w(d, "txbxContent");
        first.getParentNode().insertBefore(holder, first);
        holder.appendChild(r);
        r.appendChild(pict);
        pict.appendChild(shape);
        shape.appendChild(box);
        box.appendChild(content);
        content.appendChild(first);
        return d;
    }

    /** Each value cell of the tables wrapped in a cell-level content control (w:sdt), as form templates have them. */
    static Document contentControls(Document d) {
        for (Element tc : all(d, "tc")) {
            if (!NUMBER.matcher(text(tc)).matches() && !text(tc).isEmpty()) {
                continue;
            }
            Element sdt = w(d, "sdt");
            Element pr = w(d, "sdtPr");
            Element tag = w(d, "tag");
            tag.setAttributeNS(W, "w:val", "value");
            pr.appendChild(tag);
            Element content = w(d, "sdtContent");
            sdt.appendChild(pr);
            sdt.appendChild(content);
            tc.getParentNode().insertBefore(sdt, tc);
            content.appendChild(tc);
        }
        return d;
    }

    /** Every character of every run in a run of its own, with proofing marks and a bookmark between some. */
    static Document runsPerCharacter(Document d) {
        int b = 0;
        for (Element r : all(d, "r")) {
            List<Element> ts = all(r, "t");
            if (ts.size() != 1 || !(r.getParentNode() instanceof Element p) || !p.getLocalName().equals("p")) {
                continue;
            }
            String text = ts.get(0).getTextContent();
            if (text.length() < 2) {
                continue;
            }
            for (int i = 0; i < text.length(); i++) {
                if (i == 1) {
                    Element proof = w(d, "proofErr");
                    proof.setAttributeNS(W, "w:type", "spellStart");
                    p.insertBefore(proof, r);
                    Element mark = w(d, "bookmarkStart");
                    mark.setAttributeNS(W, "w:id", String.valueOf(b));
                    mark.setAttributeNS(W, "w:name", "_Hlk" + (1000 + b));
                    p.insertBefore(mark, r);
                    Element end = w(d, "bookmarkEnd");
                    end.setAttributeNS(W, "w:id", String.valueOf(b++));
                    p.insertBefore(end, r);
                }
                p.insertBefore(run(d, text.substring(i, i + 1), false), r);
            }
            p.removeChild(r);
        }
        return d;
    }

    /** Table 四 (the last table) in a landscape section of its own, its heading with it. */
    static Document landscape(Document d) {
        List<Element> tables = tables(d);
        if (tables.isEmpty()) {
            return d;
        }
        Element table = tables.get(tables.size() - 1);
        Node heading = table.getPreviousSibling();
        // The paragraph before the heading closes the portrait section; the one after the table the landscape one.
        Element before = w(d, "p");
        before.appendChild(section(d, false));
        table.getParentNode().insertBefore(before, heading);
        Element after = w(d, "p");
        after.appendChild(section(d, true));
        table.getParentNode().insertBefore(after, table.getNextSibling());
        return d;
    }

    private static Element section(Document d, boolean landscape) {
        Element ppr = w(d, "pPr");
        Element sect = w(d, "sectPr");
        Element size = w(d, "pgSz");
        size.setAttributeNS(W, "w:w", landscape ? "16838" : "11906");
        size.setAttributeNS(W, "w:h", landscape ? "11906" : "16838");
        if (landscape) {
            size.setAttributeNS(W, "w:orient", "landscape");
        }
        sect.appendChild(size);
        ppr.appendChild(sect);
        return ppr;
    }

    /**
     * Table 三 (the second table) cut in two before its row （四）…: the rest in a second table after a
     * page-break paragraph, its header rows not repeated; the cut row's merged 三、本年度办理结果 cell restarted.
     */
    static Document continued(Document d) {
        List<Element> tables = tables(d);
        if (tables.size() < 3) {
            return d;
        }
        Element table = tables.get(1);
        List<Element> rows = new ArrayList<>();
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("tr")) {
                rows.add(e);
            }
        }
        int cut = -1;
        for (int r = 3; r < rows.size(); r++) {
            if (text(rows.get(r)).contains("（四）")) {
                cut = r;
                break;
            }
        }
        if (cut < 0) {
            return d;
        }
        Element second = (Element) table.cloneNode(false);
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !e.getLocalName().equals("tr")) {
                second.appendChild(e.cloneNode(true));
            }
        }
        for (int r = cut; r < rows.size(); r++) {
            second.appendChild(rows.get(r));
        }
        // The first cell of the cut row continues the merge from above: in the new table it restarts it, holding the label.
        Element firstCell = all(rows.get(cut), "tc").get(0);
        for (Element vm : all(firstCell, "vMerge")) {
            vm.setAttributeNS(W, "w:val", "restart");
            Element p = all(firstCell, "p").get(0);
            p.appendChild(run(d, "三、本年度办理结果", false));
        }
        Element pageBreak = w(d, "p");
        Element r = w(d, "r");
        Element br = w(d, "br");
        br.setAttributeNS(W, "w:type", "page");
        r.appendChild(br);
        pageBreak.appendChild(r);
        table.getParentNode().insertBefore(pageBreak, table.getNextSibling());
        table.getParentNode().insertBefore(second, pageBreak.getNextSibling());
        return d;
    }
}
