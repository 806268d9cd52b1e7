package io.gongkai.reader.formats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web page saved as one MIME file (MHTML: Word's and IE's "single file web page", often published as .doc or
 * .mht): MIME headers, then a multipart/related body whose text/html part is the page, usually quoted-printable in
 * GB2312. Only that part is read; images and style parts are left alone.
 */
final class Mhtml {

    /** The page's bytes as the part carried them, and the charset its header names (or null). */
    record Part(byte[] body, String charset) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary\\s*=\\s*\"?([^\";\\r\\n]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final int HEAD = 4096;

    private Mhtml() {
    }

    /** MIME headers at the start (MIME-Version and a multipart/related Content-Type before the first blank line). */
    static boolean isMhtml(byte[] bytes) {
        // Cheap refusal first (this runs on every document): MIME opens with a header name, letters up to a colon.
        int i = 0;
        while (i < bytes.length && (bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == ' ')) {
            i++;
        }
        int name = i;
        while (i < bytes.length && i - name < 64 && (Character.isLetterOrDigit(bytes[i]) || bytes[i] == '-')) {
            i++;
        }
        if (i == name || i >= bytes.length || bytes[i] != ':' || !Character.isLetter(bytes[name])) {
            return false;
        }
        String head = headers(new String(bytes, 0, Math.min(bytes.length, HEAD), StandardCharsets.ISO_8859_1));
        if (head == null) {
            return false;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.contains("mime-version:") && lower.contains("multipart/related");
    }

    /** The header block before the first blank line, or null when the text does not open with header lines. */
    private static String headers(String s) {
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '\r' || s.charAt(start) == '\n' || s.charAt(start) == ' ')) {
            start++;
        }
        int end = blankLine(s, start);
        if (end < 0) {
            return null;
        }
        String head = s.substring(start, end);
        // Every line a "Name: value" header or a folded continuation.
        for (String line : head.split("\\r?\\n")) {
            if (!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t' && !line.matches("[A-Za-z][A-Za-z0-9\\-]*:.*")) {
                return null;
            }
        }
        return head;
    }

    private static int blankLine(String s, int from) {
        int lf = s.indexOf("\n\n", from);
        int crlf = s.indexOf("\r\n\r\n", from);
        return lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf);
    }

    /** The first text/html part, decoded from its transfer encoding; null when there is none. */
    static Part htmlPart(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        String head = headers(all);
        Matcher b = head == null ? null : BOUNDARY.matcher(head);
        if (b == null || !b.find()) {
            return null;
        }
        String delimiter = "--" + b.group(1).strip();
        int at = all.indexOf(delimiter);
        while (at >= 0) {
            int partStart = all.indexOf('\n', at) + 1;
            if (partStart <= 0) {
                return null;
            }
            int next = all.indexOf(delimiter, partStart);
            String part = all.substring(partStart, next < 0 ? all.length() : next);
            int bodyAt = blankLine(part, 0);
            if (bodyAt >= 0) {
                String partHead = part.substring(0, bodyAt).toLowerCase(Locale.ROOT);
                if (partHead.contains("content-type:") && partHead.contains("text/html")) {
                    String body = part.substring(bodyAt).strip();
                    Matcher c = CHARSET.matcher(part.substring(0, bodyAt));
                    return new Part(decode(body, partHead), c.find() ? c.group(1) : null);
                }
            }
            at = next;
        }
        return null;
    }

    private static byte[] decode(String body, String partHead) {
        if (partHead.contains("quoted-printable")) {
            return quotedPrintable(body);
        }
        if (partHead.contains("base64")) {
            try {
                return Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] quotedPrintable(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '=') {
                if (i + 1 < s.length() && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
                    i += s.charAt(i + 1) == '\r' && i + 2 < s.length() && s.charAt(i + 2) == '\n' ? 2 : 1; // soft break
                    continue;
                }
                if (i + 2 < s.length()) {
                    int hi = Character.digit(s.charAt(i + 1), 16);
                    int lo = Character.digit(s.charAt(i + 2), 16);
                    if (hi >= 0 && lo >= 0) {
                        out.write(hi * 16 + lo);
                        i += 2;
                        continue;
                    }
                }
            }
            out.write(ch);
        }
        return out.toByteArray();
    }
}
