package io.gongkai.reader.parsing;

import io.gongkai.model.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the six section headings 一 … 六 (in 2008-format reports 一 … 七, where 五 … 七 are sections 4 … 6).
 * A heading is a short line numbered 一、… whose words name the section; this keeps table 三's own rows
 * ("一、本年新收…", "三、本年度办理结果", "四、结转下年度继续办理") and narrative lines ("一是…") from being
 * taken for headings.
 */
final class SectionLocator {

    /** A heading found: section number 1..6 and its 0-based line index. */
    record Heading(int number, int index) {
    }

    /** 七 only occurs in the 2008 format, whose 四 (收费及减免) has no counterpart and shifts 五 … 七 down by one. */
    private static final String NUMERALS = "一二三四五六七";
    private static final Pattern PRIMARY = Pattern.compile("([一二三四五六七])([、.,:．，：]?)(.+)");
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([一二三四五六])\\)(.+)");
    private static final List<List<String>> KEYWORDS = List.of(
            List.of("总体情况", "概述", "总体", "基本情况", "概况"),
            List.of("主动公开"),
            List.of("收到和处理", "依申请", "处理政府信息公开申请", "申请情况"),
            List.of("行政复议", "行政诉讼"),
            List.of("问题", "改进"),
            List.of("其他需要报告", "其他需报告", "其他事项", "需要报告的事项"));
    private static final int MAX_HEADING = 40;

    private SectionLocator() {
    }

    static List<Heading> locate(List<Line> lines) {
        List<Heading> found = scan(lines, PRIMARY, true);
        if (found.size() < 3) {
            // Some reports number their sections （一）…（六）; only then are such lines headings.
            List<Heading> alt = scan(lines, PARENTHESISED, false);
            if (alt.size() > found.size()) {
                return alt;
            }
        }
        return found;
    }

    private static List<Heading> scan(List<Line> lines, Pattern pattern, boolean primary) {
        List<Heading> out = new ArrayList<>(6);
        int last = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!mayBeHeading(lines.get(i).raw, primary)) {
                continue; // decided on the raw text: most lines need never be squeezed
            }
            String s = lines.get(i).squeezed();
            if (s.isEmpty() || s.length() > MAX_HEADING + 3 || s.indexOf('。') >= 0) {
                continue;
            }
            char first = s.charAt(0);
            if (primary ? NUMERALS.indexOf(first) < 0 : first != '(') {
                continue;
            }
            Matcher m = pattern.matcher(s);
            if (!m.matches()) {
                continue;
            }
            int printed = NUMERALS.indexOf(m.group(1).charAt(0)) + 1;
            String rest = primary ? m.group(3) : m.group(2);
            if (rest.length() > MAX_HEADING) {
                continue;
            }
            // The section a heading opens: its own number, or for 五 … 七 of the 2008 format (四、…收费及减免
            // inserted before 复议诉讼) the number before it, when the words say so.
            int number = printed <= 6 && hasKeyword(rest, printed) ? printed
                    : primary && printed >= 5 && hasKeyword(rest, printed - 1) ? printed - 1 : 0;
            // OCR misreads headings: a character wrong (主动公幵) or the 、 lost. The next heading in order whose
            // words are mostly the format's own heading's, in order, is that heading.
            boolean likeFormat = primary && printed <= 6 && printed > last && resembles(rest, printed);
            if (number == 0 && likeFormat) {
                number = printed;
            }
            if (number <= last) {
                continue;
            }
            if (primary && m.group(2).isEmpty() && !startsWithKeyword(rest, number) && !likeFormat) {
                continue;
            }
            out.add(new Heading(number, i));
            last = number;
        }
        return out;
    }

    /**
     * False for lines that cannot be headings whatever squeezing does: sentences (。), and lines whose first
     * printed character is an ideograph other than 一 … 六 or a digit (both survive squeezing unchanged).
     */
    private static boolean mayBeHeading(String raw, boolean primary) {
        if (raw.indexOf('。') >= 0) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (TextNormalizer.droppedBySqueeze(ch)) {
                continue;
            }
            return !(ch >= '0' && ch <= '9') && !(TextNormalizer.isIdeograph(ch) && (!primary || NUMERALS.indexOf(ch) < 0));
        }
        return false;
    }

    /**
     * Whether a heading's words (after its numeral) are the format's heading for that section but for OCR's
     * slips: their longest common subsequence covers at least 3/4 of the longer of the two.
     */
    static boolean resembles(String rest, int number) {
        String official = Section.HEADINGS.get(number - 1).substring(2).replaceAll("[、，,]", "");
        String words = rest.replaceAll("[、，,.:：\\s]", "");
        if (words.length() < 4) {
            return false;
        }
        return OcrLabels.close(words, official);
    }

    private static boolean hasKeyword(String rest, int number) {
        for (String k : KEYWORDS.get(number - 1)) {
            if (rest.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithKeyword(String rest, int number) {
        for (String k : KEYWORDS.get(number - 1)) {
            if (rest.startsWith(k)) {
                return true;
            }
        }
        return false;
    }

    /** The sections as found: heading as printed, first and last line (1-based), text without the heading. */
    static List<Section> sections(List<Line> lines, List<Heading> headings) {
        List<Section> out = new ArrayList<>(headings.size());
        for (int h = 0; h < headings.size(); h++) {
            Heading heading = headings.get(h);
            int end = h + 1 < headings.size() ? headings.get(h + 1).index() : lines.size();
            int last = end - 1;
            while (last > heading.index() && lines.get(last).isBlank()) {
                last--;
            }
            StringBuilder text = new StringBuilder();
            for (int i = heading.index() + 1; i <= last; i++) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(lines.get(i).raw);
            }
            out.add(new Section(heading.number(), lines.get(heading.index()).raw.strip(), heading.index() + 1,
                    last + 1, text.toString().strip()));
        }
        return out;
    }
}
