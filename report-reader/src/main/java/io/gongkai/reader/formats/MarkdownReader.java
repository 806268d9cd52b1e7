package io.gongkai.reader.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads text as PDF-to-Markdown converters write it: running text line by line, and each pipe table
 * ({@code | 规章 | 0 | 0 | 0 |}) as a {@link GridTable}, so that it takes the same path from the grid on as an
 * HTML or Word table. Converters flatten merged cells (the text in the first cell, the others empty), put a
 * header of their own above the table ({@code | | 数据1 | 数据2 | …}), leave a label that wraps in its cell on
 * a line of its own between the rows, and end rows with empty cells; a table starts at a row followed by a
 * separator row ({@code |---|---|}) and takes the pipe rows after it, with up to {@link #MAX_FLOATING} short
 * text lines between them (labels floating outside their rows) as rows holding only that label. Tables with
 * merged cells that converters write as HTML blocks ({@code <table>…</table>}) are read as HTML tables are.
 * A pipe table prints each row in full, so where its header is the converter's own and names no column, its
 * value columns are read from that structure: from right of the labels to the last cell every row prints
 * (less the converter's empty trailing cell), a column left blank in every row included.
 */
final class MarkdownReader {

    private static final Pattern SEPARATOR_ROW = Pattern.compile("\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?");
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    static final int MAX_FLOATING = 3;
    private static final int MAX_FLOATING_LENGTH = 40;
    /** An HTML table block longer than this is not one (an unclosed tag would otherwise swallow the text). */
    private static final int MAX_HTML_TABLE_LINES = 5000;

    SourceText read(String text, String encoding) {
        String[] lines = text.split("\\R", -1);
        StringBuilder out = new StringBuilder(text.length());
        List<LineOrigin> origins = new ArrayList<>(lines.length);
        int tables = 0;
        List<io.gongkai.model.Finding> findings = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            int htmlEnd = startsTable(lines, i) ? -1 : htmlTableEnd(lines, i);
            GridTable html = htmlEnd > i ? htmlTable(lines, i, htmlEnd) : null;
            int[] dash = html == null ? dashTable(lines, i) : null;
            if (startsTable(lines, i)) {
                GridTable grid = new GridTable();
                i = readTable(lines, i, grid);
                grid.writeLines(++tables, out, origins);
            } else if (html == null && AlignedTextTables.startsGridTable(lines, i)) {
                GridTable grid = new GridTable();
                i = AlignedTextTables.readGridTable(lines, i, grid);
                grid.writeLines(++tables, out, origins);
            } else if (dash != null) {
                GridTable grid = new GridTable();
                AlignedTextTables.readDashTable(lines, i, dash[0], grid);
                grid.writeLines(++tables, out, origins);
                i = dash[1];
            } else if (html != null) {
                html.writeLines(++tables, out, origins);
                i = htmlEnd;
            } else {
                if (isDroppedTable(lines[i])) {
                    findings.add(droppedTable(lines, i));
                }
                out.append(unescaped(lines[i])).append('\n');
                origins.add(LineOrigin.UNKNOWN);
                i++;
            }
        }
        return new SourceText(out.toString(), origins, encoding, findings);
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\p{Punct})");

    /**
     * A line of running text without Markdown's escapes ({@code \#}, {@code 1\.}, pandoc's {@code \[}) and without the
     * backslash that ends a line at a hard line break.
     */
    static String unescaped(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        String s = line.endsWith("\\") && !line.endsWith("\\\\") ? line.substring(0, line.length() - 1) : line;
        return ESCAPE.matcher(s).replaceAll("$1");
    }

    /** pandoc's placeholder for a table it cannot write as plain text (merged cells, {@code -t plain}). */
    static final String DROPPED_TABLE = "[TABLE]";

    static boolean isDroppedTable(String line) {
        return line.strip().equals(DROPPED_TABLE);
    }

    /** UNREADABLE_TABLE for a table the converter left out, naming the heading above it: its values are not in the text. */
    private static io.gongkai.model.Finding droppedTable(String[] lines, int at) {
        String heading = "";
        for (int k = at - 1; k >= 0 && k >= at - 5; k--) {
            if (!lines[k].isBlank()) {
                heading = lines[k].strip();
                break;
            }
        }
        if (heading.length() > 40) {
            heading = heading.substring(0, 40) + "…";
        }
        return new io.gongkai.model.Finding("UNREADABLE_TABLE", io.gongkai.model.Severity.error, List.of(),
                "转换工具把" + (heading.isEmpty() ? "" : "“" + heading + "”下的") + "表格写成了“[TABLE]”占位符（含合并单元格的表格无法写成纯文本），"
                + "表格的数值不在文件中，相应数值留空，请提交原始文件。 The converter replaced a table by \"[TABLE]\": its values are not in the text.");
    }

    /**
     * The dash table (pandoc's simple and multiline tables) whose first line, header included, is line {@code i}:
     * {column line, first line after the table}; else null. The column line is at most five lines below.
     */
    private static int[] dashTable(String[] lines, int i) {
        int j = i;
        while (j < lines.length && j - i <= 5 && !lines[j].isBlank() && !AlignedTextTables.startsDashTable(lines, j)) {
            j++;
        }
        if (j >= lines.length || j - i > 5 || !AlignedTextTables.startsDashTable(lines, j)) {
            return null;
        }
        int[] span = AlignedTextTables.readDashTable(lines, i, j, new GridTable());
        return span != null && span[0] == i ? new int[] {j, span[1]} : null;
    }

    /**
     * Whether the text has a table: a pipe row followed by a separator row, an HTML table block, a grid table
     * ({@code +---+} borders) or a dash table's column line.
     */
    static boolean hasTable(String text) {
        if (text.indexOf('|') < 0 && text.indexOf('<') < 0 && text.indexOf("---") < 0 && !text.contains(DROPPED_TABLE)) {
            return false; // most text: no split into lines
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (startsTable(lines, i) || htmlTableEnd(lines, i) > i || AlignedTextTables.startsGridTable(lines, i)
                    || AlignedTextTables.startsDashTable(lines, i) || isDroppedTable(lines[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where an HTML table block starting at line {@code from} ends (the line after its closing tag), or -1:
     * converters write tables with merged cells as HTML inside the Markdown.
     */
    private static int htmlTableEnd(String[] lines, int from) {
        if (!lines[from].stripLeading().regionMatches(true, 0, "<table", 0, 6)) {
            return -1;
        }
        int depth = 0;
        for (int i = from; i < lines.length && i - from < MAX_HTML_TABLE_LINES; i++) {
            String lower = lines[i].toLowerCase(java.util.Locale.ROOT);
            depth += count(lower, "<table") - count(lower, "</table");
            if (depth <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int count(String s, String tag) {
        int n = 0;
        for (int k = s.indexOf(tag); k >= 0; k = s.indexOf(tag, k + tag.length())) {
            n++;
        }
        return n;
    }

    /** The grid of the HTML table on lines [from, to), or null when it is no data table. */
    private static GridTable htmlTable(String[] lines, int from, int to) {
        String html = String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
        org.jsoup.nodes.Element table = org.jsoup.Jsoup.parseBodyFragment(html).selectFirst("table");
        return table == null ? null : HtmlReader.grid(table);
    }

    private static boolean startsTable(String[] lines, int i) {
        return isPipeRow(lines[i]) && i + 1 < lines.length && isSeparator(lines[i + 1]);
    }

    static boolean isPipeRow(String line) {
        String s = line.strip();
        return s.length() > 1 && s.charAt(0) == '|' && s.indexOf('|', 1) > 0;
    }

    private static boolean isSeparator(String line) {
        String s = line.strip();
        return s.indexOf('-') >= 0 && s.indexOf('|') >= 0 && SEPARATOR_ROW.matcher(s).matches();
    }

    /** Adds the table starting at line {@code from} to the grid; the index of the first line after it. */
    private static int readTable(String[] lines, int from, GridTable grid) {
        int row = 0;
        int i = from;
        int end = from;
        List<String> floating = new ArrayList<>();
        // The structure of the rows with values: how many cells they print, and whether each ends with the empty
        // cell converters add.
        int printed = -1;
        boolean sameWidth = true;
        boolean trailingEmpty = true;
        while (i < lines.length) {
            String line = lines[i];
            if (isSeparator(line)) {
                i++;
                end = i;
                continue;
            }
            if (isPipeRow(line)) {
                if (i > from && startsTable(lines, i)) {
                    break; // the header of the next table
                }
                for (String label : floating) {
                    grid.add(row++, label, 1, 1);
                }
                floating.clear();
                List<String> cells = cells(line);
                for (String cell : cells) {
                    grid.add(row, cell, 1, 1);
                }
                if (cells.stream().anyMatch(HeaderColumns::isValue)) {
                    sameWidth &= printed < 0 || printed == cells.size();
                    printed = Math.max(printed, cells.size());
                    trailingEmpty &= cells.get(cells.size() - 1).isBlank();
                }
                row++;
                i++;
                end = i;
                continue;
            }
            if (line.isBlank()) {
                i++;
                continue;
            }
            String s = line.strip();
            if (floating.size() >= MAX_FLOATING || s.length() > MAX_FLOATING_LENGTH) {
                break;
            }
            floating.add(s);
            i++;
        }
        if (printed > 0 && sameWidth) {
            // Every row with values prints the same cells: the last of them is the table's last column, less the
            // empty cell converters add at the end of each row.
            grid.printedThrough(trailingEmpty ? printed - 2 : printed - 1);
        }
        return end; // floating lines not followed by a row of the table are text after it
    }

    /** The cells of a pipe row: split on bars not escaped, without the outer ones; line-break tags kept as breaks. */
    static List<String> cells(String line) {
        String s = line.strip();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int k = 1; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '\\' && k + 1 < s.length() && s.charAt(k + 1) == '|') {
                cell.append('|');
                k++;
            } else if (ch == '|') {
                cells.add(cellText(cell));
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cellText(cell)); // a row without its closing bar
        }
        return cells;
    }

    /** Emphasis marks dropped; &lt;br&gt; (a wrapped label) becomes a line break, which the grid joins. */
    private static String cellText(CharSequence raw) {
        String s = LINE_BREAK_TAG.matcher(raw).replaceAll("\n");
        return s.replace("**", "").replace("__", "").strip();
    }
}
