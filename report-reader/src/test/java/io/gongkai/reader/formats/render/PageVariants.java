package io.gongkai.reader.formats.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Elements;

/**
 * The ways real CMS pages differ from {@link HtmlRenderer}'s page, each a jsoup rewrite of that page's DOM:
 * tables nested in layout tables, a table split into several {@code <table>}s, merged cells written as empty
 * cells, title and unit rows inside a table, Word-HTML cell markup, full-width digits, thousands separators,
 * units after numbers, trailing empty cells. Test code: the variants must read back the seed's values.
 */
public final class PageVariants {

    /** A named rewrite of the page. */
    public record Variant(String name, UnaryOperator<Document> rewrite) {
    }

    private static final Pattern NUMBER = Pattern.compile("^\\d+(\\.\\d+)?$");

    private PageVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                new Variant("nested-layout", PageVariants::nested),
                new Variant("split-tables", PageVariants::split),
                new Variant("thead-th", PageVariants::theadTh),
                new Variant("spans-as-empty-cells", PageVariants::unmerged),
                new Variant("group-label-repeated", PageVariants::groupRepeated),
                new Variant("title-and-unit-rows", PageVariants::titleRows),
                new Variant("word-html-markup", PageVariants::wordMarkup),
                new Variant("full-width-digits", d -> numbers(d, PageVariants::fullWidth)),
                new Variant("thousands-separators", d -> numbers(d, PageVariants::thousands)),
                new Variant("units-after-numbers", PageVariants::units),
                new Variant("zeros-as-0.00", d -> numbers(d, n -> n.equals("0") ? "0.00" : n)),
                new Variant("trailing-empty-cells", PageVariants::trailingEmpty),
                new Variant("all-combined", d -> trailingEmpty(wordMarkup(numbers(titleRows(split(nested(d))),
                        n -> fullWidth(thousands(n)))))));
    }

    public static Document parse(byte[] utf8Page) {
        return Jsoup.parse(new String(utf8Page, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The three data tables (classes t1, t2, t3 as the renderer writes them). */
    private static List<Element> dataTables(Document d) {
        return new ArrayList<>(d.select("table.t1, table.t2, table.t3"));
    }

    /** Each data table inside a centred one-cell layout table, inside a div, with a caption line above it. */
    static Document nested(Document d) {
        int i = 0;
        for (Element t : dataTables(d)) {
            i++;
            Element frame = new Element("table").attr("width", "100%").attr("border", "0");
            Element cell = frame.appendElement("tbody").appendElement("tr").appendElement("td").attr("align", "center");
            t.before(frame);
            cell.appendElement("div").attr("style", "text-align:right").text("单位：件");
            cell.appendChild(t.clone());
            t.remove();
            frame.wrap("<div class=\"TRS_Editor\"></div>");
        }
        return d;
    }

    /**
     * Table 二 split before each of its 第二十条 caption rows; tables 三 and 四 with their header rows in a
     * {@code <table>} of their own; table 三 cut again in the middle of its rows (a page-break remnant).
     */
    static Document split(Document d) {
        List<Element> tables = dataTables(d);
        if (tables.size() < 3) {
            return d;
        }
        List<Integer> cuts = new ArrayList<>();
        List<Element> rows = rows(tables.get(0));
        for (int r = 1; r < rows.size(); r++) {
            if (rows.get(r).text().startsWith("第二十条")) {
                cuts.add(r);
            }
        }
        cutAt(tables.get(0), cuts);
        // Table 三 cut again where a label group starts (（四）…), so that only 三、本年度办理结果 crosses the cut.
        List<Element> apps = rows(tables.get(1));
        int middle = 3;
        while (middle < apps.size() - 1 && !apps.get(middle).text().contains("（四）")) {
            middle++;
        }
        cutAt(tables.get(1), List.of(3, middle));
        cutAt(tables.get(2), List.of(3));
        return d;
    }

    private static List<Element> rows(Element table) {
        return new ArrayList<>(table.select("> tr, > tbody > tr, > thead > tr"));
    }

    /**
     * Cuts the table into several before the given row indices. A rowspan that crosses a cut is shortened
     * to end at it (the continuation has no cell there, as when a publisher splits a table by hand).
     */
    private static void cutAt(Element table, List<Integer> cuts) {
        List<Element> rows = rows(table);
        // Shorten spans crossing a cut: count each cell's row.
        for (int r = 0; r < rows.size(); r++) {
            for (Element c : rows.get(r).children()) {
                int span = c.hasAttr("rowspan") ? Integer.parseInt(c.attr("rowspan")) : 1;
                for (int cut : cuts) {
                    if (r < cut && r + span > cut) {
                        int keep = cut - r;
                        // The covered rows after the cut get an empty cell where the span was, at the same place.
                        int index = c.elementSiblingIndex();
                        for (int rr = cut; rr < r + span; rr++) {
                            Element filler = new Element("td").attr("colspan", c.hasAttr("colspan") ? c.attr("colspan") : "1");
                            if (rr == cut) {
                                filler.text(c.text());
                                filler.attr("rowspan", String.valueOf(r + span - cut));
                                insertAt(rows.get(rr), index, filler);
                            }
                        }
                        c.attr("rowspan", String.valueOf(keep));
                        span = keep;
                    }
                }
            }
        }
        Element previous = table;
        int from = 0;
        List<Integer> bounds = new ArrayList<>(cuts);
        bounds.add(rows.size());
        Element first = table.shallowClone();
        for (int b = 0; b < bounds.size(); b++) {
            Element part = b == 0 ? table : first.shallowClone();
            if (b > 0) {
                Element body = part.appendElement("tbody");
                for (int r = from; r < bounds.get(b); r++) {
                    body.appendChild(rows.get(r).clone());
                }
                for (int r = from; r < bounds.get(b); r++) {
                    rows.get(r).remove();
                }
                previous.after(part);
                previous.after(new Element("p").html("&nbsp;"));
                previous = part;
            } else {
                previous = table;
            }
            from = bounds.get(b);
        }
    }

    private static void insertAt(Element row, int index, Element cell) {
        if (index >= row.childrenSize()) {
            row.appendChild(cell);
        } else {
            row.child(index).before(cell);
        }
    }

    /** Header rows (as many as the table's first cell spans) in a thead, written with th. */
    static Document theadTh(Document d) {
        for (Element t : dataTables(d)) {
            List<Element> rows = rows(t);
            Element first = rows.get(0).child(0);
            int head = Math.max(1, first.hasAttr("rowspan") ? Integer.parseInt(first.attr("rowspan")) : 1);
            if (rows.get(0).childrenSize() == 1) {
                head = 2; // table 二: the caption and the column header
            }
            Element thead = new Element("thead");
            Element tbody = new Element("tbody");
            for (int r = 0; r < rows.size(); r++) {
                Element row = rows.get(r).clone();
                if (r < head) {
                    for (Element c : row.children()) {
                        c.tagName("th");
                    }
                    thead.appendChild(row);
                } else {
                    tbody.appendChild(row);
                }
            }
            t.empty();
            t.appendChild(thead);
            t.appendChild(tbody);
        }
        return d;
    }

    /**
     * Merged cells undone as an editor's "split cells" leaves them: rowspan and colspan removed, the text in the
     * first slot, every covered slot an empty cell.
     */
    static Document unmerged(Document d) {
        for (Element t : dataTables(d)) {
            List<Element> rows = rows(t);
            int height = rows.size();
            List<List<Element>> grid = new ArrayList<>();
            for (int r = 0; r < height; r++) {
                grid.add(new ArrayList<>());
            }
            for (int r = 0; r < height; r++) {
                int c = 0;
                for (Element cell : rows.get(r).children()) {
                    while (c < grid.get(r).size() && grid.get(r).get(c) != null) {
                        c++;
                    }
                    int rs = cell.hasAttr("rowspan") ? Integer.parseInt(cell.attr("rowspan")) : 1;
                    int cs = cell.hasAttr("colspan") ? Integer.parseInt(cell.attr("colspan")) : 1;
                    for (int rr = r; rr < Math.min(height, r + rs); rr++) {
                        for (int cc = c; cc < c + cs; cc++) {
                            while (grid.get(rr).size() <= cc) {
                                grid.get(rr).add(null);
                            }
                            Element slot = rr == r && cc == c ? cell.clone().removeAttr("rowspan").removeAttr("colspan")
                                    : new Element("td");
                            grid.get(rr).set(cc, slot);
                        }
                    }
                    c += cs;
                }
            }
            for (int r = 0; r < height; r++) {
                rows.get(r).empty();
                for (Element slot : grid.get(r)) {
                    rows.get(r).appendChild(slot == null ? new Element("td") : slot);
                }
            }
        }
        return d;
    }

    /** Group label cells (rowspan over sub-rows, as （三）不予公开) repeated on every sub-row instead of merged. */
    static Document groupRepeated(Document d) {
        for (Element t : dataTables(d)) {
            List<Element> rows = rows(t);
            for (int r = 0; r < rows.size(); r++) {
                for (Element c : rows.get(r).children()) {
                    int rs = c.hasAttr("rowspan") ? Integer.parseInt(c.attr("rowspan")) : 1;
                    String text = c.text();
                    // Only label groups of the table's body: headers keep their merges.
                    if (rs > 1 && text.startsWith("（") && r + rs <= rows.size()) {
                        int index = c.elementSiblingIndex();
                        c.removeAttr("rowspan");
                        for (int rr = r + 1; rr < r + rs; rr++) {
                            insertAt(rows.get(rr), index, c.clone());
                        }
                    }
                }
            }
        }
        return d;
    }

    /** A title row across the table and a 单位：件 row above the header, inside the table, as CMS pages often print. */
    static Document titleRows(Document d) {
        String[] titles = {"表一 主动公开政府信息情况", "表二 收到和处理政府信息公开申请情况", "表三 政府信息公开行政复议、行政诉讼情况"};
        for (int i = 0; i < 3; i++) {
            // The first part of each table (a split table's parts share its class).
            Element t = d.selectFirst("table.t" + (i + 1));
            if (t == null) {
                continue;
            }
            List<Element> rows = rows(t);
            int width = 0;
            for (Element c : rows.get(0).children()) {
                width += c.hasAttr("colspan") ? Integer.parseInt(c.attr("colspan")) : 1;
            }
            Element unit = new Element("tr");
            unit.appendElement("td").attr("colspan", String.valueOf(width)).attr("align", "right").text(i == 0 ? "单位：件、万元" : "单位：件");
            Element title = new Element("tr");
            title.appendElement("td").attr("colspan", String.valueOf(width)).attr("align", "center")
                    .appendElement("b").text(titles[i]);
            rows.get(0).before(title);
            rows.get(0).before(unit);
        }
        return d;
    }

    /**
     * Word's "save as web page" cell markup, as CMS editors paste it: each cell's text in
     * {@code <p class=MsoNormal><span>…</span><o:p></o:p></p>} with no-break-space padding, numbers cut into
     * several spans, blank cells holding only {@code &nbsp;}.
     */
    static Document wordMarkup(Document d) {
        for (Element t : dataTables(d)) {
            t.attr("class", t.className() + " MsoNormalTable").attr("style", "border-collapse:collapse;mso-table-layout-alt:fixed");
            for (Element c : t.select("td, th")) {
                String text = c.text().strip();
                c.empty();
                Element p = c.appendElement("p").addClass("MsoNormal").attr("align", "center")
                        .attr("style", "text-align:center;line-height:15.0pt");
                if (text.isEmpty()) {
                    p.appendElement("span").attr("lang", "EN-US").html("&nbsp;");
                } else if (NUMBER.matcher(text).matches() || isFullWidthNumber(text)) {
                    p.appendElement("span").attr("lang", "EN-US").attr("style", "font-family:仿宋_GB2312")
                            .html("&nbsp;" + Entities.escape(text.substring(0, 1)));
                    if (text.length() > 1) {
                        p.appendElement("span").attr("lang", "EN-US").text(text.substring(1));
                    }
                } else {
                    p.appendElement("span").attr("style", "font-size:10.5pt;font-family:宋体").text(text);
                }
                p.append("<o:p></o:p>");
            }
        }
        return d;
    }

    private static boolean isFullWidthNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '０' && ch <= '９' || ch == '．' || ch == '，' || ch == ',' || ch == '.');
    }

    /** Every number cell of the data tables rewritten by {@code how}. */
    static Document numbers(Document d, UnaryOperator<String> how) {
        for (Element t : dataTables(d)) {
            for (Element c : t.select("td, th")) {
                Elements leaves = c.select("p, span");
                Element holder = leaves.isEmpty() ? c : leaves.last();
                String text = holder.text().strip();
                if (NUMBER.matcher(text).matches()) {
                    holder.text(how.apply(text));
                }
            }
        }
        return d;
    }

    static String fullWidth(String n) {
        StringBuilder b = new StringBuilder();
        for (char ch : n.toCharArray()) {
            b.append(ch >= '0' && ch <= '9' ? (char) ('０' + ch - '0') : ch == '.' ? '．' : ch == ',' ? '，' : ch);
        }
        return b.toString();
    }

    static String thousands(String n) {
        Matcher m = Pattern.compile("^(\\d+)(\\.\\d+)?$").matcher(n);
        if (!m.matches() || m.group(1).length() < 4) {
            return n;
        }
        String whole = m.group(1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(whole.charAt(i));
        }
        return b + (m.group(2) == null ? "" : m.group(2));
    }

    /** Counts written with 件 and the fee with 万元, as some pages print them. */
    static Document units(Document d) {
        List<Element> tables = dataTables(d);
        for (int i = 0; i < tables.size(); i++) {
            for (Element row : rows(tables.get(i))) {
                boolean fee = row.text().contains("收费");
                for (Element c : row.children()) {
                    Elements leaves = c.select("p");
                    Element holder = leaves.isEmpty() ? c : leaves.last();
                    String text = holder.text().strip();
                    if (NUMBER.matcher(text).matches()) {
                        holder.text(text + (fee ? "万元" : "件"));
                    }
                }
            }
        }
        return d;
    }

    /** An empty cell after every row and an empty row after every table (editor artefacts). */
    static Document trailingEmpty(Document d) {
        for (Element t : dataTables(d)) {
            List<Element> rows = rows(t);
            for (Element row : rows) {
                row.appendElement("td").html("&nbsp;");
            }
            Element last = rows.get(rows.size() - 1);
            Element empty = new Element("tr");
            for (int i = 0; i < last.childrenSize(); i++) {
                empty.appendElement("td");
            }
            last.after(empty);
        }
        return d;
    }
}
