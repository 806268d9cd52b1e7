package io.gongkai.reader.formats.render;

import io.gongkai.reader.formats.render.RenderedReport.Block;
import io.gongkai.reader.formats.render.RenderedReport.Paragraph;
import io.gongkai.reader.formats.render.RenderedReport.Table;
import io.gongkai.reader.formats.render.RenderedReport.TableCell;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report as PDF-to-Markdown converters do: paragraphs as lines, tables as pipe tables with merged
 * cells flattened (the text in the cell's first slot, the slots it covered empty). {@link Style#CONVERTER}
 * adds what real converter output shows: a header row of its own ({@code | | 数据1 | 数据2 | …}) above the
 * table's rows, labels that span rows floating on a line of their own above their first row, long labels
 * wrapped with {@code <br>}, and an empty trailing cell on every row.
 */
public final class MarkdownRenderer {

    public enum Style {
        /** Merged cells flattened, the table's first row as the Markdown header. */
        PLAIN,
        /** As converters write: their own header row, floating labels, wrapped labels, a trailing empty cell. */
        CONVERTER,
        /** As {@link #CONVERTER}, with the table's own header rows lost (only the converter's is left). */
        CONVERTER_HEADERLESS,
        /** Tables with merged cells as HTML blocks between the Markdown lines, as some converters write them. */
        HTML_TABLES
    }

    private MarkdownRenderer() {
    }

    public static String render(RenderedReport report, Style style) {
        StringBuilder md = new StringBuilder();
        for (Block b : report.blocks()) {
            if (b instanceof Paragraph p) {
                md.append(p.text()).append("\n\n");
            } else if (b instanceof Table t && style == Style.HTML_TABLES) {
                HtmlRenderer.table(md, t);
            } else if (b instanceof Table t) {
                table(md, t, style);
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Table t, Style style) {
        int width = t.columns();
        int height = t.rows().size();
        String[][] text = new String[height][width];
        boolean[][] floating = new boolean[height][width];
        boolean[][] covered = new boolean[height][width];
        for (int r = 0; r < height; r++) {
            int c = 0;
            for (TableCell cell : t.rows().get(r)) {
                while (c < width && covered[r][c]) {
                    c++;
                }
                for (int rr = r; rr < Math.min(height, r + cell.rowSpan()); rr++) {
                    for (int cc = c; cc < Math.min(width, c + cell.colSpan()); cc++) {
                        covered[rr][cc] = true;
                        text[rr][cc] = "";
                    }
                }
                text[r][c] = cell.text();
                floating[r][c] = cell.rowSpan() > 1 && isDataRow(t.rows().get(r));
                c += cell.colSpan();
            }
        }
        boolean converter = style != Style.PLAIN;
        boolean headerless = style == Style.CONVERTER_HEADERLESS;
        List<String> header = new ArrayList<>();
        if (converter) {
            header.add(" ");
            for (int c = 1; c <= width; c++) {
                header.add("数据" + c); // one more than the table has: the empty trailing column
            }
        }
        for (int r = 0; r < height; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String s = text[r][c] == null ? "" : text[r][c];
                if (converter && floating[r][c]) {
                    md.append(s).append('\n'); // the label on a line of its own, above its row
                    s = "";
                }
                row.add(converter ? wrap(s) : s);
            }
            if (converter) {
                row.add("");
            }
            if (r == 0 && !converter) {
                line(md, row);
                separator(md, row.size());
                continue;
            }
            if (r == 0) {
                line(md, header);
                separator(md, header.size());
            }
            if (!headerless || isDataRow(t.rows().get(r)) || r > firstDataRow(t)) {
                line(md, row);
            }
        }
    }

    private static int firstDataRow(Table t) {
        for (int r = 0; r < t.rows().size(); r++) {
            if (isDataRow(t.rows().get(r))) {
                return r;
            }
        }
        return t.rows().size();
    }

    private static boolean isDataRow(List<TableCell> row) {
        return row.stream().anyMatch(c -> List.of("/", "—", "-", "无").contains(c.text())
                || !c.text().isEmpty() && c.text().chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '.'));
    }

    private static String wrap(String s) {
        if (s.length() <= 14) {
            return s;
        }
        return s.substring(0, 14) + "<br>" + s.substring(14);
    }

    private static void line(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String c : cells) {
            md.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    private static void separator(StringBuilder md, int n) {
        md.append('|');
        for (int i = 0; i < n; i++) {
            md.append("---|");
        }
        md.append('\n');
    }
}
