package io.gongkai.reader.parsing;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Detects the encoding of a plain-text document (UTF-8, GB18030/GBK, UTF-16 with or without BOM) and decodes it. */
public final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SAMPLE = 8192;

    public DecodedText decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new DecodedText("", "UTF-8");
        }
        // 1. A byte order mark says it all.
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new DecodedText(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new DecodedText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new DecodedText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        // 2. UTF-16 without BOM: text units land in the ranges Chinese documents use (ASCII, CJK, punctuation).
        String utf16 = utf16Guess(bytes);
        if (utf16 != null) {
            Charset cs = utf16.equals("UTF-16LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return new DecodedText(new String(bytes, cs), utf16);
        }
        // 3. Valid UTF-8 decodes strictly; GB18030 text almost never does.
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return new DecodedText(utf8, "UTF-8");
        }
        // 4. Legacy: GB18030 (a superset of GBK and GB2312) unless ICU is confident of Big5.
        String legacy = icuLegacyGuess(bytes);
        if ("Big5".equals(legacy)) {
            return new DecodedText(new String(bytes, Charset.forName("Big5")), "Big5");
        }
        return new DecodedText(new String(bytes, GB18030), "GB18030");
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes) {
        // The String constructor is fast and turns every malformed sequence into U+FFFD: without one in the
        // result (or with one that the bytes really encode, EF BF BD) the bytes were well-formed UTF-8.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** "UTF-16LE"/"UTF-16BE" when the bytes read as plausible UTF-16 text in that order, else null. */
    private static String utf16Guess(byte[] bytes) {
        int n = Math.min(bytes.length, SAMPLE) & ~1;
        if (n < 4) {
            return null;
        }
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                zeros++;
            }
        }
        if (zeros == 0) {
            // Every UTF-16 text with a line break or a digit has zero bytes; without any it is not UTF-16.
            return null;
        }
        int units = n / 2;
        int le = 0;
        int be = 0;
        for (int i = 0; i < n; i += 2) {
            int lo = bytes[i] & 0xFF;
            int hi = bytes[i + 1] & 0xFF;
            if (plausible((hi << 8) | lo)) {
                le++;
            }
            if (plausible((lo << 8) | hi)) {
                be++;
            }
        }
        // Many zero bytes (ASCII-heavy) or an overwhelming share of CJK-range units.
        double best = Math.max(le, be) / (double) units;
        boolean zeroRich = zeros * 10 > n;
        if (best >= 0.95 || (zeroRich && best >= 0.85)) {
            return le >= be ? "UTF-16LE" : "UTF-16BE";
        }
        return null;
    }

    /** Code units a Chinese report is made of. */
    private static boolean plausible(int u) {
        return (u >= 0x20 && u < 0x7F) || u == 0x09 || u == 0x0A || u == 0x0D
                || (u >= 0x4E00 && u <= 0x9FFF) // CJK unified ideographs
                || (u >= 0x3000 && u <= 0x303F) // CJK punctuation
                || (u >= 0xFF00 && u <= 0xFFEF) // full-width forms
                || (u >= 0x2000 && u <= 0x206F) // general punctuation (“ ” —)
                || (u >= 0x2E80 && u <= 0x2FDF) // radicals (⼈)
                || (u >= 0x3400 && u <= 0x4DBF) // CJK extension A
                || u == 0x00B7 || u == 0x00A0 || u == 0x25CB || u == 0x3007;
    }

    private static String icuLegacyGuess(byte[] bytes) {
        try {
            CharsetDetector detector = new CharsetDetector();
            detector.setText(bytes.length > SAMPLE ? java.util.Arrays.copyOf(bytes, SAMPLE) : bytes);
            CharsetMatch match = detector.detect();
            if (match != null && match.getName().equals("Big5") && match.getConfidence() >= 60) {
                return "Big5";
            }
        } catch (RuntimeException e) {
            // Detection is only a hint; GB18030 is the safe default for Chinese documents.
        }
        return null;
    }
}
