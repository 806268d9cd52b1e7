package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NarrativeSignatureTest {

    /** The shingle hashes as first written: FNV-1a of each substring's UTF-8 bytes, in a set. */
    private static long[] plainShingles(String folded) {
        Set<Long> set = new HashSet<>();
        for (int i = 0; i + NarrativeSignature.SHINGLE <= folded.length(); i++) {
            set.add(NarrativeSignature.hash(folded.substring(i, i + NarrativeSignature.SHINGLE)));
        }
        return set.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Test
    void inPlaceShingleHashesAreThoseOfTheSubstrings() throws IOException {
        // stored signatures were computed the plain way: the fast way must give the same values, on one-, two- and
        // three-byte characters alike
        String sample = Files.readString(Path.of("../samples").toFile().listFiles((d, n) -> n.endsWith(".txt"))[0].toPath(),
                StandardCharsets.UTF_8);
        for (String text : new String[] {sample, "Transparence et données ouvertes 2023年 政府信息公开 Ωmega façade", "短"}) {
            String folded = NarrativeSignature.fold(text);
            long[] fast = NarrativeSignature.shingles(folded);
            long[] sorted = fast.clone();
            Arrays.sort(sorted);
            assertArrayEquals(plainShingles(folded), sorted, text.substring(0, Math.min(20, text.length())));
        }
    }

    @Test
    void aSurrogatePairFallsBackToThePlainWay() {
        String text = "𠀀政府信息公开工作年度报告𠀁本机关";
        assertEquals(plainShingles(text).length, NarrativeSignature.shingles(text).length);
    }
}
