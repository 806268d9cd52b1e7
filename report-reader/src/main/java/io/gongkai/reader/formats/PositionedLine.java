package io.gongkai.reader.formats;

import java.util.List;

/** One line of a PDF page as PDFBox laid it out: its words with their horizontal extent. */
record PositionedLine(int page, List<Word> words) {

    /** A run of text between spaces, from x0 to x1 (PDF units, left to right). */
    record Word(String text, float x0, float x1) {
        float center() {
            return (x0 + x1) / 2;
        }
    }

    String text() {
        StringBuilder b = new StringBuilder();
        for (Word w : words) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(w.text());
        }
        return b.toString();
    }
}
