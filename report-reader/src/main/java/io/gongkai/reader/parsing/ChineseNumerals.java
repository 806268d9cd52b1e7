package io.gongkai.reader.parsing;

/** Chinese numerals as printed in years and dates: 二〇二三 (digit by digit), 十九, 三十一. */
final class ChineseNumerals {

    private ChineseNumerals() {
    }

    /** The value of one digit character (Arabic or Chinese, 〇/○/零/O for zero), or -1. */
    static int digit(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        return switch (ch) {
            case '〇', '○', '零', 'O', 'o', 'Ｏ', '◯' -> 0;
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** A number written digit by digit (2023, 二〇二三), or -1. */
    static int digits(String s) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return s.isEmpty() ? -1 : v;
    }

    /** A month or day: Arabic digits, or 一 … 三十一 with 十; -1 when unreadable. */
    static int small(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        if (Character.isDigit(s.charAt(0))) {
            return digits(s);
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digit(s.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : (ten == 1 ? digit(s.charAt(0)) : -1);
        int ones = ten == s.length() - 1 ? 0 : (ten == s.length() - 2 ? digit(s.charAt(ten + 1)) : -1);
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }
}
