package io.gongkai.extract.parsing;

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

    static String nfkc(String s) {
        // Most text is already in NFKC; the quick check spares the copy (a hot path: every line and token).
        return NFKC.spanQuickCheckYes(s) == s.length() ? s : NFKC.normalize(s);
    }

    static boolean isSpace(char ch) {
        return Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '\u200b' || ch == '\ufeff';
    }

    /**
     * NFKC without any whitespace and without markdown marks (#, *, `), all bracket kinds folded to ( ).
     * Keeps punctuation, so numbering like "1." and "(三)" can still be read.
     */
    static String squeeze(String raw) {
        String n = nfkc(raw);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (isSpace(ch) || ch == '*' || ch == '#' || ch == '`' || ch == '>') {
                continue;
            }
            b.append(foldBracket(ch));
        }
        return b.toString();
    }

    /** Letters and digits only (CJK ideographs are letters; 〇 is a letter number): the form labels are compared in. */
    static String compact(String squeezedOrRaw) {
        String s = squeezedOrRaw;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isLetterOrDigit(ch) || Character.getType(ch) == Character.LETTER_NUMBER) {
                b.append(ch);
            }
        }
        return b.toString();
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
