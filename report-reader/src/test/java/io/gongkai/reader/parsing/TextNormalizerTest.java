package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hand-written fast paths of {@link TextNormalizer} agree with the definitions they replace. */
class TextNormalizerTest {

    private static final Normalizer2 ICU_NFKC = Normalizer2.getNFKCInstance();

    @Test
    void nfkcAgreesWithIcuForEveryCharacterAlone() {
        for (char ch = 0; ch < 0xFFFF; ch++) {
            if (Character.isSurrogate(ch)) {
                continue;
            }
            String s = String.valueOf(ch);
            assertEquals(ICU_NFKC.normalize(s), TextNormalizer.nfkc(s), () -> "U+" + Integer.toHexString(s.charAt(0)));
        }
    }

    @Test
    void nfkcAgreesWithIcuOnMixedTextAndCombiningMarks() {
        List<String> texts = new ArrayList<>(List.of("（一）主动公开政府信息情况", "规范性文件　７７　７７　１６６",
                "e\u0301 （e\u0301）", "A\u030A１", "第二十条第（五）项：…", "ｶﾞ", "“其他”、《条例》。", "\u3000\u3000二〇二四年"));
        for (String t : texts) {
            assertEquals(ICU_NFKC.normalize(t), TextNormalizer.nfkc(t), t);
        }
    }

    @Test
    void nfkcAgreesWithIcuOnEveryLineOfTheSamples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    assertEquals(ICU_NFKC.normalize(line), TextNormalizer.nfkc(line), line);
                }
            }
        }
    }

    @Test
    void isSpaceIsJavaWhitespaceOrSpaceCharOrZeroWidth() {
        for (char ch = 0; ch < 0xFFFF; ch++) {
            boolean expected = Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '\u200b' || ch == '\ufeff';
            assertEquals(expected, TextNormalizer.isSpace(ch), "U+" + Integer.toHexString(ch));
        }
    }

    @Test
    void squeezeDropsSpacesAndMarksAndFoldsBrackets() {
        assertEquals("(一)主动公开", TextNormalizer.squeeze(" ## （一）　主动**公开** "));
        assertEquals("(三)不予公开", TextNormalizer.squeeze("【三】不予公开"));
        assertEquals("三不予公开", TextNormalizer.compact(TextNormalizer.squeeze("【三】不予公开")));
        assertEquals("法律服务机构", TextNormalizer.compact("法律服务机构"));
    }
}
