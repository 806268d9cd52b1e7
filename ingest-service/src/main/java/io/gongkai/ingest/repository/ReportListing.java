package io.gongkai.ingest.repository;

import java.time.Instant;

/** One line of the workbench's report list: what the list shows without the report itself. */
public record ReportListing(String documentId, String status, String fileName, Instant receivedAt, String agency, Integer year,
        String level, String templateVersion, long errors, long warnings, String error) {
}
