package io.gongkai.reader.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the title (agency and year) at the head of a report and the date printed at its end. */
final class MetadataReader {

    /** The title: its lines (0-based, inclusive) and its text in squeezed form. */
    record Title(int firstIndex, int lastIndex, String squeezed) {
    }

    private static final int HEAD_LINES = 20;
    private static final int MAX_TITLE = 80;
    private static final Pattern TITLE_WORDS = Pattern.compile("(?:信息公开|政务公开).*(?:年度报告|年报|工作报告)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4}|[〇○零OＯ◯一二三四五六七八九]{4})年");
    private static final Pattern SUBJECT = Pattern.compile("政府信息公开|信息公开|政务公开");
    private static final Pattern AGENCY = Pattern.compile(
            ".{1,40}?(?:人民政府|政府|办公室|办公厅|局|委员会|委|厅|部|署|院|办事处|街道|管委会|管理委员会|中心|所|站|队|处|会|馆|行|社|镇|乡|县|区|市|省|旗|盟|州)");
    private static final Pattern STATISTICS_YEAR = Pattern.compile("(\\d{4})年1月1日");
    private static final Pattern DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");
    private static final Pattern CHINESE_DATE = Pattern.compile(
            "([〇○零OＯ◯0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})$");
    private static final int TAIL_LINES = 10;
    private static final int MAX_SIGNATURE = 40;

    private MetadataReader() {
    }

    /** The title among the first lines: it names 信息公开 and 年度报告, on one line or wrapped over two. */
    static Title findTitle(List<Line> lines) {
        // A title names its year; a web page's breadcrumb ("首页 政务公开 年度报告") does not.
        Title withYear = findTitle(lines, true);
        return withYear != null ? withYear : findTitle(lines, false);
    }

