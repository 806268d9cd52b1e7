package io.gongkai.extract.formats.render;

import io.gongkai.extract.formats.render.RenderedReport.Block;
import io.gongkai.extract.formats.render.RenderedReport.Paragraph;
import io.gongkai.extract.formats.render.RenderedReport.Table;
import io.gongkai.extract.formats.render.RenderedReport.TableCell;
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

    public static byte[] render(RenderedReport report, Charset charset) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                .append(charset.name()).append("\"><title>政府信息公开</title>")
                .append("<style>td{border:1px solid #000}</style><script>var x = '<table>';</script></head><body>\n")
                .append("<table class=\"nav\"><tr><td><a href=\"/\">首页</a></td><td>政务公开</td><td>年度报告</td></tr></table>\n")
                .append("<table class=\"layout\"><tr><td>\n");
        for (Block b : report.blocks()) {
            if (b instanceof Paragraph p) {
                h.append("<p style=\"text-indent:2em\">").append(Entities.escape(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                table(h, t);
            }
        }
        h.append("</td></tr></table>\n<div class=\"footer\">主办单位：某某人民政府办公室</div></body></html>\n");
        return h.toString().getBytes(charset);
    }

    static void table(StringBuilder h, Table t) {
        h.append("<table border=\"1\" cellspacing=\"0\">\n");
        for (List<TableCell> row : t.rows()) {
            h.append("<tr>");
            for (TableCell c : row) {
                h.append("<td");
                if (c.rowSpan() > 1) {
                    h.append(" rowspan=\"").append(c.rowSpan()).append('"');
                }
                if (c.colSpan() > 1) {
                    h.append(" colspan=\"").append(c.colSpan()).append('"');
                }
                h.append("><p>").append(wrap(Entities.escape(c.text()))).append("</p></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
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
