package io.gongkai.ingest.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.gongkai.common.rest.Problem;

/**
 * One file of a batch, in the order the batch carried it: accepted ({@code documentId}, {@code status}, {@code created}
 * false when the same bytes were known) or refused with its own {@code problem}.
 *
 * @param fileName the name the document is stored under (the last segment of what the client said), or null
 * @param entry    for a file taken out of a zip, its path in the archive as given (shown, never used as a path)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItem(String fileName, String entry, String documentId, String status, Boolean created, Problem problem) {

    static BatchItem accepted(String fileName, String entry, SubmissionResult result) {
        return new BatchItem(fileName, entry, result.documentId(), result.status(), result.created(), null);
    }

    static BatchItem refused(String fileName, String entry, int status, String title, String detail) {
        return new BatchItem(fileName, entry, null, null, null, new Problem("about:blank", title, status, detail));
    }

    @JsonIgnore
    public boolean isAccepted() {
        return documentId != null;
    }
}