    private static Title findTitle(List<Line> lines, boolean withYear) {
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < HEAD_LINES; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            seen++;
            if (isNavigation(line)) {
                continue;
            }
            String s = stripTitleMarks(line.squeezed());
            if (s.length() <= MAX_TITLE && TITLE_WORDS.matcher(s).find() && (!withYear || YEAR.matcher(s).find())) {
                return new Title(i, i, s);
            }
            int next = nextNonBlank(lines, i + 1);
            if (next > 0 && s.length() <= MAX_TITLE) {
                String joined = s + stripTitleMarks(lines.get(next).squeezed());
                if (joined.length() <= MAX_TITLE && TITLE_WORDS.matcher(joined).find() && !TITLE_WORDS.matcher(
                        stripTitleMarks(lines.get(next).squeezed())).find() && (!withYear || YEAR.matcher(joined).find())) {
                    return new Title(i, next, joined);
                }
            }
        }
        return null;
    }

    /** A web page's menu or breadcrumb ("首页 > 政务公开 > 年度报告", a row of a navigation table) is no title. */
    private static boolean isNavigation(Line line) {
        return line.raw.indexOf('\t') >= 0 || line.squeezed().contains("首页") || line.squeezed().contains("当前位置")
                || line.squeezed().contains(">") || line.squeezed().contains("›") || line.squeezed().contains("»");
    }

    private static String stripTitleMarks(String s) {
        String t = s;
        if (t.startsWith("《")) {
            t = t.substring(1);
        }
        if (t.endsWith("》")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static int nextNonBlank(List<Line> lines, int from) {
        for (int i = from; i < lines.size() && i < from + 3; i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** The line just above the title (0-based) when it is a body's name (markdown "# 巨鹿县人民政府办公室"), else -1. */
    static int agencyAboveTitle(List<Line> lines, Title title) {
        if (title == null) {
            return -1;
        }
        for (int i = title.firstIndex() - 1; i >= 0 && i >= title.firstIndex() - 3; i--) {
            if (!lines.get(i).isBlank()) {
                return isAgencyName(lines.get(i).squeezed()) ? i : -1;
            }
        }
        return -1;
    }

    /** The title's words before the year ("获嘉县人民政府办公室2023年…"), or after it ("2023年获嘉县…"); null when none. */
    static String agencyInTitle(String title) {
        Matcher year = YEAR.matcher(title);
        Matcher subject = SUBJECT.matcher(title);
        int yearAt = year.find() ? year.start() : -1;
        int subjectAt = subject.find() ? subject.start() : -1;
        int cut = yearAt < 0 ? subjectAt : subjectAt < 0 ? yearAt : Math.min(yearAt, subjectAt);
        String prefix = cut < 0 ? "" : title.substring(0, cut);
        prefix = trimConnectives(prefix);
        if (prefix.isEmpty() && yearAt >= 0 && subjectAt > year.end()) {
            // "2023年获嘉县人民政府办公室政府信息公开工作年度报告"
            prefix = trimConnectives(title.substring(year.end(), subjectAt));
            if (prefix.startsWith("度")) {
                prefix = prefix.substring(1);
            }
        }
        return prefix.length() >= 2 && isAgencyName(prefix) ? prefix : null;
    }

    private static String trimConnectives(String s) {
        String t = s;
        boolean changed = true;
        while (changed && !t.isEmpty()) {
            changed = false;
            for (String tail : new String[] {"关于", "的", "(", ":", ","}) {
                if (t.endsWith(tail)) {
                    t = t.substring(0, t.length() - tail.length());
                    changed = true;
                }
            }
        }
        return t;
    }

    static boolean isAgencyName(String s) {
        if (s.length() < 2 || s.length() > 40 || s.contains("报告")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            // Digits and separators mean a caption such as "来源：…" or "索引号：…", not a name.
            if (Character.isDigit(ch) || ":;,|/。、".indexOf(ch) >= 0) {
                return false;
            }
        }
        return AGENCY.matcher(s).matches();
    }

    /** The reported year: from the title, else from the statistics period ("2023年1月1日至…"). */
    static Integer year(List<Line> lines, Title title) {
        if (title != null) {
            Matcher m = YEAR.matcher(title.squeezed());
            if (m.find()) {
                int y = ChineseNumerals.digits(m.group(1));
                if (y >= 1990 && y <= 2100) {
                    return y;
                }
            }
        }
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < 60; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            seen++;
            Matcher m = STATISTICS_YEAR.matcher(line.squeezed());
            if (m.find()) {
                int y = Integer.parseInt(m.group(1));
                if (y >= 1990 && y <= 2100) {
                    return y;
                }
            }
        }
        return null;
    }

    /**
     * The date printed on the report: a short line at the end (the signature) that ends in a date, or a
     * line of only a date just under the title. Dates inside sentences (统计期限 …) are not taken.
     */
    static LocalDate publishedOn(List<Line> lines, Title title) {
        int signature = signatureDateLine(lines);
        if (signature >= 0) {
            return signatureDate(lines.get(signature).squeezed(), MAX_SIGNATURE);
        }
        if (title != null) {
            for (int i = title.lastIndex() + 1; i < lines.size() && i <= title.lastIndex() + 4; i++) {
                LocalDate d = signatureDate(lines.get(i).squeezed(), 0);
                // A page's line wrap can leave the end of the statistics period alone on a line ("…2023年1月1日至" /
                // "2023年12月31日。"): a date after a range's connective ends a period, it is no date of publication.
                if (d != null && !endsRange(lines.get(i - 1).squeezed())) {
                    return d;
                }
            }
        }
        return null;
    }

    private static boolean endsRange(String squeezed) {
        return !squeezed.isEmpty() && "至到~～-－—–".indexOf(squeezed.charAt(squeezed.length() - 1)) >= 0;
    }

    /** The index of the signature's date line: the last short line among the last ones that ends in a date; -1 if none. */
    static int signatureDateLine(List<Line> lines) {
        int seen = 0;
        for (int i = lines.size() - 1; i >= 0 && seen < TAIL_LINES; i--) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            seen++;
            if (signatureDate(line.squeezed(), MAX_SIGNATURE) != null) {
                return i;
            }
        }
        return -1;
    }

    private static LocalDate signatureDate(String squeezed, int maxPrefix) {
        String s = squeezed;
        while (!s.isEmpty() && (s.charAt(0) == '(' || s.charAt(0) == '（')) {
            s = s.substring(1);
        }
        while (!s.isEmpty() && (s.endsWith(")") || s.endsWith("）") || s.endsWith("。"))) {
            s = s.substring(0, s.length() - 1);
        }
        // Every date form ends in 日 or a digit.
        if (s.isEmpty() || !(s.endsWith("日") || Character.isDigit(s.charAt(s.length() - 1)))) {
            return null;
        }
        if (s.length() > maxPrefix + 16 || s.indexOf('。') >= 0 || s.contains("至") || s.contains("截")
                || s.contains("统计") || s.contains("期间")) {
            return null;
        }
        Matcher m = DATE.matcher(s);
        if (m.find() && m.start() <= maxPrefix) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = CHINESE_DATE.matcher(s);
        if (m.find() && m.start() <= maxPrefix) {
            return date(ChineseNumerals.digits(m.group(1)), ChineseNumerals.small(m.group(2)), ChineseNumerals.small(m.group(3)));
        }
        m = NUMERIC_DATE.matcher(s);
        if (m.find() && m.start() <= maxPrefix) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        return null;
    }

    private static LocalDate date(int y, int m, int d) {
        if (y < 1990 || y > 2100) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
