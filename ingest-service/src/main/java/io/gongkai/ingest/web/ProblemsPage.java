package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.WorkbenchRepository.ProblemCursor;
import java.util.List;

/**
 * One page of the problem list under a filter, with the links to export the whole list. Pages follow each other by
 * keyset cursor (the report and finding the next page starts at), each link also carrying the next page's number, so
 * that 上一页 goes back by number ({@code page=N-1}: the findings before it counted).
 *
 * @param number the page's number (1-based), 0 when reached by a cursor without one
 */
public record ProblemsPage(ProblemFilter filter, int size, long total, List<ProblemRow> rows, String query, boolean hasPrevious,
        ProblemCursor next, int number) {

    public boolean hasNext() {
        return next != null;
    }

    public String firstLink() {
        return "/problems?" + query + "&size=" + size;
    }

    public String nextLink() {
        return firstLink() + "&after=" + WorkbenchResource.encode(token(next)) + (number > 0 ? "&page=" + (number + 1) : "");
    }

    /** The page before by its number (the first page when the number is not known). */
    public String previousLink() {
        return number > 2 ? firstLink() + "&page=" + (number - 1) : firstLink();
    }

    /** How many pages the list has. */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public String numberText() {
        return number > 0 ? Integer.toString(number) : "";
    }

    /** The list's filter and size as hidden fields of the go-to-page form. */
    public List<ReportsPage.Param> params() {
        List<ReportsPage.Param> out = new java.util.ArrayList<>();
        for (String part : firstLink().substring("/problems?".length()).split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.add(new ReportsPage.Param(part.substring(0, eq),
                        java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return out;
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
