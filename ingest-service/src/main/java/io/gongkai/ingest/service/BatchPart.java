package io.gongkai.ingest.service;

import java.nio.file.Path;

/**
 * One part of a batch request, already on disk (a form part, or a zip body): a document, or a zip archive whose files
 * are the batch's documents.
 *
 * @param name        the name the client gave it (may be null)
 * @param contentType its declared media type (may be null)
 */
public record BatchPart(String name, String contentType, Path file, long size) {

    /** Expanded when declared a zip (by media type or by name); a DOCX is a zip inside but is neither. */
    public boolean isZip() {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/zip") || type.startsWith("application/x-zip")
                || name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }
}
