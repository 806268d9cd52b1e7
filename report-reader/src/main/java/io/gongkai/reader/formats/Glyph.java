package io.gongkai.reader.formats;

/**
 * One character of a PDF page as printed: its left edge {@code x}, baseline {@code y} (top-left coordinates,
 * y downwards), advance {@code width} and font size, and the index of the {@link PositionedLine} of its page
 * that holds it.
 */
record Glyph(String text, float x, float y, float width, float size, int line) {

    /** The middle of the character's box: the point that decides which table cell holds it. */
    float centerX() {
        return x + width / 2;
    }

    float centerY() {
        return y - size * 0.35f;
    }
}
