package io.gongkai.ingest.repository;

import io.gongkai.model.events.DocumentStatus;
import java.time.Instant;

/** One line of the workbench's report list: what the list shows without the report itself. */
public record ReportListing(String documentId, String status, String fileName, Instant receivedAt, String agency, Integer year,
        String level, String templateVersion, long errors, long warnings, String error) {

    /** Whether the error count is stored (a validated report) rather than missing, which sorts below every count. */
    public boolean errorsStored() {
        return DocumentStatus.VALIDATED.name().equals(status);
    }

    public boolean warningsStored() {
        return errorsStored();
    }
}
