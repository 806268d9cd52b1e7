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
        List<ReportListing> items, long otherTab, String query, boolean hasPrevious, boolean hasNext, Integer number) {

    /** One name and value of the list's query, for the hidden fields of the go-to-page form. */
    public record Param(String name, String value) {
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

    public String firstLink() {
        return "/reports?" + query + "&sort=" + sort.param() + "&dir=" + (ascending ? "asc" : "desc") + "&size=" + size;
    }

    public String nextLink() {
        return firstLink() + "&after=" + WorkbenchResource.encode(WorkbenchRepository.cursorOf(items.getLast(), sort).token());
    }

    public String previousLink() {
        if (number != null) {
            // by number: also from a page past the end, which has no first row to go back from
            return number > 1 ? pageLink(number - 1) : firstLink();
        }
        return firstLink() + "&before=" + WorkbenchResource.encode(WorkbenchRepository.cursorOf(items.getFirst(), sort).token());
    }

    public String tabLink(boolean failed) {
        return "/reports" + (failed ? "?tab=failed" : "");
    }

    public String yearText() {
        return filter.year() == null ? "" : filter.year().toString();
    }

    /** How many pages the list has (at least one). */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** The page numbers linked: the first, the last and those near the current one (the first five when unknown). */
    public List<Long> pageNumbers() {
        long last = Math.min(pages(), WorkbenchResource.MAX_PAGE);
        long at = number == null ? 3 : number;
        java.util.TreeSet<Long> shown = new java.util.TreeSet<>(List.of(1L, last));
        for (long n = Math.max(1, at - 2); n <= Math.min(last, at + 2); n++) {
            shown.add(n);
        }
        return List.copyOf(shown);
    }

    public String pageLink(long n) {
        return firstLink() + "&page=" + n;
    }

    /** The list's filter, sort and size as hidden fields of the go-to-page form. */
    public List<Param> params() {
        List<Param> out = new java.util.ArrayList<>();
        for (String part : (firstLink().substring("/reports?".length())).split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.add(new Param(part.substring(0, eq), java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** Whether pages are left out between {@code n} and the page number linked before it. */
    public boolean gapBefore(long n) {
        List<Long> shown = pageNumbers();
        int i = shown.indexOf(n);
        return i > 0 && shown.get(i - 1) < n - 1;
    }

    public boolean isCurrent(long n) {
        return number != null && number == n;
    }

    public String numberText() {
        return number == null ? "" : number.toString();
    }
}
