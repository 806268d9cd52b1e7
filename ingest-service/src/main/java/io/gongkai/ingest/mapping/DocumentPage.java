package io.gongkai.ingest.mapping;

import java.util.List;

/** A page of the document list. */
public record DocumentPage(List<DocumentSummary> items, int page, int size, long total) {
}
