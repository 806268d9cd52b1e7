package io.gongkai.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a bad-input corpus: what was sent, what was expected, what came back. A test records each case as it
 * asserts it and prints the table once at the end, so a run shows every input tried and its outcome.
 */
public final class OutcomeTable {

    private record Row(String input, String expected, String got) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    public OutcomeTable(String title) {
        this.title = title;
    }

    public synchronized void add(String input, String expected, String got) {
        rows.add(new Row(input, expected, got == null ? "" : got.replaceAll("\\s+", " ")));
    }

    public synchronized int size() {
        return rows.size();
    }

    /** The table as text, one line per input (outcomes cut to 110 characters). */
    public synchronized String render() {
        int in = "input".length();
        int ex = "expected".length();
        for (Row r : rows) {
            in = Math.max(in, r.input().length());
            ex = Math.max(ex, r.expected().length());
        }
        String format = "%-4s %-" + in + "s | %-" + ex + "s | %s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n=== %s: %d inputs%n", title, rows.size()));
        out.append(String.format(Locale.ROOT, format, "#", "input", "expected", "got"));
        int n = 0;
        for (Row r : rows) {
            String got = r.got().length() > 110 ? r.got().substring(0, 110) + "…" : r.got();
            out.append(String.format(Locale.ROOT, format, ++n, r.input(), r.expected(), got));
        }
        return out.toString();
    }

    public void print() {
        System.out.print(render());
    }
}
