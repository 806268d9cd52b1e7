package io.gongkai.reader.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops the page numbers of converter text whose pages are split by form feeds ({@code pdftotext} writes one before
 * each page): a page number printed at a page's foot or head ("- 3 -", "3", "第 3 页", "3/12") otherwise lands inside a
 * table split by the page break, as a line of values no row takes, and makes the table unreadable. A line counts only
 * where it is the last or first line of its page and another page's number agrees with it (numbers rising with the
 * pages), so a table's value standing last on a page stays.
 */
final class PageFolios {

    /** Page numbers as printed at a page's foot or head; group 1 is the page's own number. */
    private static final Pattern FOLIO = Pattern.compile(
            "\\s*(?:[-—–－]\\s*(\\d{1,4})\\s*[-—–－]|(\\d{1,4})|第\\s*(\\d{1,4})\\s*页(?:\\s*[，,]?\\s*共\\s*\\d{1,4}\\s*页)?"
                    + "|(\\d{1,4})\\s*/\\s*\\d{1,4})\\s*");

    private PageFolios() {
    }

    /** A page-number line found: where, the page it stands on, and the number printed less that page. */
    private record Folio(int index, int page, int offset) {
    }

    /** The lines with the page numbers blanked (numbering kept, so that provenance still points at the source). */
    static List<Line> blanked(List<Line> lines) {
        List<Folio> candidates = new ArrayList<>();
        if (lines.stream().noneMatch(l -> l.raw.indexOf('\f') >= 0)) {
            return lines;
        }
        int page = 0;
        add(candidates, lines, firstNonBlank(lines, 0), page);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).raw.indexOf('\f') < 0) {
                continue;
            }
            // The line opens page (page + 1): the previous page's last line, and this page's first, may be numbers.
            add(candidates, lines, lastNonBlank(lines, i - 1), page);
            page++;
            add(candidates, lines, firstNonBlank(lines, i), page);
        }
        if (candidates.size() < 2) {
            return lines;
        }
        List<Line> out = new ArrayList<>(lines);
        for (Folio f : candidates) {
            // Agreement comes from another page: a page's first and last lines both reading the same number (a table's
            // value closing a page and another opening it) are no sequence.
            boolean agreed = candidates.stream().anyMatch(o -> o != f && o.offset() == f.offset() && o.page() != f.page());
            if (agreed) {
                Line l = lines.get(f.index());
                out.set(f.index(), new Line(l.number, l.raw.indexOf('\f') >= 0 ? "\f" : ""));
            }
        }
        return out;
    }

    private static void add(List<Folio> candidates, List<Line> lines, int index, int page) {
        if (index < 0) {
            return;
        }
        Matcher m = FOLIO.matcher(lines.get(index).raw.replace("\f", ""));
        if (!m.matches()) {
            return;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                int number = Integer.parseInt(m.group(g));
                if (number > 0) { // pages are numbered from 1: a lone 0 is a table's value
                    candidates.add(new Folio(index, page, number - page));
                }
                return;
            }
        }
    }

    private static int lastNonBlank(List<Line> lines, int from) {
        for (int i = from; i >= 0; i--) {
            if (!lines.get(i).raw.replace("\f", "").isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int firstNonBlank(List<Line> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String raw = lines.get(i).raw;
            if (i > from && raw.indexOf('\f') >= 0) {
                return -1; // an empty page
            }
            if (!raw.replace("\f", "").isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
