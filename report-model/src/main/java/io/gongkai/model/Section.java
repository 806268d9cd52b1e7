package io.gongkai.model;

/**
 * One of the six sections of the report as found in the document.
 *
 * @param number    1..6 for 一..六
 * @param heading   the heading as printed
 * @param startLine 1-based first line (the heading)
 * @param endLine   1-based last line
 * @param text      the section's text without the heading (narrative sections; tables keep their raw text)
 */
public record Section(int number, String heading, int startLine, int endLine, String text) {
}
