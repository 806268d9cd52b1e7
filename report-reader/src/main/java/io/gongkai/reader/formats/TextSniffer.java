package io.gongkai.reader.formats;

import io.gongkai.reader.parsing.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Byte-level hints for what Tika's magic numbers leave open: text in any encoding, HTML fragments and Markdown. */
final class TextSniffer {

    private TextSniffer() {
    }

    /**
     * TEXT (or MARKDOWN, with a pipe table) for text whose first character (after a BOM and white space) is not
     * ASCII and that has no control bytes, or is printable ASCII other than the first byte of a printable magic
     * number and has none at all; HTML for a page opening with "&lt;!doctype html", "&lt;html" or another HTML
     * element (a fragment as CMSs store content: "&lt;p style=…&gt;", "&lt;div&gt;", "&lt;table&gt;"); else null
     * (let Tika decide).
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
            return looksLikeText(bytes) ? textOrHtml(bytes) : null;
        }
        // Markdown-flavoured text ("# 2023年…") starts with ASCII. The printable-ASCII magic numbers are
        // %PDF, %!PS, {\rtf and <?xml/<svg; other formats put control bytes in their first 4 KB.
        if (bytes[i] >= 0x20 && bytes[i] < 0x7F && "<%{".indexOf(bytes[i]) < 0) {
            return noControlBytes(bytes) ? textOrHtml(bytes) : null;
        }
        if (bytes[i] == '<' && startsWithHtmlTag(bytes, i)) {
            return DocumentType.HTML;
        }
        return null;
    }

    /** HTML, MARKDOWN or TEXT for bytes known to be text. */
    static DocumentType textOrHtml(byte[] bytes) {
        if (looksLikeHtml(bytes)) {
            return DocumentType.HTML;
        }
        return hasTable(bytes) ? DocumentType.MARKDOWN : DocumentType.TEXT;
    }

    /** Elements that open a page or a fragment of one; "&lt;" followed by anything else is text ("&lt;10件"). */
    private static final String[] OPENING_ELEMENTS = {"!doctype html", "html", "head", "body", "meta", "title", "style",
        "p", "div", "span", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "font", "strong", "b",
        "center", "ul", "ol", "br", "img", "a", "!--"};
    /**
     * Elements whose closing tag marks text as HTML. Not the table's: converter Markdown writes tables with
     * merged cells as HTML blocks between its lines of text (and &lt;br&gt; in pipe cells).
     */
    private static final String[] CLOSED_ELEMENTS = {"p", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "li",
        "section", "font", "strong"};

    private static boolean startsWithHtmlTag(byte[] bytes, int at) {
        for (String name : OPENING_ELEMENTS) {
            if (isTagName(bytes, at + 1, name)) {
                return true;
            }
        }
        return false;
    }

