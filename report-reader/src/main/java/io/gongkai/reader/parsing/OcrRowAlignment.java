package io.gongkai.reader.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Places the rows of an OCR'd table whose labels name no row by their words, by aligning the whole sequence of the
 * table's row labels to the template's row order (a global alignment, Needleman–Wunsch with free gaps: a row may be
 * missing from the print, a line may be no row). Labels that name their row by their words are fixed points; a label
 * between them goes to the template row it resembles, in order. A placement is kept only where the label shares at
 * least {@link #FLOOR} of the row's wording (longest common subsequence over the longer of the two) and where the
 * alignment without it scores at least {@link #MARGIN} less (another row as likely, or none, leaves it unplaced).
 * A misread label thus keeps its row where its neighbours fix its place ({@code 5台子二天内部可他信息} between rows 4
 * and 6 of 不予公开 is row 5), which the label alone (see {@link OcrLabels}) cannot tell; a label that reads like no
 * row, alone in a gap of exactly one row (the table's start and end count as placed rows), is that row. Only for OCR'd text: a text layer prints its labels as they
 * are. The values stay under the table identities (OcrCrossCheck).
 */
final class OcrRowAlignment {

    /** Below this likeness a label is no misreading of a row: even between two fixed rows it stays unplaced. */
    static final double FLOOR = 0.34;
    /** How much worse the best alignment without a placement must be for that placement to count as unambiguous. */
    static final double MARGIN = 0.15;
    /**
     * What stands for the label of a line of values whose label cell OCR read as nothing: the line is given it once
     * the alignment places the row, so the row's printed label is reported as this (TEMPLATE_DEVIATION).
     */
    static final String LOST_LABEL = "（标签未识别）";
    private static final String LOST = TextNormalizer.compact(TextNormalizer.squeeze(LOST_LABEL));

    /** A label that names its row by its words: weightier than any likeness, so the alignment keeps it. */
    private static final double FIXED = 1000;
    private static final double NEVER = Double.NEGATIVE_INFINITY;

    /**
     * A row label of the table: its line, the compact text of the label that starts the row (the last before the
     * line's first value), the texts it is compared by (that label, and it joined to the one or two before it: OCR
     * splits a label into fields, {@code 5属于三 | 类内部事务信息 | ，、}), and the row its words name (null when none).
     */
    record Label(int line, String compact, List<String> texts, String known) {
        Label(int line, String compact, String known) {
            this(line, compact, List.of(unnumbered(compact)), known);
        }
    }

    private OcrRowAlignment() {
    }

    /**
     * The rows of the table's lines {@code [from, to)} that name no row by their words, placed by alignment: by
     * line, the label's compact text and its row key. {@code known} classifies every label of the table in order
     * (it may keep state, such as the group cell a label stands under) and returns the row its words name, or null.
     */
    static Map<Integer, Placement> place(List<Line> lines, int from, int to, Map<String, String> template,
            Function<LabelItem, String> known) {
        return place(lines, from, to, List.of(template), known);
    }

    /**
     * As {@link #place(List, int, int, Map, Function)}, for a table printed in one of several row orders (2021's
     * 其他处理 split into three rows, 2019's one): the order the labels fit best is the table's.
     */
    static Map<Integer, Placement> place(List<Line> lines, int from, int to, List<Map<String, String>> orders,
            Function<LabelItem, String> known) {
        List<Label> labels = rowLabels(lines, from, to, known);
        Alignment best = null;
        Map<String, String> bestOrder = null;
        for (Map<String, String> order : orders) {
            Alignment a = alignment(labels, order);
            if (best == null || a.total() > best.total()) {
                best = a;
                bestOrder = order;
            }
        }
        Map<Integer, Placement> out = new HashMap<>();
        for (Map.Entry<Integer, String> e : best.placed().entrySet()) {
            Label label = labels.get(e.getKey());
            if (!best.edges().contains(e.getKey()) || !namedElsewhere(lines, from, to, label, e.getValue(), bestOrder)) {
                out.put(label.line(), new Placement(label.compact(), e.getValue()));
            }
        }
        return out;
    }

    /**
     * Whether another line of the table carries a label that reads like the row a label reading like no row was
     * placed in by the table's start or end (a line with no number the row labels leave out:
     * {@code 行政事业性收费 | 96171.6四}): that line is the row, and the placed one a stray line of figures.
     */
    private static boolean namedElsewhere(List<Line> lines, int from, int to, Label label, String key,
            Map<String, String> order) {
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank() || line.number == label.line()) {
                continue;
            }
            for (LineItem item : LineTokenizer.tokenize(line).items()) {
                if (item instanceof LabelItem other && key.equals(likest(unnumbered(other.compact()), order))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The rows placed, by index into the labels, the score of the best alignment they come from, and which of the
     * placements only the table's start or end fixed (see {@link #namedElsewhere}).
     */
    record Alignment(Map<Integer, String> placed, double total, java.util.Set<Integer> edges) {
    }

    /** Where a label was placed: the label (to tell it from others on its line) and its row. */
    record Placement(String compact, String key) {
    }

    /**
     * The label that starts a row on each line of the table: the last text before the line's first value, on a
     * line that holds a number (a header or a wrapped label holds none). Every label goes through {@code known}.
     */
    static List<Label> rowLabels(List<Line> lines, int from, int to, Function<LabelItem, String> known) {
        List<Label> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<LabelItem> run = new ArrayList<>();
            String runKnown = null;
            Label row = null;
            boolean number = false;
            for (LineItem item : LineTokenizer.tokenize(line).items()) {
                if (item instanceof LabelItem label) {
                    String k = known.apply(label);
                    if (row == null) {
                        run.add(label);
                        runKnown = k != null ? k : runKnown;
                    }
                } else if (item instanceof Cell cell) {
                    if (row == null) {
                        // A line that starts with its values: its label cell read as nothing.
                        row = run.isEmpty() ? new Label(line.number, LOST, List.of(""), null)
                                : new Label(run.getLast().line(), run.getLast().compact(), joins(run), runKnown);
                    }
                    number |= cell.kind() == Cell.Kind.NUMBER;
                }
            }
            if (row != null && number) {
                out.add(row);
            }
        }
        return out;
    }

    /** The last label of the run, and it joined to the one and the two before it, without numbering. */
    private static List<String> joins(List<LabelItem> run) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int k = run.size() - 1; k >= Math.max(0, run.size() - 3); k--) {
            b.insert(0, run.get(k).compact());
            out.add(unnumbered(b.toString()));
        }
        return out;
    }

    /**
     * Aligns {@code labels} to the template rows in order; returns, by index into {@code labels}, the rows placed for
     * labels that named none by their words, or another than the order allows (a number under a group cell OCR
     * lost: {@code 3其亿} read as item 3 of the group before), where the placement is likely enough and unambiguous.
     */
    static Map<Integer, String> align(List<Label> labels, Map<String, String> template) {
        return alignment(labels, template).placed();
    }

    private static Alignment alignment(List<Label> labels, Map<String, String> template) {
        List<String> keys = new ArrayList<>(template.keySet());
        List<String> wordings = new ArrayList<>(template.values());
        int n = labels.size();
        int m = keys.size();
        double[][] score = new double[n][m];
        for (int i = 0; i < n; i++) {
            Label label = labels.get(i);
            for (int j = 0; j < m; j++) {
                if (keys.get(j).equals(label.known())) {
                    score[i][j] = FIXED;
                } else {
                    double s = 0;
                    for (String text : label.texts()) {
                        s = Math.max(s, likeness(text, wordings.get(j)));
                    }
                    score[i][j] = s >= FLOOR ? s : NEVER;
                }
            }
        }
        int[] best = new int[n];
        double total = best(score, best);
        Map<Integer, String> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int j = best[i];
            if (j < 0 || keys.get(j).equals(labels.get(i).known())) {
                continue;
            }
            double kept = score[i][j];
            score[i][j] = NEVER;
            double without = best(score, new int[n]);
            score[i][j] = kept;
            if (total - without >= MARGIN) {
                out.put(i, keys.get(j));
            }
        }
        java.util.Set<Integer> edges = fillSingleGaps(labels, best, out, keys, wordings);
        return new Alignment(out, total, edges);
    }

    /**
     * A label the alignment left out, alone between two placed rows that leave exactly one template row free between
     * them, is that row when it reads like no row (nothing, or a group cell's remains: {@code （五）不处理} for
     * 1.信访举报投诉类申请): the grid row is there, and the order has no other place for it. The table's start and
     * end count as placed: a first label before the template's second row is its first row, a last label after the
     * row before its last is its last row (a first or last row whose label OCR lost); returns those placements.
     */
    private static java.util.Set<Integer> fillSingleGaps(List<Label> labels, int[] best, Map<Integer, String> out,
            List<String> keys, List<String> wordings) {
        java.util.Set<Integer> edges = new java.util.HashSet<>();
        int[] at = new int[labels.size()];
        for (int i = 0; i < at.length; i++) {
            String key = out.get(i);
            String known = labels.get(i).known();
            at[i] = key != null ? keys.indexOf(key) : known != null && best[i] >= 0 && keys.get(best[i]).equals(known) ? best[i] : -1;
        }
        for (int i = 0; i < at.length; i++) {
            // The table's start and end are fixed points too: before its first row, after its last.
            int before = i == 0 ? -1 : at[i - 1];
            int after = i + 1 == at.length ? keys.size() : at[i + 1];
            boolean placedBefore = i == 0 || before >= 0;
            boolean placedAfter = i + 1 == at.length || after >= 0;
            if (at[i] < 0 && labels.get(i).known() == null && placedBefore && placedAfter && after == before + 2
                    && (i > 0 || i + 1 < at.length) && !likeAnyRow(labels.get(i), wordings)) {
                out.put(i, keys.get(before + 1));
                if (i == 0 || i + 1 == at.length) {
                    edges.add(i);
                }
            }
        }
        return edges;
    }

    /** The row the text reads most like, at the floor at least (null: none). */
    private static String likest(String text, Map<String, String> order) {
        String out = null;
        double best = FLOOR;
        for (Map.Entry<String, String> row : order.entrySet()) {
            double s = likeness(text, row.getValue());
            if (s >= best) {
                out = s > best || out == null ? row.getKey() : out;
                best = s;
            }
        }
        return out;
    }

    /** Whether the label reads like some row (at the floor): then it is that row out of place, or a row of its own. */
    private static boolean likeAnyRow(Label label, List<String> wordings) {
        for (String w : wordings) {
            for (String text : label.texts()) {
                if (likeness(text, w) >= FLOOR) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The table's lines with {@link #LOST_LABEL} before the values of each line whose label OCR lost and whose row
     * the alignment placed, so that the line starts its row as any other; the other lines as they are.
     */
    static List<Line> withLostLabels(List<Line> lines, Map<Integer, Placement> placed) {
        if (placed.values().stream().noneMatch(p -> p.compact().equals(LOST))) {
            return lines;
        }
        List<Line> out = new ArrayList<>(lines.size());
        for (Line line : lines) {
            Placement p = placed.get(line.number);
            out.add(p != null && p.compact().equals(LOST) ? new Line(line.number, LOST_LABEL + "\t" + line.raw) : line);
        }
        return out;
    }

    /** The label without the row's number printed before it (1., （一）), however short the rest: 3其亿 is 其亿. */
    static String unnumbered(String compact) {
        int i = 0;
        while (i < 2 && i < compact.length() - 1 && OcrLabels.NUMBERING.indexOf(compact.charAt(i)) >= 0) {
            i++;
        }
        return compact.substring(i);
    }

    /** The share of the longer string's characters the two have in common, in order. */
    static double likeness(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 0 : (double) OcrLabels.commonSubsequence(a, b) / longer;
    }

    /**
     * The best total score of an order-keeping alignment (gaps free, impossible pairs never), filling {@code match}
     * with the template index of each label (-1: left out).
     */
    private static double best(double[][] score, int[] match) {
        int n = score.length;
        int m = n == 0 ? 0 : score[0].length;
        double[][] t = new double[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                double v = Math.max(t[i - 1][j], t[i][j - 1]);
                double s = score[i - 1][j - 1];
                if (s != NEVER) {
                    v = Math.max(v, t[i - 1][j - 1] + s);
                }
                t[i][j] = v;
            }
        }
        java.util.Arrays.fill(match, -1);
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            double s = score[i - 1][j - 1];
            if (s != NEVER && t[i][j] == t[i - 1][j - 1] + s) {
                match[i - 1] = j - 1;
                i--;
                j--;
            } else if (t[i][j] == t[i - 1][j]) {
                i--;
            } else {
                j--;
            }
        }
        return t[n][m];
    }
}
