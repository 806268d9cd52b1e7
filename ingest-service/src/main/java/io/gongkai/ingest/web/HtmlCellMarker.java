package io.gongkai.ingest.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * An HTML original with the table cell a value was read from marked, so that it opens there
 * ({@code …/original?table=T&row=R&col=C#gongkai-cell}: the browser scrolls to the fragment, no script needed).
 * <p>
 * The reader's provenance names the cell by the 1-based data table of the page, its 1-based row (the table's
 * {@code tr} elements in order) and its 1-based column in the grid after rowspan/colspan are expanded. The tables are
 * counted as report-reader's {@code HtmlReader} counts them: in document order, a table with a table inside it is a
 * layout table (not counted; the tables inside it are), tables in {@code head}, {@code script}, {@code style},
 * {@code noscript} and {@code template} are not text. The page is re-serialised by jsoup (escaped) and still served
 * under the sandbox CSP.
 */
public final class HtmlCellMarker {

    /** The fragment the link carries; any element of the page that already uses it loses its id. */
    public static final String ANCHOR = "gongkai-cell";
    private static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template");
    /** The reader's bounds on spans and columns (GridTable), so that a hostile rowspan cannot blow up the grid. */
    private static final int MAX_SPAN = 1000;
    private static final int MAX_COLUMNS = 200;
    private static final String STYLE = "outline:3px solid #c62828 !important;outline-offset:-2px;background:#fff59d !important;"
            + "scroll-margin:30vh;";

    private HtmlCellMarker() {
    }

    /** The page with the cell marked, or null when the page has no such cell (then the original is shown as stored). */
    public static String marked(String html, int table, int row, int column) {
        Document doc = Jsoup.parse(html);
        Element cell = cell(doc, table, row, column);
        if (cell == null) {
            return null;
        }
        for (Element same : doc.select("[id=" + ANCHOR + "], [name=" + ANCHOR + "]")) {
            same.removeAttr("id").removeAttr("name");
        }
        cell.attr("id", ANCHOR);
        cell.attr("style", STYLE + cell.attr("style"));
        cell.attr("title", "数值读自此格");
        doc.head().appendElement("style").text("#" + ANCHOR + "{" + STYLE + "}");
        // served as UTF-8 whatever the page declared
        doc.charset(StandardCharsets.UTF_8);
        return doc.outerHtml();
    }

    /** The element of the data table's grid slot, or null. */
    static Element cell(Document doc, int table, int row, int column) {
        Element found = table(doc, table);
        if (found == null || row < 1 || column < 1 || column > MAX_COLUMNS) {
            return null;
        }
        List<Element[]> grid = new ArrayList<>();
        place(found, grid, new int[] {0});
        return row <= grid.size() ? grid.get(row - 1)[column - 1] : null;
    }

    /** The {@code number}th data table (1-based) in document order, or null. */
    private static Element table(Document doc, int number) {
        int[] seen = {0};
        Element[] found = {null};
        doc.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (INVISIBLE.contains(tag) || tag.equals("head")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("table") && isData(e)) {
                    if (++seen[0] == number) {
                        found[0] = e;
                        return FilterResult.STOP;
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        });
        return found[0];
    }

    /** A table whose rows and cells hold no table (as the reader tells a data table from a layout one). */
    private static boolean isData(Element table) {
        for (Element child = table.firstElementChild(); child != null; child = child.nextElementSibling()) {
            String tag = child.normalName();
            if (tag.equals("tr")) {
                for (Element cell = child.firstElementChild(); cell != null; cell = cell.nextElementSibling()) {
                    if (!cell.getElementsByTag("table").isEmpty()) {
                        return false;
                    }
                }
            } else if (tag.equals("table") || !isData(child)) {
                return false;
            }
        }
        return true;
    }

    /** Places the table's cells in the grid as the reader does: each in the first free column of its row, spans filled. */
    private static void place(Element parent, List<Element[]> grid, int[] row) {
        for (Element child = parent.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.normalName().equals("tr")) {
                for (Element cell = child.firstElementChild(); cell != null; cell = cell.nextElementSibling()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        add(grid, row[0], cell);
                    }
                }
                row[0]++;
            } else {
                place(child, grid, row);
            }
        }
    }

    private static void add(List<Element[]> grid, int row, Element cell) {
        int rowSpan = Math.max(1, Math.min(span(cell.attr("rowspan")), MAX_SPAN));
        int colSpan = Math.max(1, Math.min(span(cell.attr("colspan")), MAX_COLUMNS));
        Element[] cells = rowCells(grid, row);
        int col = 0;
        while (col < MAX_COLUMNS && cells[col] != null) {
            col++;
        }
        if (col >= MAX_COLUMNS) {
            return;
        }
        for (int r = row; r < row + rowSpan; r++) {
            Element[] target = rowCells(grid, r);
            for (int c = col; c < Math.min(col + colSpan, MAX_COLUMNS); c++) {
                if (target[c] == null) {
                    target[c] = cell;
                }
            }
        }
    }

    private static Element[] rowCells(List<Element[]> grid, int row) {
        while (grid.size() <= row) {
            grid.add(new Element[MAX_COLUMNS]);
        }
        return grid.get(row);
    }

    private static int span(String value) {
        try {
            return value.isBlank() ? 1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
