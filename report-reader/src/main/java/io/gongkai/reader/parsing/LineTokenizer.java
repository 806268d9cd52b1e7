package io.gongkai.reader.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a table line into labels and value cells. Three layouts occur: tab-separated cells (Word/HTML
 * exports, where an empty field between tabs is a blank cell), markdown pipe tables, and PDF text where
 * cells are separated by spaces and blank cells simply vanish.
 */
final class LineTokenizer {

    /** An integer or decimal as printed, optionally with thousands separators and a unit. */
    private static final Pattern NUMBER = Pattern.compile(
            "([-−]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(万元|元|件|个|项|条)?");
    /** Cells that say "no value". 无 is handled apart: it is also a character of labels such as 无法提供. */
    private static final Pattern MARKER = Pattern.compile("/+|\\\\+|[-—–―─]+|…+|\\.{2,}");
    /** The characters a MARKER can start with: most tokens are labels, and the regex is not free. */
    private static final String MARKER_START = "/\\-—–―─….";
    private static final Pattern PIPE_SEPARATOR_ROW = Pattern.compile("[|:\\-\\s]+");

    private LineTokenizer() {
    }

    /** The items of one line, in order. */
    record Tokens(List<LineItem> items, boolean fieldSeparated) {
    }

    static Tokens tokenize(Line line) {
        String raw = line.raw;
        List<LineItem> items = new ArrayList<>();
        char separator = 0;
        if (raw.indexOf('\t') >= 0) {
            separator = '\t';
        } else {
            String trimmed = raw.strip();
            if (trimmed.length() > 1 && trimmed.charAt(0) == '|' && trimmed.indexOf('|', 1) > 0) {
                if (PIPE_SEPARATOR_ROW.matcher(trimmed).matches()) {
                    return new Tokens(items, true);
                }
                separator = '|';
            }
        }
        if (separator == 0) {
            tokenizeField(raw, line.number, items);
            return new Tokens(items, false);
        }
        List<String> fields = split(raw, separator);
        // Zero-length fields at either end are indentation and padding; a field that holds only a space is a
        // printed blank cell, at either end too (a blank first column shows as " \t0", a blank last one as
        // "0\t "). A pipe row's outer bars leave zero-length fields; its blank cells hold spaces ("| 0 |  |").
        int first = 0;
        while (first < fields.size() && fields.get(first).isEmpty()) {
            first++;
        }
        int last = fields.size() - 1;
        while (last >= first && fields.get(last).isEmpty()) {
            last--;
        }
        for (int i = first; i <= last; i++) {
            String f = fields.get(i);
            if (isBlank(f)) {
                items.add(Cell.empty(line.number));
            } else {
                tokenizeField(f, line.number, items);
            }
        }
        return new Tokens(items, true);
    }

