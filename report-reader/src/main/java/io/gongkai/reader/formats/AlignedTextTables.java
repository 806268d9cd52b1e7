package io.gongkai.reader.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tables that converters draw with characters aligned in columns rather than with pipes on every row, as pandoc
 * writes them in Markdown and in plain text ({@code -t plain}):
 * <ul>
 * <li>grid tables: {@code +----+----+} border lines, {@code |} between cells, a cell's text wrapped over several
 * lines inside its band; a cell without a bar at a column boundary spans those columns, a cell whose border
 * below is not drawn spans the band under it;</li>
 * <li>dash tables (pandoc's simple and multiline tables): a line of dash runs {@code ------ ----- ----} gives the
 * columns; each row is one line (simple) or a block of lines separated by blank lines (multiline, a cell wrapped
 * over the block's lines).</li>
 * </ul>
 * Columns are positions on screen, so ideographs and full-width forms count two columns, as the converters
 * align them. Each table becomes a {@link GridTable}, the same path as pipe, HTML and Word tables.
 */
final class AlignedTextTables {

    /** A dash table whose closing line is further than this is not one (a stray dash line in running text). */
    private static final int MAX_TABLE_LINES = 2000;
    private static final int MIN_DASHES = 3;

    private AlignedTextTables() {
    }

    /** Whether a grid table starts at line {@code i}: a border line followed by a line of cells. */
    static boolean startsGridTable(String[] lines, int i) {
        return isBorder(lines[i]) && i + 1 < lines.length && lines[i + 1].stripLeading().startsWith("|");
    }

    /** Whether a dash table's column line is at {@code i}: two or more dash runs and nothing else. */
    static boolean startsDashTable(String[] lines, int i) {
        return dashRuns(lines[i]).size() >= 2;
    }

    // ---- grid tables --------------------------------------------------------------------------------------

    /** A grid table's border: "+", "-", "=" and ":" only, starting and ending with "+", two "+" at least. */
    static boolean isBorder(String line) {
        String s = line.strip();
        if (s.length() < 3 || s.charAt(0) != '+' || s.charAt(s.length() - 1) != '+') {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '+' && c != '-' && c != '=' && c != ':') {
                return false;
            }
        }
        return true;
    }

    /** Reads the grid table starting at line {@code from} into {@code grid}; the index of the first line after it. */
    static int readGridTable(String[] lines, int from, GridTable grid) {
        int end = from + 1;
        while (end < lines.length && (lines[end].stripLeading().startsWith("|") || lines[end].stripLeading().startsWith("+"))) {
            end++;
        }
        while (end > from + 1 && !isBorderLike(lines[end - 1])) {
            end--; // the table ends on a border
        }
        // Column boundaries: every "+" of every border line (a band with fewer cells draws fewer).
        TreeSet<Integer> bounds = new TreeSet<>();
        for (int i = from; i < end; i++) {
            if (isBorderLike(lines[i])) {
                int[] cols = columns(lines[i]);
                for (int k = 0; k < lines[i].length(); k++) {
                    if (lines[i].charAt(k) == '+') {
                        bounds.add(cols[k]);
                    }
                }
            }
        }
        int[] b = bounds.stream().mapToInt(Integer::intValue).toArray();
        int slots = b.length - 1;
        if (slots < 1) {
            return end;
        }
        // Bands of content lines between border lines; a slot whose border is not drawn continues the cell above.
        List<Cell> cells = new ArrayList<>();
        Cell[] above = new Cell[slots];
        boolean[] openBelow = new boolean[slots];
        int band = -1;
        List<String> bandLines = new ArrayList<>();
        for (int i = from; i <= end; i++) {
            boolean border = i == end || isBorderLike(lines[i]);
            if (!border) {
                bandLines.add(lines[i]);
                continue;
            }
            if (!bandLines.isEmpty()) {
                band++;
                Cell[] row = new Cell[slots];
                boolean[] separator = separators(bandLines, b);
                for (int s = 0; s < slots; s++) {
                    if (openBelow[s] && above[s] != null) {
                        row[s] = above[s];
                        row[s].lastBand = band;
                    } else if (s > 0 && !separator[s] && row[s - 1] != null && row[s - 1].firstBand == band) {
                        row[s] = row[s - 1];
                        row[s].lastSlot = s;
                    } else {
                        row[s] = new Cell(band, s);
                        cells.add(row[s]);
                    }
                }
                for (String l : bandLines) {
                    int[] cols = columns(l);
                    for (int s = 0; s < slots; s++) {
                        if (s == 0 || row[s] != row[s - 1]) {
                            int last = row[s].lastSlot;
                            row[s].text.append(between(l, cols, b[s], b[Math.min(last + 1, slots)])).append('\n');
                        }
                    }
                }
                above = row;
                bandLines.clear();
            }
            if (i < end) {
                int[] cols = columns(lines[i]);
                for (int s = 0; s < slots; s++) {
                    String seg = between(lines[i], cols, b[s], b[s + 1]);
                    // A slot the border does not draw (spaces, or the cell's text) is a cell spanning into the next band.
                    openBelow[s] = seg.isEmpty() || !seg.chars().allMatch(c -> c == '-' || c == '=' || c == ':');
                }
            }
        }
        for (Cell c : cells) {
            grid.add(c.firstBand, cellText(c.text.toString()), c.lastBand - c.firstBand + 1, c.lastSlot - c.firstSlot + 1);
        }
        return end;
    }

    /** A line that separates bands: starts with "+", or a bar line with "+-" joints (cells spanning it). */
    private static boolean isBorderLike(String line) {
        String s = line.strip();
        return s.startsWith("+") || (s.startsWith("|") && (s.contains("+-") || s.contains("-+") || s.contains("+=")));
    }

    /** For each boundary, whether every line of the band has a bar on it. */
    private static boolean[] separators(List<String> band, int[] b) {
        boolean[] sep = new boolean[b.length];
        java.util.Arrays.fill(sep, true);
        for (String l : band) {
            int[] cols = columns(l);
            TreeSet<Integer> bars = new TreeSet<>();
            for (int k = 0; k < l.length(); k++) {
                if (l.charAt(k) == '|') {
                    bars.add(cols[k]);
                }
            }
            for (int s = 0; s < b.length; s++) {
                sep[s] &= bars.contains(b[s]);
            }
        }
        return sep;
    }

    private static final class Cell {
        final int firstBand;
        final int firstSlot;
        int lastBand;
        int lastSlot;
        final StringBuilder text = new StringBuilder();

        Cell(int band, int slot) {
            firstBand = band;
            lastBand = band;
            firstSlot = slot;
            lastSlot = slot;
        }
    }

    // ---- dash tables --------------------------------------------------------------------------------------

    /** The [start, end) screen columns of the dash runs of a line made only of dashes and spaces; else empty. */
    static List<int[]> dashRuns(String line) {
        List<int[]> runs = new ArrayList<>();
        int col = 0;
        int start = -1;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '-') {
                if (start < 0) {
                    start = col;
                }
            } else if (c == ' ' || c == '\t') {
                if (start >= 0) {
                    if (col - start < MIN_DASHES) {
                        return List.of();
                    }
                    runs.add(new int[] {start, col});
                    start = -1;
                }
            } else if (c != '\r') {
                return List.of();
            }
            col++;
        }
        if (start >= 0) {
            if (col - start < MIN_DASHES) {
                return List.of();
            }
            runs.add(new int[] {start, col});
        }
        return runs;
    }

    /**
     * Reads the dash table whose column line is {@code at} into {@code grid}. {@code from} is where the text above
     * it that is not yet written starts (a header line above the column line belongs to the table). Returns the
     * table's first line (header included) and the index of the first line after it, or null when it is no table.
     */
    static int[] readDashTable(String[] lines, int from, int at, GridTable grid) {
        List<int[]> runs = dashRuns(lines[at]);
        int width = runs.get(runs.size() - 1)[1];
        // A header: the non-blank lines right above the column line, under a full-width dash line (multiline) or
        // one line after a blank one (simple).
        int top = at;
        boolean fullLineAbove = false;
        int k = at - 1;
        while (k >= from && k >= at - 4 && !lines[k].isBlank() && !isFullDashLine(lines[k], width)) {
            k--;
        }
        if (k >= from && k < at - 1 && isFullDashLine(lines[k], width)) {
            top = k;
            fullLineAbove = true;
        } else if (at - 1 >= from && !lines[at - 1].isBlank() && (at - 2 < from || lines[at - 2].isBlank()) && fits(lines[at - 1], runs)) {
            top = at - 1;
        }
        int close = -1;
        if (top == at || fullLineAbove) {
            for (int i = at + 1; i < lines.length && i - at < MAX_TABLE_LINES; i++) {
                if (startsDashTable(lines, i) || isFullDashLine(lines[i], width)) {
                    close = i;
                    break;
                }
                if (!lines[i].isBlank() && !fits(lines[i], runs)) {
                    break;
                }
            }
        }
        int row = 0;
        if (top < at) {
            List<String> header = new ArrayList<>();
            for (int i = fullLineAbove ? top + 1 : top; i < at; i++) {
                header.add(lines[i]);
            }
            addRow(grid, row++, header, runs);
        }
        if (close < 0) {
            // A simple table: a row per line, to the first blank line.
            int i = at + 1;
            while (i < lines.length && !lines[i].isBlank() && !startsDashTable(lines, i) && fits(lines[i], runs)) {
                addRow(grid, row++, List.of(lines[i]), runs);
                i++;
            }
            if (i < lines.length && startsDashTable(lines, i) && dashRuns(lines[i]).size() == runs.size()) {
                i++; // a headerless simple table's closing line
            }
            return row == 0 ? null : new int[] {top, i};
        }
        boolean blankSeparated = false;
        for (int i = at + 1; i < close; i++) {
            blankSeparated |= lines[i].isBlank();
        }
        List<String> block = new ArrayList<>();
        for (int i = at + 1; i < close; i++) {
            if (!blankSeparated) {
                addRow(grid, row++, List.of(lines[i]), runs); // a headerless simple table: a row per line
            } else if (lines[i].isBlank()) {
                if (!block.isEmpty()) {
                    addRow(grid, row++, block, runs);
                    block = new ArrayList<>();
                }
            } else {
                block.add(lines[i]);
            }
        }
        if (!block.isEmpty()) {
            addRow(grid, row++, block, runs);
        }
        return row == 0 ? null : new int[] {top, close + 1};
    }

    private static boolean isFullDashLine(String line, int width) {
        List<int[]> runs = dashRunsAnyLength(line);
        return runs.size() == 1 && runs.get(0)[1] - runs.get(0)[0] >= Math.max(MIN_DASHES, width * 3 / 4);
    }

    private static List<int[]> dashRunsAnyLength(String line) {
        String s = line.strip();
        if (s.length() < MIN_DASHES || s.chars().anyMatch(c -> c != '-')) {
            return List.of();
        }
        int lead = line.indexOf('-');
        return List.<int[]>of(new int[] {lead, lead + s.length()});
    }

    /** Whether the line's text starts no word left of the table or in no column gap far from any column. */
    private static boolean fits(String line, List<int[]> runs) {
        int[] cols = columns(line);
        for (int k = 0; k < line.length(); k++) {
            if (!Character.isWhitespace(line.charAt(k)) && (k == 0 || Character.isWhitespace(line.charAt(k - 1)))) {
                if (cols[k] < runs.get(0)[0] - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One row from a block of lines: each word goes to the column its first character stands under. */
    private static void addRow(GridTable grid, int row, List<String> block, List<int[]> runs) {
        StringBuilder[] text = new StringBuilder[runs.size()];
        for (int c = 0; c < text.length; c++) {
            text[c] = new StringBuilder();
        }
        for (String line : block) {
            int[] cols = columns(line);
            int current = -1;
            StringBuilder[] thisLine = new StringBuilder[runs.size()];
            for (int k = 0; k < line.length(); k++) {
                char ch = line.charAt(k);
                if (Character.isWhitespace(ch)) {
                    if (current >= 0 && thisLine[current] != null) {
                        thisLine[current].append(' ');
                    }
                    if (k + 1 < line.length() && line.charAt(k + 1) != ' ' && line.charAt(k + 1) != '\t') {
                        current = -1; // the next word finds its column
                    }
                    continue;
                }
                if (current < 0) {
                    current = columnOf(cols[k], runs);
                }
                if (thisLine[current] == null) {
                    thisLine[current] = new StringBuilder();
                }
                thisLine[current].append(ch);
            }
            for (int c = 0; c < runs.size(); c++) {
                if (thisLine[c] != null) {
                    text[c].append(thisLine[c].toString().strip()).append('\n');
                }
            }
        }
        for (StringBuilder t : text) {
            grid.add(row, cellText(t.toString()), 1, 1);
        }
    }

    /** The column a word starting at screen column {@code col} belongs to: the run holding it, else the nearest. */
    private static int columnOf(int col, List<int[]> runs) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int c = 0; c < runs.size(); c++) {
            int[] r = runs.get(c);
            if (col >= r[0] && col < r[1]) {
                return c;
            }
            int d = col < r[0] ? r[0] - col : col - r[1] + 1;
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    // ---- shared -----------------------------------------------------------------------------------------

    /** The screen column of each char of the line: ideographs, full-width forms and CJK punctuation take two. */
    static int[] columns(String line) {
        int[] cols = new int[line.length() + 1];
        int col = 0;
        for (int k = 0; k < line.length(); k++) {
            cols[k] = col;
            char c = line.charAt(k);
            if (Character.isLowSurrogate(c)) {
                continue; // the pair's width was counted at its high half
            }
            col += wide(line.codePointAt(k)) ? 2 : 1;
        }
        cols[line.length()] = col;
        return cols;
    }

    /** East Asian wide and full-width characters (the ranges terminals and pandoc count as two columns). */
    static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** The text of the line between screen columns {@code from} and {@code to} (exclusive of the bars on them). */
    private static String between(String line, int[] cols, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < line.length(); k++) {
            if (cols[k] > from && cols[k] < to) {
                s.append(line.charAt(k));
            }
        }
        return s.toString().strip();
    }

    /**
     * A cell's lines: pandoc's hard line break (a backslash ending a line) and its escapes ({@code 1\.}) dropped,
     * emphasis marks dropped; the lines stay apart for the grid to join.
     */
    static String cellText(String raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n")) {
            String s = line.strip();
            if (s.endsWith("\\")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            s = s.replaceAll("\\\\(\\p{Punct})", "$1").replace("**", "").replace("__", "");
            if (!s.isEmpty()) {
                out.append(out.length() > 0 ? "\n" : "").append(s);
            }
        }
        return out.toString();
    }
}
