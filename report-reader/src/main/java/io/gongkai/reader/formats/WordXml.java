package io.gongkai.reader.formats;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Word's single-file XML, the same WordprocessingML without the zip: Word 2003 XML ({@code <w:wordDocument>}, its own
 * namespace, "XML Document" in Word's Save As; still written by older OA systems) and flat OPC (Word 2007+'s
 * "Word XML Document", {@code <pkg:package>} holding {@code /word/document.xml}). Its body is walked by
 * {@link DocxReader} as a DOCX's is (the 2003 names differ only in case: {@code vmerge}, {@code hmerge}).
 */
final class WordXml {

    static final String W2003 = "http://schemas.microsoft.com/office/word/2003/wordml";
    static final String AUX = "http://schemas.microsoft.com/office/word/2003/auxHint";
    private static final String PKG = "http://schemas.microsoft.com/office/2006/xmlPackage";
    static final String NOT_WORD = "XML 文件不是 Word 文档（既非 Word 2003 XML，也非 Word XML 文档），无法读取。"
            + " The XML file is neither Word 2003 XML nor a Word XML document.";

    private WordXml() {
    }

    /** Whether the first 4 KB of an XML document name Word's XML namespaces or its processing instruction. */
    static boolean isWordXml(byte[] bytes) {
        return DocumentTypeDetector.startsWithXmlDeclaration(bytes) && (DocumentTypeDetector.contains(bytes, 4096, W2003)
                || DocumentTypeDetector.contains(bytes, 4096, "progid=\"Word.Document\"") || DocumentTypeDetector.contains(bytes, 4096, PKG));
    }

    static SourceText read(byte[] bytes) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // No DTDs, no external entities: the file is untrusted.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new UnreadableDocumentException(DocxReader.CORRUPT, e);
        }
        Element body = body(doc);
        if (body == null) {
            throw new UnreadableDocumentException(NOT_WORD);
        }
        StringBuilder out = new StringBuilder();
        List<LineOrigin> origins = new ArrayList<>();
        DocxReader.Walk walk = new DocxReader.Walk(out, origins, new int[] {0}, id -> null, new ArrayList<>());
        DocxReader.blocks(body, walk);
        return new SourceText(out.toString(), origins, null, walk.findings());
    }

    /** The w:body of a Word 2003 XML document, or of the main document part of a flat OPC package. */
    private static Element body(Document doc) {
        Element root = doc.getDocumentElement();
        if (root == null) {
            return null;
        }
        if (W2003.equals(root.getNamespaceURI()) && root.getLocalName().equals("wordDocument")) {
            return first(root, W2003, "body");
        }
        if (PKG.equals(root.getNamespaceURI()) && root.getLocalName().equals("package")) {
            NodeList parts = root.getElementsByTagNameNS(PKG, "part");
            for (int i = 0; i < parts.getLength(); i++) {
                Element part = (Element) parts.item(i);
                if ("/word/document.xml".equals(part.getAttributeNS(PKG, "name"))) {
                    return first(part, DocxReader.W, "body");
                }
            }
        }
        return null;
    }

    private static Element first(Node under, String ns, String local) {
        NodeList l = ((Element) under).getElementsByTagNameNS(ns, local);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }
}
