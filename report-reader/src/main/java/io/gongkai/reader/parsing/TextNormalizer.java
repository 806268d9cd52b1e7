package io.gongkai.reader.parsing;

import com.ibm.icu.text.Normalizer2;

/**
 * The normal forms the parser compares text in. Raw text is never changed (provenance quotes it);
 * these forms are only for matching: NFKC folds Kangxi radicals (⼈ → 人) and full-width forms
 * (（ → (, １ → 1), so labels must be matched bracket-insensitively.
 */
final class TextNormalizer {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private TextNormalizer() {
    }

    /**
     * NFKC, as ICU computes it. A hot path (every line and every token): report text is ASCII, ideographs,
     * CJK punctuation that NFKC keeps, and full-width forms (（ ， ： １) that NFKC maps to ASCII one to one;
     * such text is mapped here directly, anything else goes to ICU.
     */
    static String nfkc(String s) {
        int n = s.length();
        char[] out = null;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < 0x80 || isIdeograph(ch) || isStableCjkPunctuation(ch)) {
                if (out != null) {
                    out[i] = ch;
                }
            } else if ((ch >= 0xFF01 && ch <= 0xFF5E) || ch == 0x3000) {
                if (out == null) {
                    out = new char[n];
                    s.getChars(0, i, out, 0);
                }
                out[i] = ch == 0x3000 ? ' ' : (char) (ch - 0xFEE0);
            } else {
                return NFKC.spanQuickCheckYes(s) == n ? s : NFKC.normalize(s);
            }
        }
        return out == null ? s : new String(out);
    }

    /** 、。〇《》「」『』【】〔〕〖〗 — ‘ ’ “ ” ·: no NFKC mapping and no composition with what follows. */
    private static boolean isStableCjkPunctuation(char ch) {
        return ch == 0x3001 || ch == 0x3002 || ch == 0x3007 || (ch >= 0x300A && ch <= 0x3011) || (ch >= 0x3014 && ch <= 0x3017)
                || ch == 0x2014 || ch == 0x2018 || ch == 0x2019 || ch == 0x201C || ch == 0x201D || ch == 0x00B7;
    }

    /** Character.isWhitespace or isSpaceChar, or a zero-width space or BOM; written out because it is hot. */
    static boolean isSpace(char ch) {
        if (ch < 0x80) {
            return ch == ' ' || (ch >= 0x09 && ch <= 0x0D) || (ch >= 0x1C && ch <= 0x1F);
        }
        if (ch < 0x1680) {
            return ch == 0x00A0;
        }
        return ch == 0x1680 || (ch >= 0x2000 && ch <= 0x200B) || ch == 0x2028 || ch == 0x2029 || ch == 0x202F
                || ch == 0x205F || ch == 0x3000 || ch == 0xFEFF;
    }

    /** The CJK Unified Ideographs block: most characters of a report, and none of them is changed here. */
    static boolean isIdeograph(char ch) {
        return ch >= 0x4E00 && ch <= 0x9FFF;
    }

    /** What {@link #squeeze} drops: white space and the markdown marks # * ` &gt;. */
    static boolean droppedBySqueeze(char ch) {
        return isSpace(ch) || ch == '*' || ch == '#' || ch == '`' || ch == '>';
    }

    /**
     * NFKC without any whitespace and without markdown marks (#, *, `), all bracket kinds folded to ( ).
     * Keeps punctuation, so numbering like "1." and "(三)" can still be read.
     */
    static String squeeze(String raw) {
        String n = nfkc(raw);
        int len = n.length();
        int i = 0;
        while (i < len && keptInSqueeze(n.charAt(i))) {
            i++;
        }
        if (i == len) {
            return n; // the common case: nothing to drop or fold, no copy
        }
        char[] out = new char[len];
        n.getChars(0, i, out, 0);
        int k = i;
        for (; i < len; i++) {
            char ch = n.charAt(i);
            if (droppedBySqueeze(ch)) {
                continue;
            }
            out[k++] = foldBracket(ch);
        }
        return new String(out, 0, k);
    }

    private static boolean keptInSqueeze(char ch) {
        return isIdeograph(ch) || (!droppedBySqueeze(ch) && foldBracket(ch) == ch);
    }

    /** Letters and digits only (CJK ideographs are letters; 〇 is a letter number): the form labels are compared in. */
    static String compact(String squeezedOrRaw) {
        String s = squeezedOrRaw;
        int len = s.length();
        int i = 0;
        while (i < len && keptInCompact(s.charAt(i))) {
            i++;
        }
        if (i == len) {
            return s;
        }
        char[] out = new char[len];
        s.getChars(0, i, out, 0);
        int k = i;
        for (; i < len; i++) {
            char ch = s.charAt(i);
            if (keptInCompact(ch)) {
                out[k++] = ch;
            }
        }
        return new String(out, 0, k);
    }

    private static boolean keptInCompact(char ch) {
        if (isIdeograph(ch)) {
            return true;
        }
        if (ch < 0x80) {
            return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        }
        return Character.isLetterOrDigit(ch) || Character.getType(ch) == Character.LETTER_NUMBER;
    }

    /** compact(squeeze(raw)). */
    static String compactOfRaw(String raw) {
        return compact(squeeze(raw));
    }

    private static char foldBracket(char ch) {
        return switch (ch) {
            case '[', '【', '〔', '〖', '﹝', '｛', '{' -> '(';
            case ']', '】', '〕', '〗', '﹞', '｝', '}' -> ')';
            default -> ch;
        };
    }

    /**
     * Whether every character of {@code template} appears in {@code printed} in order. A printed label that
     * only adds characters (numbering, wrapped group cells) still carries the template's wording; one that
     * drops or changes characters (社会组织 for 社会公益组织, 其他法律法规禁止公开) does not.
     */
    static boolean containsInOrder(String printed, String template) {
        int j = 0;
        for (int i = 0; i < printed.length() && j < template.length(); i++) {
            if (printed.charAt(i) == template.charAt(j)) {
                j++;
            }
        }
        return j == template.length();
    }
}
