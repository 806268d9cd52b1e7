package io.gongkai.ingest.web;

import io.gongkai.model.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A section's text cut into parts, the sentences that text findings quote marked. validate-service's text rules
 * (docs/checks.md) name the section ({@code sections.N}) and quote the sentence in “…” (cut to 117 characters and
 * “…” when longer) as they read it: width-folded, without spaces, line breaks, {@code *} or {@code #}. The quote is
 * found in the text read the same way and its place mapped back, so the part shown is the text as printed.
 */
public final class SectionText {

    /** A run of the section's text; {@code findings} the numbers of the findings quoting it (empty: not marked). */
    public record Part(String text, List<Integer> findings, String severity) {

        public boolean marked() {
            return !findings.isEmpty();
        }

        public String numbers() {
            return String.join("、", findings.stream().map(n -> "[" + n + "]").toList());
        }
    }

    private SectionText() {
    }

    /**
     * The parts of the section's text, with the sentences quoted by {@code findings} (about this section) marked, and
     * for a finding in {@code sentences} (its number → sentences in {@link #readForm}) each of those sentences.
     */
    public static List<Part> parts(Section section, List<ReportTables.NumberedFinding> findings, Map<Integer, List<String>> sentences) {
        String text = section.text() == null ? "" : section.text();
        // the text as the rules read it, and where each of its characters is in the text
        StringBuilder read = new StringBuilder();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!skipped(c)) {
                read.append(folded(c));
                at.add(i);
            }
        }
        int[] marks = new int[text.length()];
        List<List<Integer>> owners = new ArrayList<>();
        owners.add(List.of());
        List<String> severities = new ArrayList<>();
        severities.add(null);
        for (ReportTables.NumberedFinding f : findings) {
            if (!f.finding().paths().contains("sections." + section.number())) {
                continue;
            }
            String quote = quote(f.finding().message());
            List<String> quotes = sentences.containsKey(f.number()) ? sentences.get(f.number())
                    : quote == null || quote.isEmpty() ? List.of() : List.of(quote);
            for (String q : quotes) {
                int start = q.isEmpty() ? -1 : read.indexOf(q);
                if (start < 0) {
                    continue;
                }
                int from = at.get(start);
                int to = at.get(start + q.length() - 1) + 1;
                for (int i = from; i < to; i++) {
                    List<Integer> now = new ArrayList<>(owners.get(marks[i]));
                    now.add(f.number());
                    owners.add(now);
                    severities.add(graver(severities.get(marks[i]), f.severity()));
                    marks[i] = owners.size() - 1;
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || !owners.get(marks[i]).equals(owners.get(marks[start]))) {
                parts.add(new Part(text.substring(start, i), owners.get(marks[start]), severities.get(marks[start])));
                start = i;
            }
        }
        return parts;
    }

    /** A text as the rules read it: without spaces, line breaks, {@code *} or {@code #}, full-width digits and letters folded. */
    static String readForm(String text) {
        StringBuilder read = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!skipped(c)) {
                read.append(folded(c));
            }
        }
        return read.toString();
    }

    private static boolean skipped(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0' || c == '*' || c == '#';
    }

    private static char folded(char c) {
        return c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF5A' ? (char) (c - 0xFEE0) : c;
    }

    /** The sentence a message quotes (“…”, a cut quote's trailing … left off), or null. */
    static String quote(String message) {
        if (message == null) {
            return null;
        }
        int open = message.indexOf('“');
        int close = message.lastIndexOf('”');
        if (open < 0 || close <= open) {
            return null;
        }
        String q = message.substring(open + 1, close);
        return q.endsWith("…") ? q.substring(0, q.length() - 1) : q;
    }

    private static String graver(String a, String b) {
        List<String> order = List.of("error", "warning", "info");
        return a == null || order.indexOf(b) < order.indexOf(a) ? b : a;
    }
}
