package io.gongkai.ingest.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a submitted file is called, from whatever the client said: a header, a form part's file name or a zip entry's
 * path. A name is never a path: only its last segment is kept (so {@code ../../etc/passwd}, {@code /abs/x.pdf} and
 * {@code C:\x.pdf} become {@code passwd} and {@code x.pdf}), control and bidirectional-override characters are dropped,
 * and the rest is cut to 255 characters.
 */
public final class FileNames {

    static final int MAX_LENGTH = 255;
    /** Archives inside a batch are not expanded (one level only): named by these endings. */
    private static final Set<String> ARCHIVES = Set.of("zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "jar");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "pdf", "application/pdf", "html", "text/html", "htm", "text/html", "txt", "text/plain", "md", "text/plain",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "zip", "application/zip");

    private FileNames() {
    }

    /**
     * A header's name: HTTP headers carry only Latin-1, so crawlers send Chinese names percent-encoded (UTF-8), as
     * browsers do; such a name is decoded first.
     */
    public static String fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String name = header.strip();
        if (name.contains("%")) {
            try {
                name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                // a literal % in a plain name
            }
        }
        return safe(name);
    }

    /** A name as given (a form part's, a zip entry's): its last segment, printable, at most 255 characters; or null. */
    public static String safe(String given) {
        if (given == null) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        name = printable(name).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }

    /** A path as given in an archive, for the answer only (never used as a path): printable, at most 1024 characters. */
    public static String shown(String entryPath) {
        String shown = printable(entryPath == null ? "" : entryPath);
        return shown.length() > 1024 ? shown.substring(0, 1024) : shown;
    }

    private static String printable(String s) {
        StringBuilder kept = new StringBuilder(Math.min(s.length(), 1024));
        s.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Whether the name says it is an archive (zip, rar, 7z, tar, gz, …), which a batch does not expand when nested. */
    public static boolean isArchive(String name) {
        return ARCHIVES.contains(extension(name));
    }

    /**
     * Files an archiver adds beside the documents (macOS resource forks and folder attributes, Windows thumbnails):
     * listed in the answer as not accepted rather than submitted as documents that could only fail.
     */
    public static boolean isArchiverMetadata(String entryPath) {
        String last = safe(entryPath);
        return entryPath.startsWith("__MACOSX/") || entryPath.contains("/__MACOSX/") || last == null
                || last.startsWith("._") || last.equals(".DS_Store") || last.equalsIgnoreCase("Thumbs.db")
                || last.equalsIgnoreCase("desktop.ini");
    }

    /** The media type a name's ending suggests (extract-service detects the real type from the bytes), or null. */
    public static String mediaType(String name) {
        return MEDIA_TYPES.get(extension(name));
    }

    private static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
