package io.gongkai.extract.formats;

import io.gongkai.extract.parsing.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Byte-level hints for what Tika's magic numbers leave open: text in any encoding, and HTML fragments. */
final class TextSniffer {

    private TextSniffer() {
    }

    static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") || head.contains("<body");
    }

    /** No control bytes other than whitespace; or zero bytes that {@link TextDecoder} finds to be UTF-16 text. */
    static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        int zeros = 0;
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                zeros++;
            } else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                controls++;
            }
        }
        if (zeros == 0) {
            return controls <= n / 20;
        }
        byte[] sample = Arrays.copyOf(bytes, Math.min(bytes.length, 8192) & ~1);
        return new TextDecoder().decode(sample).encoding().startsWith("UTF-16");
    }
}