    /** The element name {@code name} at {@code from}, ending the tag name (followed by space, "&gt;" or "/"). */
    private static boolean isTagName(byte[] bytes, int from, String name) {
        int end = Math.min(bytes.length, from + name.length() + 1);
        if (!startsWithIgnoreCase(bytes, from, end, name)) {
            return false;
        }
        if (name.startsWith("!")) {
            return true;
        }
        int next = from + name.length();
        if (next >= bytes.length) {
            return false;
        }
        byte b = bytes[next];
        return b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
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

    /**
     * A page ("&lt;html", "&lt;!doctype html" or "&lt;body" in the first 2 KB, after whatever a crawler put
     * before it), or a fragment: at least three HTML tags in the first 8 KB outside table blocks, of them two
     * closing tags of text elements ("&lt;/p&gt;", "&lt;/div&gt;"). Text that mentions "&lt;" or one tag is not
     * HTML; text whose only HTML is table blocks is Markdown.
     */
    static boolean looksLikeHtml(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int tags = 0;
        int closed = 0;
        int tableDepth = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] != '<') {
                continue;
            }
            if (i < 2048 && (isTagName(bytes, i + 1, "html") || isTagName(bytes, i + 1, "!doctype html")
                    || isTagName(bytes, i + 1, "body"))) {
                return true;
            }
            if (isTagName(bytes, i + 1, "table")) {
                tableDepth++;
            } else if (i + 1 < n && bytes[i + 1] == '/' && isTagName(bytes, i + 2, "table")) {
                tableDepth = Math.max(0, tableDepth - 1);
            } else if (tableDepth > 0) {
                continue; // the inside of a table block says nothing about the text around it
            } else if (i + 1 < n && bytes[i + 1] == '/') {
                for (String name : CLOSED_ELEMENTS) {
                    if (isTagName(bytes, i + 2, name)) {
                        closed++;
                        tags++;
                        break;
                    }
                }
            } else if (startsWithHtmlTag(bytes, i)) {
                tags++;
            }
            if (tags >= 3 && closed >= 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text has a pipe table (a line starting with "|" followed by a separator row "|---|---|") or
     * a line starting with "&lt;table" (an HTML table block). Read from the bytes: the marks are ASCII, and a
     * line's first byte is never the trail byte of a multi-byte character (UTF-8, GB18030).
     */
    static boolean hasTable(byte[] bytes) {
        int n = Math.min(bytes.length, 1 << 20);
        boolean previousIsRow = false;
        boolean previousIsBorder = false;
        int i = 0;
        while (i < n) {
            int end = i;
            while (end < n && bytes[end] != '\n') {
                end++;
            }
            int from = i;
            while (from < end && (bytes[from] == ' ' || bytes[from] == '\t')) {
                from++;
            }
            if (from < end && bytes[from] == '<' && isTagName(bytes, from + 1, "table")) {
                return true;
            }
            boolean row = from < end && bytes[from] == '|';
            if (row && previousIsRow && isSeparatorRow(bytes, from, end)) {
                return true;
            }
            if (row && previousIsBorder || isDashColumns(bytes, from, end) || isDroppedTable(bytes, from, end)) {
                return true; // a grid table (+---+ then | cells |) or a dash table's column line (---- ---- ----)
            }
            previousIsRow = row;
            previousIsBorder = from < end && bytes[from] == '+' && isBorder(bytes, from, end);
            i = end + 1;
        }
        return false;
    }

    /** pandoc's "[TABLE]" placeholder for a table it could not write as plain text. */
    private static boolean isDroppedTable(byte[] bytes, int from, int end) {
        while (end > from && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ')) {
            end--;
        }
        return end - from == 7 && startsWithIgnoreCase(bytes, from, end, "[table]");
    }

    /** A grid table's border line: "+", "-", "=", ":" only, two "+" at least. */
    private static boolean isBorder(byte[] bytes, int from, int end) {
        int plus = 0;
        int dashes = 0;
        for (int k = from; k < end; k++) {
            byte b = bytes[k];
            if (b == '+') {
                plus++;
            } else if (b == '-' || b == '=') {
                dashes++;
            } else if (b != ':' && b != '\r' && b != ' ') {
                return false;
            }
        }
        return plus >= 2 && dashes >= 2;
    }

    /** A line of two or more runs of three or more dashes between spaces, nothing else (pandoc's column line). */
    private static boolean isDashColumns(byte[] bytes, int from, int end) {
        int runs = 0;
        int run = 0;
        for (int k = from; k <= end; k++) {
            int b = k < end ? bytes[k] : ' ';
            if (b == '-') {
                run++;
            } else if (b == ' ' || b == '\t' || b == '\r') {
                if (run > 0 && run < 3) {
                    return false;
                }
                runs += run > 0 ? 1 : 0;
                run = 0;
            } else {
                return false;
            }
        }
        return runs >= 2;
    }

    private static boolean isSeparatorRow(byte[] bytes, int from, int end) {
        int dashes = 0;
        for (int k = from; k < end; k++) {
            byte b = bytes[k];
            if (b == '-') {
                dashes++;
            } else if (b != '|' && b != ':' && b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return dashes >= 2;
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
