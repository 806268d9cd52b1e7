package io.gongkai.ingest.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A document as {@code GET /api/documents/{id}} shows it. {@code report} and {@code findings} follow
 * docs/report-model.md once the document is VALIDATED; {@code error} says why a FAILED document failed.
 */
public record DocumentView(
        String documentId,
        String status,
        String fileName,
        String sourceUrl,
        String sha256,
        long size,
        Instant receivedAt,
        Instant fetchedAt,
        String detectedType,
        Map<String, Object> report,
        List<Object> findings,
        String ruleSetVersion,
        Long validationVersion,
        String error) {
}
