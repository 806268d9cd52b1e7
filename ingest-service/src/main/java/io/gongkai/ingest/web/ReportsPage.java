package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.ReportFilter;
import io.gongkai.ingest.repository.ReportListing;
import io.gongkai.ingest.repository.ReportSort;
import io.gongkai.ingest.repository.WorkbenchRepository;
import java.util.List;

/**
 * What the report list shows: one page of reports under a filter and a sort, and how many there are in the other
 * tab (the failed documents, or the others). Pages are linked by keyset cursors (the first and last row shown),
 * not page numbers.
 *
 * @param query the filter as a query string (URL-encoded), to which links add sort and paging
 */
public record ReportsPage(ReportFilter filter, ReportSort sort, boolean ascending, int size, long total,
        List<ReportListing> items, long otherTab, String query, boolean hasPrevious, boolean hasNext) {

    /** The query string of this list with another sort (clicking the current one again reverses it). */
    public String sortLink(String name) {
        boolean asc = ReportSort.of(name) == sort ? !ascending : ReportSort.of(name).ascendingByDefault();
        return "/reports?" + query + "&sort=" + name + "&dir=" + (asc ? "asc" : "desc") + "&size=" + size;
    }

    /** The arrow after the column the list is sorted by. */
    public String sortMark(String name) {
        return ReportSort.of(name) == sort ? (ascending ? " ▲" : " ▼") : "";
    }

    public String firstLink() {
        return "/reports?" + query + "&sort=" + sort.param() + "&dir=" + (ascending ? "asc" : "desc") + "&size=" + size;
    }

    public String nextLink() {
        return firstLink() + "&after=" + WorkbenchResource.encode(WorkbenchRepository.cursorOf(items.getLast(), sort).token());
    }

    public String previousLink() {
        return firstLink() + "&before=" + WorkbenchResource.encode(WorkbenchRepository.cursorOf(items.getFirst(), sort).token());
    }

    public String tabLink(boolean failed) {
        return "/reports" + (failed ? "?tab=failed" : "");
    }

    public String yearText() {
        return filter.year() == null ? "" : filter.year().toString();
    }
}
