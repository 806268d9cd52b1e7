package io.gongkai.extract.formats;

import io.gongkai.extract.parsing.DecodedText;
import io.gongkai.extract.parsing.TextDecoder;
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
    private static final Pattern LINE_BREAK = Pattern.compile("[ \\t]*[\\r\\n]+[ \\t]*");

    private final TextDecoder decoder = new TextDecoder();

    public SourceText read(byte[] bytes) {
        DecodedText decoded = decode(bytes);
        Document doc = Jsoup.parse(decoded.text());
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
                    pending.append(t.getWholeText().replace('\n', ' ').replace('\r', ' ').replace('\u00a0', ' '));
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
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("table") && e.getElementsByTag("table").size() == 1) {
                        flush.run();
                        tables[0]++;
                        grid(e).writeLines(tables[0], out, origins);
                        return FilterResult.SKIP_ENTIRELY;
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
        return new SourceText(out.toString(), origins, decoded.encoding(), List.of());
    }

    private static GridTable grid(Element table) {
        GridTable grid = new GridTable();
        int r = 0;
        for (Element tr : table.getElementsByTag("tr")) {
            for (Element cell : tr.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    grid.add(r, cellText(cell), span(cell.attr("rowspan")), span(cell.attr("colspan")));
                }
            }
            r++;
        }
        return grid;
    }

    /** The cell's text; line breaks (&lt;br&gt;, paragraphs) inside it are wrapped labels and vanish. */
    private static String cellText(Element cell) {
        return LINE_BREAK.matcher(cell.wholeText().replace('\u00a0', ' ')).replaceAll("").strip();
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
        if (m.find()) {
            String name = m.group(1).toUpperCase(Locale.ROOT);
            // GB2312 and GBK pages routinely contain characters only GB18030 has: read the superset.
            if (name.equals("GB2312") || name.equals("GBK") || name.equals("GB18030") || name.equals("X-GBK")) {
                name = "GB18030";
            }
            // A page declared UTF-8 is often not: detection tries strict UTF-8 first anyway.
            if (!name.startsWith("UTF") && Charset.isSupported(name)) {
                return new DecodedText(new String(bytes, Charset.forName(name)), name);
            }
        }
        return decoder.decode(bytes);
    }
}
