package io.gongkai.reader.formats;

import io.gongkai.reader.parsing.DecodedText;
import io.gongkai.reader.parsing.TextDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Reads an HTML page: the text of its blocks line by line, and each data table (one without tables inside
 * it; outer layout tables only contribute their text) as a {@link GridTable} with rowspan/colspan expanded.
 * The encoding comes from the page's meta charset, else from {@link TextDecoder}'s detection (GB18030 pages
 * often declare nothing).
 */
public final class HtmlReader {

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "section", "article", "header", "footer", "title", "pre", "blockquote", "center", "ul", "ol", "dd", "dt", "hr");

    private static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template");

    private final TextDecoder decoder = new TextDecoder();

    /**
     * pdftohtml -xml writes a run of text per font change ({@code 平乡县… | 2022 | 年…}); its HTML output joins the runs
     * of one line that stand less than a character apart into one positioned block. The same here: a run on the
     * previous run's top, starting within its height of that run's end, joins it; every other run is a block.
     */
    private static void joinRuns(Document doc) {
        Element previous = null;
        for (Element t : doc.select("text")) {
            int top = intAttr(t, "top");
            int left = intAttr(t, "left");
            int height = Math.max(1, intAttr(t, "height"));
            if (previous != null && previous.parent() == t.parent() && Math.abs(intAttr(previous, "top") - top) <= height / 4
                    && left >= intAttr(previous, "left") && left - (intAttr(previous, "left") + intAttr(previous, "width")) < height) {
                int gap = left - (intAttr(previous, "left") + intAttr(previous, "width"));
                previous.appendText((gap >= height / 3 ? " " : "") + t.text()); // a space where the page shows one
                previous.attr("width", String.valueOf(left + intAttr(t, "width") - intAttr(previous, "left")));
                t.remove();
                continue;
            }
            t.tagName("p");
            previous = t;
        }
    }

    private static int intAttr(Element e, String name) {
        try {
            return Integer.parseInt(e.attr(name).strip());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    public SourceText read(byte[] bytes) {
        DecodedText decoded = null;
        if (Mhtml.isMhtml(bytes)) {
            // A page saved as one MIME file: its text/html part, in the charset the part names (else as any page).
            Mhtml.Part part = Mhtml.htmlPart(bytes);
            if (part != null) {
                bytes = part.body();
                decoded = declared(part.charset(), bytes);
            }
        }
        if (decoded == null) {
            decoded = decode(bytes);
        }
        boolean pdfToXml = DocumentTypeDetector.isPdfToXml(bytes);
        // pdftohtml's XML parsed as XML: the HTML parser would move its <text> elements about.
        Document doc = pdfToXml ? Jsoup.parse(decoded.text(), "", org.jsoup.parser.Parser.xmlParser()) : Jsoup.parse(decoded.text());
        if (pdfToXml) {
            // poppler's pdftohtml -xml: each <text top left> a positioned run of a line, read as pdftohtml's HTML
            // (positioned <p>) is read, one block each; the font list is no text.
            doc.select("fontspec").remove();
            joinRuns(doc);
        }
        StringBuilder out = new StringBuilder();
        List<LineOrigin> origins = new ArrayList<>();
        int[] tables = {0};
        StringBuilder pending = new StringBuilder();
        Runnable flush = () -> {
            String line = pending.toString().strip();
            if (!line.isEmpty()) {
                out.append(line).append('\n');
                origins.add(LineOrigin.UNKNOWN);
            }
            pending.setLength(0);
        };
        doc.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    appendFlattened(t.getWholeText(), pending);
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    // Scripts, styles and the head's metadata are no text of the report; the page title may be.
                    if (INVISIBLE.contains(tag)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("head")) {
                        Element title = e.getElementsByTag("title").first();
                        if (title != null) {
                            pending.append(title.text());
                            flush.run();
                        }
                        // Government sites carry the body that supplied a page in a standard meta tag (政府网站发展
                        // 指引, 2017); written as the caption a page would show, it is read as one.
                        String source = metaContent(e, "ContentSource");
                        if (source != null) {
                            pending.append("来源：").append(source);
                            flush.run();
                        }
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("table")) {
                        GridTable grid = grid(e);
                        if (grid != null) {
                            flush.run();
                            tables[0]++;
                            grid.writeLines(tables[0], out, origins);
                            return FilterResult.SKIP_ENTIRELY;
                        }
                    }
                    if (BLOCKS.contains(tag) || tag.equals("td") || tag.equals("th")) {
                        flush.run();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && (BLOCKS.contains(e.normalName()) || e.normalName().equals("table"))) {
                    flush.run();
                }
                return FilterResult.CONTINUE;
            }
        });
        flush.run();
        // The site's identifier code places the body that runs it; pages print it in their footer, as here.
        String siteCode = doc.head() == null ? null : metaContent(doc.head(), "SiteIDCode");
        if (siteCode != null && out.indexOf("网站标识码") < 0) {
            out.append("网站标识码：").append(siteCode).append('\n');
            origins.add(LineOrigin.UNKNOWN);
        }
        return new SourceText(out.toString(), origins, decoded.encoding(), List.of());
    }

    /** The content of the head's {@code <meta name=…>} (name matched without case), or null when absent or blank. */
    private static String metaContent(Element head, String name) {
        for (Element meta : head.getElementsByTag("meta")) {
            if (meta.attr("name").equalsIgnoreCase(name) && !meta.attr("content").isBlank()) {
                return withoutLineBreaks(meta.attr("content")).strip();
            }
        }
        return null;
    }

    /** Line breaks and no-break spaces of running text become spaces. */
    private static void appendFlattened(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            out.append(ch == '\n' || ch == '\r' || ch == '\u00a0' ? ' ' : ch);
        }
    }

    /**
     * The grid of a data table, or null for a layout table (one with a table inside it), which only
     * contributes its text. Rows are the table's tr elements (inside thead/tbody/tfoot or not), cells their
     * td/th children.
     */
    static GridTable grid(Element table) {
        GridTable grid = new GridTable();
        return addRows(table, grid, new int[] {0}) ? grid : null;
    }

    /** Adds the rows under {@code parent} to the grid; false as soon as a nested table shows. */
    private static boolean addRows(Element parent, GridTable grid, int[] row) {
        for (Element child = parent.firstElementChild(); child != null; child = child.nextElementSibling()) {
            String tag = child.normalName();
            if (tag.equals("tr")) {
                for (Element cell = child.firstElementChild(); cell != null; cell = cell.nextElementSibling()) {
                    String name = cell.normalName();
                    if (name.equals("td") || name.equals("th")) {
                        String text = isRunningText(cell) ? null : cellText(cell);
                        if (text == null) {
                            return false;
                        }
                        grid.add(row[0], text, span(cell.attr("rowspan")), span(cell.attr("colspan")));
                    } else if (name.equals("table") || !cell.getElementsByTag("table").isEmpty()) {
                        return false;
                    }
                }
                row[0]++;
            } else if (tag.equals("table") || !addRows(child, grid, row)) {
                return false;
            }
        }
        return true;
    }

    /** Characters from which a cell of several paragraphs is running text (as the lattice reader's box rule). */
    private static final int RUNNING_TEXT = 160;

    /**
     * Whether the cell holds running text, not a value or a label: two or more paragraphs (block elements with text)
     * of {@value #RUNNING_TEXT} characters or more. Old CMS templates set the whole article in a one-cell layout table;
     * where it holds no data table (tables published as pictures, or as an attachment) that table is a layout table
     * all the same, read paragraph by paragraph, not one cell whose paragraphs run together.
     */
    private static boolean isRunningText(Element cell) {
        if (cell.childrenSize() == 0) {
            return false;
        }
        int blocks = 0;
        for (Element e : cell.getAllElements()) {
            if (e != cell && BLOCKS.contains(e.normalName()) && !e.nameIs("br") && !e.nameIs("hr") && e.hasText()) {
                blocks++;
            }
        }
        return blocks >= 2 && cell.text().length() >= RUNNING_TEXT;
    }

    /**
     * The cell's text as jsoup's wholeText() gives it (text nodes as written, &lt;br&gt; as a line break), with
     * line breaks and the spaces around them removed: they wrap labels (商业&lt;br&gt;企业). Null when the
     * cell holds a table.
     */
    private static String cellText(Element cell) {
        // Most cells are <td>text</td> or <td><p>text</p></td>: read those without a traversal.
        Node only = cell.childNodeSize() == 1 ? cell.childNode(0) : null;
        if (only instanceof Element e && e.childNodeSize() == 1 && !e.nameIs("table") && !e.nameIs("br")) {
            only = e.childNode(0);
        }
        if (only instanceof TextNode t) {
            return withoutLineBreaks(t.getWholeText());
        }
        StringBuilder b = new StringBuilder();
        boolean[] nested = {false};
        cell.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    b.append(t.getWholeText());
                } else if (node instanceof Element e && depth > 0) {
                    if (e.nameIs("br")) {
                        b.append('\n');
                    } else if (e.nameIs("table")) {
                        nested[0] = true;
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        return nested[0] ? null : withoutLineBreaks(b);
    }

    /** Removes every run of [ \t]*[\r\n]+[ \t]*, turns no-break spaces into spaces and strips the ends. */
    private static String withoutLineBreaks(CharSequence s) {
        int n = s.length();
        int plain = 0;
        while (plain < n && s.charAt(plain) != '\r' && s.charAt(plain) != '\n' && s.charAt(plain) != '\u00a0') {
            plain++;
        }
        if (plain == n) {
            return s.toString().strip();
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch == '\r' || ch == '\n') {
                int end = out.length();
                while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
                    end--;
                }
                out.setLength(end);
                while (i + 1 < n && " \t\r\n\u00a0".indexOf(s.charAt(i + 1)) >= 0) {
                    i++;
                }
                continue;
            }
            out.append(ch == '\u00a0' ? ' ' : ch);
        }
        return out.toString().strip();
    }

    private static int span(String attr) {
        try {
            return attr.isBlank() ? 1 : Integer.parseInt(attr.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private DecodedText decode(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        DecodedText declared = m.find() ? declared(m.group(1), bytes) : null;
        return declared != null ? declared : decoder.decode(bytes);
    }

    /** The bytes in the declared charset, or null where the declaration is no help (none, UTF-*, unknown). */
    private static DecodedText declared(String charset, byte[] bytes) {
        if (charset == null) {
            return null;
        }
        String name = charset.toUpperCase(Locale.ROOT);
        // GB2312 and GBK pages routinely contain characters only GB18030 has: read the superset.
        if (name.equals("GB2312") || name.equals("GBK") || name.equals("GB18030") || name.equals("X-GBK")) {
            name = "GB18030";
        }
        // A page declared UTF-8 is often not: detection tries strict UTF-8 first anyway.
        try {
            if (!name.startsWith("UTF") && Charset.isSupported(name)) {
                return new DecodedText(new String(bytes, Charset.forName(name)), name);
            }
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return null;
        }
        return null;
    }
}
