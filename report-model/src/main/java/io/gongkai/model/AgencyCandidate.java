package io.gongkai.model;

/**
 * One place in a document that names (or implies) the reporting body.
 *
 * @param name       the body's name as read, or as derived (a government's name from a web host)
 * @param source     where it was read: {@code title}, {@code aboveTitle}, {@code signature}, {@code firstSentence},
 *                   {@code pageHeader} or {@code sourceUrl}
 * @param line       1-based line of the extracted text it was read on; null for the source URL
 * @param rawText    the line (or host) as printed
 * @param confidence how far this source alone is trusted, 0..1
 */
public record AgencyCandidate(String name, String source, Integer line, String rawText, double confidence) {
    public static final String TITLE = "title";
    public static final String ABOVE_TITLE = "aboveTitle";
    public static final String SIGNATURE = "signature";
    public static final String FIRST_SENTENCE = "firstSentence";
    public static final String PAGE_HEADER = "pageHeader";
    public static final String SOURCE_URL = "sourceUrl";
}
