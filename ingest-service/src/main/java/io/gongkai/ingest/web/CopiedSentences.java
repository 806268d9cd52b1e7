package io.gongkai.ingest.web;

import io.gongkai.model.Report;
import io.gongkai.model.Section;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sentences a COPIED_TEXT finding is about: those of this report's sections that the report it names (the path
 * {@code DOCUMENT#sections.1}) has too, word for word once layout is set aside. The finding gives a share; the reviewer
 * wants to see which sentences it is made of.
 */
final class CopiedSentences {

    /** The finding's code, and its path naming the other report ({@code DOCUMENT#sections.N}). */
    static final String CODE = "COPIED_TEXT";

    private CopiedSentences() {
    }

    /** The other document's id a COPIED_TEXT finding names, or null. */
    static String otherDocument(List<String> paths) {
        for (String p : paths) {
            int hash = p.indexOf('#');
            if (hash > 0) {
                return p.substring(0, hash);
            }
        }
        return null;
    }

    /** This report's sentences, in the form {@link SectionText} reads, that the other report also has. */
    static List<String> shared(Report mine, Report other) {
        Set<String> theirs = new HashSet<>();
        for (Section s : other.sections()) {
            for (String sentence : SectionComparison.sentences(s.text())) {
                theirs.add(SectionText.readForm(sentence));
            }
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Section s : mine.sections()) {
            for (String sentence : SectionComparison.sentences(s.text())) {
                String read = SectionText.readForm(sentence);
                if (read.length() >= MIN_CHARACTERS && theirs.contains(read)) {
                    out.add(read);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Shorter sentences ("一、总体情况", "无。") are shared by every report and say nothing about copying. */
    private static final int MIN_CHARACTERS = 12;
}
