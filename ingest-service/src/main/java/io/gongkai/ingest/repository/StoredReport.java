package io.gongkai.ingest.repository;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.time.Instant;
import java.util.List;

/**
 * A document of the read model with its report and findings typed (null report before validation).
 *
 * @param detectedType the media type extract-service detected from the bytes, or null before extraction
 * @param encoding     the text encoding it detected, for text documents
 */
public record StoredReport(String documentId, String status, String fileName, String sha256, long size, Instant receivedAt,
        String sourceUrl, String declaredContentType, String detectedType, String encoding, String error, Report report,
        List<Finding> findings) {
}
