package io.gongkai.reader.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells the real type of a document from its bytes with Tika's magic-number detection (tika-core), never
 * from the client's Content-Type or file name. Tika-core alone sees a DOCX as a zip and a DOC as an OLE2
 * container, so those two are told apart by their contents (word/document.xml, the WordDocument stream).
 * Tika's magic matching costs ~0.4 ms whatever the size, as much as parsing a report; so the two cases that
 * are certain without it — a PDF header, text without control bytes, and a page opening with &lt;!DOCTYPE html or
 * &lt;html — skip it (no magic number of another format starts that way).
 */
public final class DocumentTypeDetector {

    private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private final Detector detector = MimeTypes.getDefaultMimeTypes();

    public DocumentType detect(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return DocumentType.EMPTY;
        }
        if (startsWithPdfHeader(bytes)) {
            return DocumentType.PDF; // Tika's magic for PDF is this very header
        }
        if (Mhtml.isMhtml(bytes)) {
            return DocumentType.HTML; // a web page saved as one MIME file (.mht, or .doc from Word's "single file web page")
        }
        if (WordXml.isWordXml(bytes)) {
            return DocumentType.DOCX; // Word's single-file XML (Word 2003 XML, flat OPC): the same WordprocessingML
        }
        if (isPdfToXml(bytes)) {
            return DocumentType.HTML; // poppler's pdftohtml -xml: positioned text runs, read as its HTML output is
        }
        DocumentType obvious = TextSniffer.obviousTextOrHtml(bytes);
        if (obvious != null) {
            return obvious;
        }
        MediaType type;
        try (InputStream in = TikaInputStream.get(bytes)) {
            type = detector.detect(in, new Metadata());
        } catch (IOException e) {
            return DocumentType.BINARY;
        }
        String base = type.getBaseType().toString();
        if (base.equals("application/pdf")) {
            return DocumentType.PDF;
        }
        if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
            return DocumentType.HTML;
        }
        if (base.equals("application/zip") || type.equals(OOXML) || base.startsWith("application/vnd.openxmlformats")) {
            return isWordZip(bytes) ? DocumentType.DOCX : DocumentType.ARCHIVE;
        }
        if (type.equals(OLE2) || base.equals("application/msword")) {
            return isWordOle(bytes) ? DocumentType.DOC : DocumentType.OFFICE_OTHER;
        }
        if (type.getType().equals("image")) {
            return DocumentType.IMAGE;
        }
        if (type.getType().equals("text") || TextSniffer.looksLikeText(bytes)) {
            // Tika calls text in an encoding it cannot sniff (GB18030, UTF-16 without BOM) octet-stream.
            return TextSniffer.textOrHtml(bytes);
        }
        return DocumentType.BINARY;
    }

    /** An XML document whose root, in its first 1 KB, is poppler's {@code <pdf2xml>}. */
    static boolean isPdfToXml(byte[] bytes) {
        return startsWithXmlDeclaration(bytes) && contains(bytes, 1024, "<pdf2xml");
    }

    static boolean startsWithXmlDeclaration(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return bytes.length >= i + 5 && bytes[i] == '<' && bytes[i + 1] == '?' && bytes[i + 2] == 'x' && bytes[i + 3] == 'm' && bytes[i + 4] == 'l';
    }

    /** Whether the ASCII {@code word} occurs in the first {@code limit} bytes. */
    static boolean contains(byte[] bytes, int limit, String word) {
        int n = Math.min(bytes.length, limit) - word.length();
        outer:
        for (int i = 0; i <= n; i++) {
            for (int k = 0; k < word.length(); k++) {
                if (bytes[i + k] != word.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean startsWithPdfHeader(byte[] bytes) {
        return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-';
    }

    private static boolean isWordZip(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            int n = 0;
            while ((e = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
                if (e.getName().equals("word/document.xml")) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static boolean isWordOle(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry("WordDocument");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
