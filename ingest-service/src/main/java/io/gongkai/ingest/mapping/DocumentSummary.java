package io.gongkai.ingest.mapping;

import java.time.Instant;

/** One line of {@code GET /api/documents}. */
public record DocumentSummary(
        String documentId,
        String status,
        String fileName,
        Instant receivedAt,
        String agency,
        Integer year,
        String templateVersion,
        Long errors,
        Long warnings,
        String error) {
}
