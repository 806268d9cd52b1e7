package io.gongkai.ingest.service;

/** The answer to a submission: the document's id, its status, and whether it was new. */
public record SubmissionResult(String documentId, String status, boolean created) {
}
