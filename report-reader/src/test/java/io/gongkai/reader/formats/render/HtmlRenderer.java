package io.gongkai.reader.formats.render;

import io.gongkai.reader.formats.render.RenderedReport.Block;
import io.gongkai.reader.formats.render.RenderedReport.Paragraph;
import io.gongkai.reader.formats.render.RenderedReport.Table;
import io.gongkai.reader.formats.render.RenderedReport.TableCell;
import java.nio.charset.Charset;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Writes a report as a government web page does: a layout table around the content, navigation tables,
 * the three statistics tables with rowspan/colspan and wrapped (&lt;br&gt;) headers, in the given charset.
 */
public final class HtmlRenderer {

    private HtmlRenderer() {
    }

    /**
     * How a page dresses its tables: {@code css} added to the page's style sheet (tables carry the classes
     * {@code t1}, {@code t2}, {@code t3} in order, label cells {@code l}); {@code headerAsThead} puts each
     * table's leading header rows (as many as its first cell spans) into a {@code thead}, which browsers repeat
     * on every page the table runs over.
     */
    public record Style(String css, boolean headerAsThead) {
        public static final Style PLAIN = new Style("", false);
    }

    public static byte[] render(RenderedReport report, Charset charset) {
        return render(report, charset, Style.PLAIN);
    }

    public static byte[] render(RenderedReport report, Charset charset, Style style) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                .append(charset.name()).append("\"><title>政府信息公开</title>")
                .append("<style>td{border:1px solid #000}").append(style.css()).append("</style><script>var x = '<table>';</script></head><body>\n")
                .append("<table class=\"nav\"><tr><td><a href=\"/\">首页</a></td><td>政务公开</td><td>年度报告</td></tr></table>\n")
                .append("<table class=\"layout\"><tr><td>\n");
        int tables = 0;
        for (Block b : report.blocks()) {
            if (b instanceof Paragraph p) {
                h.append("<p style=\"text-indent:2em\">").append(Entities.escape(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                table(h, t, ++tables, style);
            }
        }
        h.append("</td></tr></table>\n<div class=\"footer\">主办单位：某某人民政府办公室</div></body></html>\n");
        return h.toString().getBytes(charset);
    }

    /** A table as a plain page prints it (also the HTML tables converter Markdown keeps). */
    static void table(StringBuilder h, Table t) {
        table(h, t, 0, Style.PLAIN);
    }

    private static void table(StringBuilder h, Table t, int number, Style style) {
        h.append("<table class=\"t").append(number).append("\" border=\"1\" cellspacing=\"0\">\n");
        int head = style.headerAsThead() ? t.rows().get(0).get(0).rowSpan() : 0;
        for (int r = 0; r < t.rows().size(); r++) {
            List<TableCell> row = t.rows().get(r);
            if (r == 0 && head > 0) {
                h.append("<thead>");
            }
            h.append("<tr>");
            for (TableCell c : row) {
                h.append("<td");
                if (!c.text().isEmpty() && !Character.isDigit(c.text().charAt(0))) {
                    h.append(" class=\"l\"");
                }
                if (c.rowSpan() > 1) {
                    h.append(" rowspan=\"").append(c.rowSpan()).append('"');
                }
                if (c.colSpan() > 1) {
                    h.append(" colspan=\"").append(c.colSpan()).append('"');
                }
                h.append("><p>").append(wrap(Entities.escape(c.text()))).append("</p></td>");
            }
            h.append("</tr>\n");
            if (head > 0 && r == head - 1) {
                h.append("</thead><tbody>");
            }
        }
        h.append(head > 0 ? "</tbody></table>\n" : "</table>\n");
    }

    /**
     * Long labels wrapped with &lt;br&gt; every 12 characters, as narrow cells are in exported pages; a text
     * broken into lines already keeps its breaks.
     */
    private static String wrap(String s) {
        if (s.indexOf('\n') >= 0) {
            return s.replace("\n", "<br>");
        }
        if (s.length() <= 12 || !Character.isIdeographic(s.codePointAt(0)) && s.charAt(0) != '（') {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += 12) {
            if (i > 0) {
                b.append("<br>");
            }
            b.append(s, i, Math.min(s.length(), i + 12));
        }
        return b.toString();
    }
}
