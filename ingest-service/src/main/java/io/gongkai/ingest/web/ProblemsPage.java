package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.WorkbenchRepository.ProblemCursor;
import java.util.List;

/**
 * One page of the problem list under a filter, with the links to export the whole list. Pages follow each other by
 * keyset cursor (the report and finding the next page starts at).
 */
public record ProblemsPage(ProblemFilter filter, int size, long total, List<ProblemRow> rows, String query, boolean hasPrevious,
        ProblemCursor next) {

    public boolean hasNext() {
        return next != null;
    }

    public String firstLink() {
        return "/problems?" + query + "&size=" + size;
    }

    public String nextLink() {
        return firstLink() + "&after=" + WorkbenchResource.encode(token(next));
    }

    /** No way back but to the first page: a finding cursor only runs forwards. */
    public String previousLink() {
        return firstLink();
    }

    static String token(ProblemCursor c) {
        return c.receivedAt().getTime() + "." + c.documentId() + "." + c.shown();
    }

    public String csvLink() {
        return "/problems.csv?" + query;
    }

    public String xlsxLink() {
        return "/problems.xlsx?" + query;
    }

    public String yearText() {
        return filter.reports().year() == null ? "" : filter.reports().year().toString();
    }
}
