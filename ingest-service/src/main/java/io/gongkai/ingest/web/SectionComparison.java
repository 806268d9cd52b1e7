package io.gongkai.ingest.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.gongkai.ingest.repository.StoredReport;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One agency's section texts, year against year: for each pair of neighbouring years and each of the six sections,
 * the sentences the later year dropped and the ones it added, and the share it kept. Reviewers look for a section
 * carried over word for word (五、存在的主要问题及改进情况 is the one most often copied) and for what really changed;
 * sentences are compared whole (java-diff-utils' Myers diff over the two lists of sentences).
 */
public record SectionComparison(String fromYear, String toYear, List<SectionChange> sections) {

    /** Sentences end at 。！？； or a paragraph; a single line break is where a PDF wrapped a line. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;])|\\n[ \\t\\u3000]*\\n");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern SPACE_IN_CHINESE = Pattern.compile("(?<=[\\p{IsHan}，、。：；（）])\\s+(?=[\\p{IsHan}，、。：；（）])");

    /**
     * @param kept     sentences the later year has as the earlier one had them
     * @param keptShare kept as a whole per cent of the later year's sentences (null when it has none)
     */
    public record SectionChange(int number, String heading, int kept, Integer keptShare, List<String> removed, List<String> added) {

        public boolean unchanged() {
            return removed.isEmpty() && added.isEmpty();
        }
    }

    /** Neighbouring years in the order given (oldest first), for the reports that both have sections. */
    static List<SectionComparison> of(List<StoredReport> years) {
        List<SectionComparison> pairs = new ArrayList<>();
        for (int i = 1; i < years.size(); i++) {
            Report before = years.get(i - 1).report();
            Report after = years.get(i).report();
            if (before == null || after == null || before.sections().isEmpty() || after.sections().isEmpty()) {
                continue;
            }
            pairs.add(new SectionComparison(year(before), year(after), compare(before.sections(), after.sections())));
        }
        return pairs;
    }

    static List<SectionChange> compare(List<Section> before, List<Section> after) {
        List<SectionChange> changes = new ArrayList<>();
        for (int number = 1; number <= Section.HEADINGS.size(); number++) {
            List<String> old = sentences(text(before, number));
            List<String> now = sentences(text(after, number));
            if (old.isEmpty() && now.isEmpty()) {
                continue;
            }
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (AbstractDelta<String> delta : DiffUtils.diff(old, now, SectionComparison::same).getDeltas()) {
                removed.addAll(delta.getSource().getLines());
                added.addAll(delta.getTarget().getLines());
            }
            int kept = now.size() - added.size();
            changes.add(new SectionChange(number, Section.HEADINGS.get(number - 1), kept,
                    now.isEmpty() ? null : Math.round(100f * kept / now.size()), removed, added));
        }
        return changes;
    }

    /** Line breaks and spaces inside a sentence are layout (a PDF wraps lines anywhere), not a change. */
    private static boolean same(String a, String b) {
        return SPACE.matcher(a).replaceAll("").equals(SPACE.matcher(b).replaceAll(""));
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String piece : SENTENCE_END.split(text)) {
            String sentence = SPACE.matcher(SPACE_IN_CHINESE.matcher(piece).replaceAll("")).replaceAll(" ").strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }

    private static String text(List<Section> sections, int number) {
        StringBuilder text = new StringBuilder();
        for (Section s : sections) {
            if (s.number() == number && s.text() != null) {
                text.append(s.text()).append('\n');
            }
        }
        return text.toString();
    }

    private static String year(Report report) {
        return report.year() == null ? "年度未识别" : report.year().toString();
    }
}
