package io.gongkai.reader.parsing;

/** Text decoded from a document's bytes, with the encoding it was found to be in. */
public record DecodedText(String text, String encoding) {
}
