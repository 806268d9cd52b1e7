package io.gongkai.extract.formats;

import io.gongkai.extract.parsing.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Byte-level hints for what Tika's magic numbers leave open: text in any encoding, and HTML fragments. */
final class TextSniffer {

    private TextSniffer() {
    }

    /**
     * TEXT for text whose first character (after a BOM and white space) is not ASCII and that has no control
     * bytes, or is printable ASCII other than the first byte of a printable magic number and has none at all;
     * HTML for a page opening with "&lt;!doctype html" or "&lt;html"; else null (let Tika decide).
     */
    static DocumentType obviousTextOrHtml(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        if (i >= bytes.length) {
            return null;
        }
        if ((bytes[i] & 0xFF) >= 0x80) {
            return looksLikeText(bytes) && !looksLikeHtml(bytes) ? DocumentType.TEXT : null;
        }
        // Markdown-flavoured text ("# 2023年…") starts with ASCII. The printable-ASCII magic numbers are
        // %PDF, %!PS, {\rtf and <?xml/<svg; other formats put control bytes in their first 4 KB.
        if (bytes[i] >= 0x20 && bytes[i] < 0x7F && "<%{".indexOf(bytes[i]) < 0) {
            return noControlBytes(bytes) && !looksLikeHtml(bytes) ? DocumentType.TEXT : null;
        }
        if (bytes[i] == '<') {
            String head = new String(bytes, i, Math.min(bytes.length - i, 15), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
                return DocumentType.HTML;
            }
        }
        return null;
    }

    private static boolean noControlBytes(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) {
                return false;
            }
        }
        return true;
    }

    static boolean looksLikeHtml(byte[] bytes) {
        int n = Math.min(bytes.length, 2048);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == '<' && (startsWithIgnoreCase(bytes, i + 1, n, "html") || startsWithIgnoreCase(bytes, i + 1, n, "!doctype html")
                    || startsWithIgnoreCase(bytes, i + 1, n, "table") || startsWithIgnoreCase(bytes, i + 1, n, "body"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII {@code word} (lower case) is at {@code from}, ignoring ASCII case, before {@code end}. */
    private static boolean startsWithIgnoreCase(byte[] bytes, int from, int end, String word) {
        if (from + word.length() > end) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            int b = bytes[from + k];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** No control bytes other than whitespace; or zero bytes that {@link TextDecoder} finds to be UTF-16 text. */
    static boolean looksLikeText(byte[] bytes) {
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
        if (zeros == 0) {
            return controls <= n / 20;
        }
        byte[] sample = Arrays.copyOf(bytes, Math.min(bytes.length, 8192) & ~1);
        return new TextDecoder().decode(sample).encoding().startsWith("UTF-16");
    }
}
