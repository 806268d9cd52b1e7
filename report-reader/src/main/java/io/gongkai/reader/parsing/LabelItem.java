package io.gongkai.reader.parsing;

/**
 * A run of text on a table line (a row label, a group cell, a header, or a wrapped continuation).
 *
 * @param raw      as printed
 * @param squeezed {@link TextNormalizer#squeeze} of raw
 * @param compact  {@link TextNormalizer#compact} of squeezed
 * @param line     1-based line
 */
record LabelItem(String raw, String squeezed, String compact, int line) implements LineItem {

    static LabelItem of(String raw, int line) {
        String squeezed = TextNormalizer.squeeze(raw);
        return new LabelItem(raw, squeezed, TextNormalizer.compact(squeezed), line);
    }
}
