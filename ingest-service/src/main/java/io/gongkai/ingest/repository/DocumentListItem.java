package io.gongkai.ingest.repository;

import java.time.Instant;

/** One document of a page of the read model: its status and summary, without the report. */
public record DocumentListItem(String documentId, String status, String fileName, Instant receivedAt, String agency,
        Integer year, String templateVersion, Long errors, Long warnings, String error) {
}