    private static List<String> split(String raw, char separator) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == separator) {
                fields.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(raw.substring(start));
        return fields;
    }

    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!TextNormalizer.isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private enum TokenKind { NUMBER, MARKER, NONE_WORD, TEXT }

    /** Splits a field on spaces; runs of text tokens become one label, numbers and markers become cells. */
    private static void tokenizeField(String f, int lineNumber, List<LineItem> out) {
        int n = f.length();
        // starts[t] and ends[t]: the t-th run of non-space characters (at most n / 2 + 1 of them).
        int[] starts = new int[n / 2 + 1];
        int[] ends = new int[n / 2 + 1];
        int count = 0;
        int i = 0;
        while (i < n) {
            while (i < n && TextNormalizer.isSpace(f.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !TextNormalizer.isSpace(f.charAt(i))) {
                i++;
            }
            if (i > start) {
                starts[count] = start;
                ends[count] = i;
                count++;
            }
        }
        TokenKind[] kinds = new TokenKind[count];
        String[] norms = new String[count];
        String[] raws = new String[count];
        for (int t = 0; t < count; t++) {
            raws[t] = count == 1 && starts[0] == 0 && ends[0] == n ? f : f.substring(starts[t], ends[t]);
            String norm = stripMarkdown(TextNormalizer.nfkc(raws[t]));
            norms[t] = norm;
            kinds[t] = classify(norm);
        }
        for (int t = 0; t < count; t++) {
            if (kinds[t] == TokenKind.NONE_WORD) {
                boolean nextToCell = (t > 0 && isCellKind(kinds[t - 1])) || (t + 1 < count && isCellKind(kinds[t + 1]));
                kinds[t] = count == 1 || nextToCell ? TokenKind.MARKER : TokenKind.TEXT;
            }
        }
        int t = 0;
        while (t < count) {
            if (kinds[t] == TokenKind.TEXT) {
                int from = t;
                while (t < count && kinds[t] == TokenKind.TEXT) {
                    t++;
                }
                String raw = t - from == 1 ? raws[from] : f.substring(starts[from], ends[t - 1]);
                out.add(LabelItem.of(raw, lineNumber));
            } else {
                String raw = raws[t];
                out.add(kinds[t] == TokenKind.NUMBER ? number(raw, norms[t], lineNumber)
                        : new Cell(Cell.Kind.MARKER, raw, null, null, lineNumber));
                t++;
            }
        }
    }

    private static boolean isCellKind(TokenKind k) {
        return k == TokenKind.NUMBER || k == TokenKind.MARKER;
    }

    private static String stripMarkdown(String s) {
        if (s.indexOf('*') < 0 && s.indexOf('`') < 0) {
            return s;
        }
        return s.replace("*", "").replace("`", "");
    }

    private static TokenKind classify(String norm) {
        if (norm.isEmpty()) {
            return TokenKind.TEXT;
        }
        char c0 = norm.charAt(0);
        if (isPlainInteger(norm)) {
            return TokenKind.NUMBER;
        }
        if ((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '−') {
            if (NUMBER.matcher(norm).matches()) {
                return TokenKind.NUMBER;
            }
        }
        if (MARKER_START.indexOf(c0) >= 0 && MARKER.matcher(norm).matches()) {
            return TokenKind.MARKER;
        }
        if (norm.equals("无") || norm.equals("暂无") || norm.equals("空")) {
            return TokenKind.NONE_WORD;
        }
        return TokenKind.TEXT;
    }

    /** Up to 18 ASCII digits: most cells, read without the regex. */
    private static boolean isPlainInteger(String norm) {
        int n = norm.length();
        if (n == 0 || n > 18) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char ch = norm.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static Cell number(String raw, String norm, int lineNumber) {
        if (isPlainInteger(norm)) {
            return new Cell(Cell.Kind.NUMBER, raw, BigDecimal.valueOf(Long.parseLong(norm)), null, lineNumber);
        }
        Matcher m = NUMBER.matcher(norm);
        if (!m.matches()) {
            return new Cell(Cell.Kind.TEXT, raw, null, null, lineNumber);
        }
        String digits = m.group(2).replace(",", "");
        String fraction = m.group(3) == null ? "" : m.group(3);
        BigDecimal v = new BigDecimal((m.group(1).isEmpty() ? "" : "-") + digits + fraction);
        return new Cell(Cell.Kind.NUMBER, raw, clean(v), m.group(4), lineNumber);
    }

    /** A glued digit run such as the "7777166" of "规范性文件7777166", read as one number. */
    static Cell gluedNumber(String rawDigits, int lineNumber) {
        String norm = TextNormalizer.nfkc(rawDigits);
        if (!NUMBER.matcher(norm).matches()) {
            return new Cell(Cell.Kind.TEXT, rawDigits, null, null, lineNumber);
        }
        return number(rawDigits, norm, lineNumber);
    }

    /** No trailing-zero noise: 0 not 0.0, 100 not 1E+2. */
    static BigDecimal clean(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
