package io.gongkai.reader.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gives back the blank cells that PDF text loses. In a PDF a blank cell prints nothing, so "行政规范性文件 0 13"
 * could be any two of three columns; the words' x positions tell which. A row with fewer numbers than a
 * nearby complete row of the same table (same block: no caption, header or section heading between) is
 * written tab-separated with an empty field for each blank column — but only when every number lines up
 * with one column of that complete row beyond doubt; otherwise the row stays as printed (and the parser
 * reports it unreadable rather than guessing).
 */
final class BlankCellLocator {

    private static final Pattern NUMBER = Pattern.compile("[-−]?\\d[\\d,]*(?:\\.\\d+)?");
    /** Lines a table block does not reach across. */
    private static final Pattern BOUNDARY = Pattern.compile("^\\s*(?:[一二三四五六七八九十]、\\S{4,}|第二十条|信息内容).*");
    private static final int WINDOW = 40;

    private BlankCellLocator() {
    }

    /** The text of each line, tab-separated where blank cells were located. */
    static List<String> render(List<PositionedLine> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int[] numbers = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            numbers[i] = trailingNumbers(lines.get(i));
        }
        for (int i = 0; i < lines.size(); i++) {
            String located = numbers[i] >= 1 ? locate(lines, numbers, i) : null;
            out.add(located != null ? located : lines.get(i).text());
        }
        return out;
    }

    private static String locate(List<PositionedLine> lines, int[] numbers, int i) {
        int reference = reference(lines, numbers, i);
        if (reference < 0) {
            return null;
        }
        List<PositionedLine.Word> ref = tail(lines.get(reference), numbers[reference]);
        List<PositionedLine.Word> mine = tail(lines.get(i), numbers[i]);
        float gap = Float.MAX_VALUE;
        for (int j = 1; j < ref.size(); j++) {
            gap = Math.min(gap, ref.get(j).center() - ref.get(j - 1).center());
        }
        if (gap <= 0) {
            return null;
        }
        String[] fields = new String[ref.size()];
        int lastColumn = -1;
        for (PositionedLine.Word w : mine) {
            int best = -1;
            float bestDistance = Float.MAX_VALUE;
            for (int j = 0; j < ref.size(); j++) {
                float d = distance(w, ref.get(j));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = j;
                }
            }
            if (best <= lastColumn || bestDistance > gap / 3) {
                return null; // not beyond doubt: leave the row as printed
            }
            fields[best] = w.text();
            lastColumn = best;
        }
        PositionedLine line = lines.get(i);
        List<PositionedLine.Word> words = line.words();
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < words.size() - numbers[i]; k++) {
            if (k > 0) {
                b.append(' ');
            }
            b.append(words.get(k).text());
        }
        for (String f : fields) {
            // A blank cell is a field holding a space: the parser takes leading empty fields for indentation.
            b.append('\t').append(f == null ? " " : f);
        }
        return b.toString();
    }

    /** Left edges, right edges or centres aligned: numbers are left-, right- or centre-aligned in cells. */
    private static float distance(PositionedLine.Word a, PositionedLine.Word b) {
        return Math.min(Math.abs(a.center() - b.center()), Math.min(Math.abs(a.x0() - b.x0()), Math.abs(a.x1() - b.x1())));
    }

    /** The nearest line of the same block with more numbers (at least 3), preferring the most complete. */
    private static int reference(List<PositionedLine> lines, int[] numbers, int i) {
        int best = -1;
        for (int direction : new int[] {-1, 1}) {
            for (int k = i + direction; k >= 0 && k < lines.size() && Math.abs(k - i) <= WINDOW; k += direction) {
                if (numbers[k] == 0 && BOUNDARY.matcher(lines.get(k).text()).matches()) {
                    break;
                }
                if (numbers[k] > numbers[i] && numbers[k] >= 3 && (best < 0 || numbers[k] > numbers[best])) {
                    best = k;
                }
            }
        }
        return best;
    }

    private static int trailingNumbers(PositionedLine line) {
        int n = 0;
        List<PositionedLine.Word> words = line.words();
        for (int k = words.size() - 1; k >= 0 && NUMBER.matcher(words.get(k).text()).matches(); k--) {
            n++;
        }
        return n;
    }

    private static List<PositionedLine.Word> tail(PositionedLine line, int n) {
        List<PositionedLine.Word> words = line.words();
        return words.subList(words.size() - n, words.size());
    }
}
