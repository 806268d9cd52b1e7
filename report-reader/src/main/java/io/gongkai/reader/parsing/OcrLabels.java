package io.gongkai.reader.parsing;

import java.util.Map;
import java.util.Set;

/**
 * Names a row whose label OCR misread by a character or two (行政规范作文件 for 行政规范性文件): the label is the
 * template's for one row of the table when their longest common subsequence covers at least 3/4 of the longer of
 * the two, the rule {@link SectionLocator} applies to headings. Only for text that came from OCR: in a text layer a
 * label that differs is what was printed, and its explicit variants are matched elsewhere. Values placed this way
 * stay under the table identities (OcrCrossCheck flags what they cannot confirm).
 */
final class OcrLabels {

    /** Shorter labels differ from each other by too few characters to tell a misreading from another row. */
    private static final int MIN_LENGTH = 4;
    static final String NUMBERING = "0123456789一二三四五六七八九十";

    private OcrLabels() {
    }

    /**
     * The key of the one row of {@code templates} (key → compact template label) the label is close to, or null when
     * none is, or more than one (a misreading between two rows cannot be told apart), or that row is {@code taken}.
     */
    static String match(String compactLabel, Map<String, String> templates, Set<String> taken) {
        String label = stripNumbering(compactLabel);
        if (label.length() < MIN_LENGTH) {
            return null;
        }
        String found = null;
        for (Map.Entry<String, String> t : templates.entrySet()) {
            String template = t.getValue();
            if (template.length() < MIN_LENGTH || !close(label, template)) {
                continue;
            }
            if (found != null) {
                return null;
            }
            found = t.getKey();
        }
        return found == null || taken.contains(found) ? null : found;
    }

    /** Whether two strings share, in order, at least 3/4 of the longer one's characters. */
    static boolean close(String a, String b) {
        return commonSubsequence(a, b) * 4 >= 3 * Math.max(a.length(), b.length());
    }

    /** The row's number printed before its label ("1.", "（一）" compact to 1, 一), which the template has not. */
    static String stripNumbering(String compact) {
        int i = 0;
        while (i < compact.length() && i < 2 && NUMBERING.indexOf(compact.charAt(i)) >= 0) {
            i++;
        }
        return compact.length() - i >= MIN_LENGTH ? compact.substring(i) : compact;
    }

    /** The length of the longest common subsequence of two short strings (dynamic programming, two rows). */
    static int commonSubsequence(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                current[j] = a.charAt(i - 1) == b.charAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
