package io.gongkai.ingest.web;

import java.util.List;

/** One page of the problem list under a filter, with the links to export the whole list. */
public record ProblemsPage(ProblemFilter filter, int page, int size, long total, List<ProblemRow> rows, String query) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public int displayPage() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public String pageLink(int to) {
        return "/problems?" + query + "&size=" + size + "&page=" + to;
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

    public String previousLink() {
        return pageLink(page - 1);
    }

    public String nextLink() {
        return pageLink(page + 1);
    }
}
