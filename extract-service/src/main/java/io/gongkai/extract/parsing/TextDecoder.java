package io.gongkai.extract.parsing;

/** Detects the encoding of a plain-text document (UTF-8, GB18030/GBK, UTF-16 with or without BOM) and decodes it. */
public final class TextDecoder {

    public DecodedText decode(byte[] bytes) {
        throw new UnsupportedOperationException("not yet written");
    }
}
