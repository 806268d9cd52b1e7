package io.gongkai.reader.formats;

import java.util.List;

/**
 * The text of a document as the report parser reads it, with where each line came from in the source.
 *
 * @param text     lines separated by '\n'
 * @param origins  one entry per line of {@code text} (1-based line n at index n-1); may be shorter, the rest unknown
 * @param encoding the character encoding, for text documents (else null)
 * @param findings notes the reader wants reported (e.g. pages read by OCR), as extraction findings
 */
public record SourceText(String text, List<LineOrigin> origins, String encoding, List<io.gongkai.model.Finding> findings) {

    public SourceText {
        origins = origins == null ? List.of() : origins;
        findings = findings == null ? List.of() : findings;
    }

    /** The origin of 1-based line {@code line}, or {@link LineOrigin#UNKNOWN}. */
    public LineOrigin origin(int line) {
        return line >= 1 && line <= origins.size() ? origins.get(line - 1) : LineOrigin.UNKNOWN;
    }
}
