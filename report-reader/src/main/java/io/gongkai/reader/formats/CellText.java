package io.gongkai.reader.formats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text of one table cell from the characters printed inside it: lines by baseline, top to bottom, each
 * left to right, joined without a gap. A cell's label wraps over lines (商业/企业, a label over four lines of
 * a narrow column) and justified text spreads characters apart (1. 属 于 国 家 秘), neither of which is a
 * space of the text; only a gap between two Latin letters or digits is written as one.
 */
final class CellText {

    /** A gap wider than this share of the font size between Latin characters is a space. */
    private static final float SPACE = 0.25f;

    private CellText() {
    }

    static String join(List<Glyph> glyphs) {
        if (glyphs.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (List<Glyph> l : lines(glyphs)) {
            l.sort(Comparator.comparingDouble(Glyph::x));
            Glyph previous = null;
            for (Glyph g : l) {
                if (previous != null && g.x() - (previous.x() + previous.width()) > SPACE * size(g)
                        && latin(previous.text(), true) && latin(g.text(), false)) {
                    out.append(' ');
                }
                out.append(g.text());
                previous = g;
            }
        }
        return out.toString().strip();
    }

    /** The characters grouped by baseline, top to bottom. */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::y));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> line = null;
        float baseline = 0;
        for (Glyph g : sorted) {
            if (line == null || g.y() - baseline > Math.max(1f, size(g) * 0.5f)) {
                line = new ArrayList<>();
                lines.add(line);
                baseline = g.y();
            }
            line.add(g);
        }
        return lines;
    }

    private static float size(Glyph g) {
        return g.size() > 0 ? g.size() : 10f;
    }

    private static boolean latin(String s, boolean last) {
        if (s.isEmpty()) {
            return false;
        }
        char c = last ? s.charAt(s.length() - 1) : s.charAt(0);
        return c < 0x80 && (Character.isLetterOrDigit(c) || (last && ".,;:%)".indexOf(c) >= 0));
    }
}
