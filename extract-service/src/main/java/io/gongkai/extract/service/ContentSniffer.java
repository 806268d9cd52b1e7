package io.gongkai.extract.service;

/**
 * Tells the real type of a document from its first bytes, never from the client's Content-Type.
 * Plain text (any encoding) and HTML are read today; the other types are recognised so that the
 * document fails with a reason users understand rather than as garbled text.
 */
public final class ContentSniffer {

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PDF = "application/pdf";
    public static final String ZIP = "application/zip";
    public static final String OLE = "application/x-tika-msoffice";
    public static final String IMAGE = "image/*";
    public static final String BINARY = "application/octet-stream";

    private ContentSniffer() {
    }

    public static String sniff(byte[] bytes) {
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) { // %PDF
            return PDF;
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) { // DOCX and other OOXML are zip files
            return ZIP;
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) { // legacy DOC/XLS (OLE2)
            return OLE;
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47) || startsWith(bytes, 0xFF, 0xD8, 0xFF) || startsWith(bytes, 0x47, 0x49, 0x46)) {
            return IMAGE;
        }
        if (looksLikeHtml(bytes)) {
            return HTML;
        }
        return looksBinary(bytes) ? BINARY : TEXT;
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") || head.contains("<body");
    }

    /** Control bytes other than whitespace, in a text that is not UTF-16 (whose zero bytes are expected). */
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        int zeros = 0;
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                zeros++;
            } else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                controls++;
            }
        }
        boolean utf16 = zeros > n / 8 && zeros < n * 3 / 4;
        return !utf16 && (controls > n / 20 || zeros > 0);
    }
}
