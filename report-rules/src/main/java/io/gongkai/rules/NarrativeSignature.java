package io.gongkai.rules;

import io.gongkai.model.Report;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A MinHash signature of the narrative of sections 一 and 五: the set of 8-character shingles of the text with
 * punctuation, spaces and digits folded away (a report copied with only the year and the figures changed is still a
 * copy). {@link #BANDS} bands of {@link #ROWS} rows give LSH keys: two narratives whose shingle sets have Jaccard
 * similarity s share a band with probability 1 − (1 − s⁴)³², about 0.98 at s = 0.6 and 0.2 at s = 0.3, so the store
 * is asked only for a handful of candidates by band key however many reports it holds.
 */
public record NarrativeSignature(int[] minHashes) {

    public static final int HASHES = 128;
    public static final int BANDS = 32;
    public static final int ROWS = HASHES / BANDS;
    static final int SHINGLE = 8;
    /** Fewer shingles than this (a few lines of narrative) say too little to call anything a copy. */
    static final int MIN_SHINGLES = 80;

    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    /**
     * The last report signed on this thread and its signature (null stands for "too little narrative"): a check asks
     * for the same report's signature twice (COPIED_TEXT, then the store's band entries).
     */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    /** The signature of the report's narrative (sections 一 and 五), or null when there is too little of it. */
    public static NarrativeSignature of(Report report) {
        Object[] last = LAST.get();
        if (last != null && last[0] == report) {
            return (NarrativeSignature) last[1];
        }
        StringBuilder text = new StringBuilder();
        for (int n : new int[] {1, 5}) {
            String s = Narrative.text(report, n);
            if (s != null) {
                text.append(fold(s));
            }
        }
        NarrativeSignature signature = of(text.toString());
        LAST.set(new Object[] {report, signature});
        return signature;
    }

    static NarrativeSignature of(String folded) {
        long[] shingles = shingles(folded);
        if (shingles.length < MIN_SHINGLES) {
            return null;
        }
        int[] min = new int[HASHES];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int h = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < min[i]) {
                    min[i] = h;
                }
            }
        }
        return new NarrativeSignature(min);
    }

    /**
     * The distinct hashes of the text's shingles ({@link #hash} of each {@link #SHINGLE}-character substring), computed
     * on the characters' UTF-8 bytes in place, without a substring or a boxed set per shingle.
     */
    static long[] shingles(String folded) {
        int n = folded.length() - SHINGLE + 1;
        if (n <= 0) {
            return new long[0];
        }
        for (int i = 0; i < folded.length(); i++) {
            if (Character.isSurrogate(folded.charAt(i))) {
                // never after fold (a surrogate is not a letter); substrings could split a pair: the plain way
                Set<Long> set = new HashSet<>();
                for (int j = 0; j < n; j++) {
                    set.add(hash(folded.substring(j, j + SHINGLE)));
                }
                return set.stream().mapToLong(Long::longValue).toArray();
            }
        }
        long[] all = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0xcbf29ce484222325L;
            for (int k = i; k < i + SHINGLE; k++) {
                char c = folded.charAt(k);
                if (c < 0x80) {
                    h = (h ^ c) * 0x100000001b3L;
                } else if (c < 0x800) {
                    h = (h ^ (0xC0 | c >> 6)) * 0x100000001b3L;
                    h = (h ^ (0x80 | c & 0x3F)) * 0x100000001b3L;
                } else {
                    h = (h ^ (0xE0 | c >> 12)) * 0x100000001b3L;
                    h = (h ^ (0x80 | c >> 6 & 0x3F)) * 0x100000001b3L;
                    h = (h ^ (0x80 | c & 0x3F)) * 0x100000001b3L;
                }
            }
            all[i] = mix(h);
        }
        java.util.Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return java.util.Arrays.copyOf(all, distinct);
    }

    /** Letters and CJK only, each run of digits as one '#'. */
    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        boolean inDigits = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                if (!inDigits) {
                    out.append('#');
                }
                inDigits = true;
                continue;
            }
            inDigits = false;
            if (Character.isLetter(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The LSH keys, one per band: "band index:hash of its rows". */
    public List<String> bandKeys() {
        List<String> keys = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + minHashes[b * ROWS + r]);
            }
            keys.add(b + ":" + Long.toHexString(h));
        }
        return keys;
    }

    /** The estimated Jaccard similarity of the two shingle sets: the share of equal minimum hashes. */
    public double similarity(NarrativeSignature other) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minHashes[i] == other.minHashes[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    public List<Integer> asList() {
        List<Integer> out = new ArrayList<>(HASHES);
        for (int h : minHashes) {
            out.add(h);
        }
        return out;
    }

    public static NarrativeSignature fromList(List<Integer> values) {
        if (values == null || values.size() != HASHES) {
            return null;
        }
        int[] a = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            a[i] = values.get(i);
        }
        return new NarrativeSignature(a);
    }

    /**
     * The hashes as {@code 4 × HASHES} bytes (big-endian): how the store keeps them. A binary is one value to encode and
     * decode, where a list is {@code HASHES} elements, each with its own name, on every candidate read.
     */
    public byte[] toBytes() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * HASHES);
        b.asIntBuffer().put(minHashes);
        return b.array();
    }

    /** The signature {@link #toBytes} wrote; null for anything else. */
    public static NarrativeSignature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 4 * HASHES) {
            return null;
        }
        int[] a = new int[HASHES];
        java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(a);
        return new NarrativeSignature(a);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NarrativeSignature s && java.util.Arrays.equals(minHashes, s.minHashes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(minHashes);
    }

    @Override
    public String toString() {
        return "NarrativeSignature" + java.util.Arrays.toString(java.util.Arrays.copyOf(minHashes, 4)) + "…";
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
