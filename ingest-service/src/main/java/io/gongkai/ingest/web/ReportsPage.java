package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.ReportFilter;
import io.gongkai.ingest.repository.ReportListing;
import io.gongkai.ingest.repository.ReportSort;
import java.util.List;

/**
 * What the report list shows: one page of reports under a filter and a sort, and how many there are in the other
 * tab (the failed documents, or the others).
 *
 * @param query the filter as a query string (URL-encoded), to which links add sort and paging
 */
public record ReportsPage(ReportFilter filter, ReportSort sort, boolean ascending, int page, int size, long total,
        List<ReportListing> items, long otherTab, String query) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public int displayPage() {
        return page + 1;
    }

    /** The query string of this list with another sort (clicking the current one again reverses it). */
    public String sortLink(String name) {
        boolean asc = ReportSort.of(name) == sort ? !ascending : ReportSort.of(name).ascendingByDefault();
        return "/reports?" + query + "&sort=" + name + "&dir=" + (asc ? "asc" : "desc") + "&size=" + size;
    }

    /** The arrow after the column the list is sorted by. */
    public String sortMark(String name) {
        return ReportSort.of(name) == sort ? (ascending ? " ▲" : " ▼") : "";
    }

    public String pageLink(int to) {
        return "/reports?" + query + "&sort=" + sort.param() + "&dir=" + (ascending ? "asc" : "desc") + "&size=" + size + "&page=" + to;
    }

    public String tabLink(boolean failed) {
        return "/reports" + (failed ? "?tab=failed" : "");
    }

    public String yearText() {
        return filter.year() == null ? "" : filter.year().toString();
    }

    public String previousLink() {
        return pageLink(page - 1);
    }

    public String nextLink() {
        return pageLink(page + 1);
    }
}
