package io.gongkai.rules;

import io.gongkai.model.Report;
import io.gongkai.model.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The narrative of a report as sentences and the figures they state ("受理政府信息公开申请 16 件"). */
final class Narrative {

    /** A figure with its unit, as printed inside one clause. */
    record Figure(BigDecimal value, String unit, String before, String after) {
    }

    /** A clause (between commas, 、 and brackets) and the figures it states. */
    record Clause(String text, List<Figure> figures) {
    }

    /** A sentence (up to 。；！？) and its clauses. */
    record Sentence(String text, List<Clause> clauses) {
    }

    private static final Pattern FIGURE = Pattern.compile("(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(余|多)?(件|条|个|篇|期|次|份|场|项|起|宗|人次)");
    private static final Pattern PAGE_MARK = Pattern.compile("-\\d{1,3}-");
    private static final String SENTENCE_END = "。；;！？!?";
    private static final String CLAUSE_END = "，,、：:()（）";

    private Narrative() {
    }

    /** The text of section n as one line (PDF line breaks and page numbers removed, full-width forms folded), or null. */
    static String text(Report report, int number) {
        Section section = report.section(number);
        if (section == null || section.text() == null) {
            return null;
        }
        String s = foldWidth(section.text()).replace("*", "").replace("#", "");
        s = PAGE_MARK.matcher(s).replaceAll("");
        // Chinese needs no spaces; removing them also joins "16 件" and lines a PDF broke mid-sentence.
        return s.replaceAll("[\\s\\u3000\\u00a0]+", "");
    }

    /** Full-width digits and letters as ASCII; punctuation stays as printed, for quoting. */
    static String foldWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF5A' ? (char) (c - 0xFEE0) : c);
        }
        return out.toString();
    }

    static List<Sentence> sentences(String text) {
        List<Sentence> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sentence.append(c);
            if (SENTENCE_END.indexOf(c) >= 0 || i == text.length() - 1) {
                String s = sentence.toString();
                out.add(new Sentence(s, clauses(s)));
                sentence.setLength(0);
            }
        }
        return out;
    }

    private static List<Clause> clauses(String sentence) {
        List<Clause> out = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        for (int i = 0; i <= sentence.length(); i++) {
            char c = i < sentence.length() ? sentence.charAt(i) : '。';
            if (CLAUSE_END.indexOf(c) >= 0 || SENTENCE_END.indexOf(c) >= 0) {
                if (clause.length() > 0) {
                    out.add(new Clause(clause.toString(), figures(clause.toString())));
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return out;
    }

    private static List<Figure> figures(String clause) {
        List<Figure> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(clause);
        while (m.find()) {
            if (m.group(2) != null) {
                continue; // "5500 余条": an approximation states nothing exact
            }
            String before = clause.substring(0, m.start());
            if (before.endsWith("约") || before.endsWith("近") || before.endsWith("超过")) {
                continue;
            }
            out.add(new Figure(new BigDecimal(m.group(1).replace(",", "")), m.group(3), before, clause.substring(m.end())));
        }
        return out;
    }

    /** The sentence as quoted in a message, shortened when long. */
    static String quote(String sentence) {
        String s = sentence.strip();
        return "“" + (s.length() > 120 ? s.substring(0, 117) + "…" : s) + "”";
    }

    static boolean containsAny(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
