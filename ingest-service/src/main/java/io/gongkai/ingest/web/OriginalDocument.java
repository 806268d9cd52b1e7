package io.gongkai.ingest.web;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a stored original is handed back to a browser without ever running in the workbench's origin: PDF and plain
 * text inline with their own type; HTML inline but under a CSP sandbox (no scripts, an opaque origin, nothing loaded
 * from anywhere); everything else as a download. Always {@code nosniff}.
 */
public final class OriginalDocument {

    /** For HTML originals: no script, no plug-in, no network; inline styles and embedded images still show. */
    public static final String HTML_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
    /** For the other inline originals. */
    public static final String STRICT_POLICY = "sandbox; default-src 'none'";

    private OriginalDocument() {
    }

    public static boolean isPdf(String detected, String declared) {
        return "application/pdf".equals(base(detected != null ? detected : declared));
    }

    public static boolean isHtml(String detected, String declared) {
        String type = base(detected != null ? detected : declared);
        return "text/html".equals(type) || "application/xhtml+xml".equals(type);
    }

    public static boolean isText(String detected, String declared) {
        return "text/plain".equals(base(detected != null ? detected : declared));
    }

    /** The Content-Type to serve the original with. */
    public static String contentType(String detected, String declared, String encoding) {
        if (isPdf(detected, declared)) {
            return "application/pdf";
        }
        if (isHtml(detected, declared)) {
            return "text/html; charset=" + charset(encoding).name();
        }
        if (isText(detected, declared)) {
            return "text/plain; charset=" + charset(encoding).name();
        }
        return "application/octet-stream";
    }

    public static String contentSecurityPolicy(String detected, String declared) {
        if (isPdf(detected, declared)) {
            // Chromium's PDF viewer refuses to run in a sandboxed document; its viewer is isolated from our origin anyway.
            return "frame-ancestors 'self'";
        }
        return isHtml(detected, declared) ? HTML_POLICY : STRICT_POLICY;
    }

    public static String contentDisposition(String detected, String declared, String fileName, String documentId) {
        boolean inline = isPdf(detected, declared) || isHtml(detected, declared) || isText(detected, declared);
        String name = fileName == null || fileName.isBlank() ? documentId : fileName;
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The text encoding extract-service detected, or UTF-8 when it named none or one this JVM does not know. */
    public static Charset charset(String encoding) {
        if (encoding != null) {
            try {
                return Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                // fall through
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String base(String type) {
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
