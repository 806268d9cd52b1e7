package io.gongkai.reader.formats;

import io.gongkai.reader.formats.PdfRulings.Ruling;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the ruling lines of tables in a straightened page image: long horizontal and vertical runs of ink,
 * bridging the small breaks that noise, blur and a faint scan leave, one or a few pixels thick. Runs on
 * neighbouring pixel rows (or columns) that overlap are one line, at their middle. Text does not make such runs:
 * no stroke of a character is as long as {@link #MIN_LENGTH}, and a filled block is thicker than a line.
 * The lines come out as {@link PdfRulings.Ruling}s in PDF units (top-left origin), so that the vector lattice
 * reader's {@link Lattice} builds the cells from them as it does from a PDF's drawn rulings.
 */
final class ImageRulings {

    /** A ruling is at least this long (PDF units): longer than two characters of table text. */
    static final float MIN_LENGTH = 22f;
    /** A break in a line up to this long (PDF units) is bridged. */
    static final float MAX_GAP = 1.2f;
    /** A line is at most this thick (PDF units); thicker ink is a filled block or a bold heading. */
    static final float MAX_THICKNESS = 3.5f;
    /** A ruling's end this close (PDF units) to a line across it meets that line. */
    static final float END_REACH = 4f;
    /** A line with one open end is a ruling when at least this many lines across meet it (its framed end's included). */
    private static final int MIN_MEETS_WITH_OPEN_END = 3;
    /** At least this share of a run's length must be ink (a dotted or dashed line of text is none). */
    private static final double MIN_INK = 0.85;

    /** Lines found, in pixels: along {@code from..to} at rows (or columns) {@code lo..hi}. */
    record Line(boolean horizontal, int lo, int hi, int from, int to) {
    }

    private ImageRulings() {
    }

    /** The lines of the image (pixels). {@code ink} is row-major, {@code w} × {@code h}. */
    static List<Line> lines(boolean[] ink, int w, int h, float dpi) {
        return lines(candidates(ink, w, h, dpi), dpi);
    }

    /** Every long thin run of ink, a ruling or not (a page frame beside a table's border, a line that ends in the open). */
    static List<Line> candidates(boolean[] ink, int w, int h, float dpi) {
        List<Line> out = new ArrayList<>(runs(ink, w, h, dpi, true));
        out.addAll(runs(ink, w, h, dpi, false));
        return out;
    }

    /** The rulings among the {@link #candidates}. */
    static List<Line> lines(List<Line> candidates, float dpi) {
        List<Line> horizontal = candidates.stream().filter(Line::horizontal).toList();
        List<Line> vertical = candidates.stream().filter(l -> !l.horizontal()).toList();
        int reach = Math.round(END_REACH * dpi / 72f);
        List<Line> out = new ArrayList<>();
        for (Line l : horizontal) {
            Line kept = framed(l, vertical, reach);
            if (kept != null) {
                out.add(kept);
            }
        }
        for (Line l : vertical) {
            Line kept = framed(l, horizontal, reach);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out;
    }

    /**
     * The line as a ruling, or null where it is none. A table's rulings end on one another (at its corners and where
     * a row or column begins), while a run of text strokes that happens to be long ends in the open: a line whose
     * both ends meet a line across it is a ruling. So is one with one such end that more lines meet along its
     * length, but whose other end is open: the border of a cell that a page break cuts (a merged label cell
     * continues on the next page, and its side borders run on to the page's margin with no line under them). That
     * end is cut back to the last line across of its table (the lowest line across that reaches the lines it meets),
     * so that the part in the margin adds no row or column of its own.
     */
    private static Line framed(Line l, List<Line> across, int reach) {
        boolean start = false;
        boolean end = false;
        int meets = 0;
        int spanFrom = Integer.MAX_VALUE; // the extent, along the lines across, of those that meet this one
        int spanTo = Integer.MIN_VALUE;
        int at = (l.lo() + l.hi()) / 2;
        for (Line c : across) {
            if (c.from() - reach > at || c.to() + reach < at) {
                continue;
            }
            int pos = (c.lo() + c.hi()) / 2;
            if (pos < l.from() - reach || pos > l.to() + reach) {
                continue;
            }
            start |= Math.abs(pos - l.from()) <= reach;
            end |= Math.abs(pos - l.to()) <= reach;
            meets++;
            spanFrom = Math.min(spanFrom, c.from());
            spanTo = Math.max(spanTo, c.to());
        }
        if (start && end) {
            return l;
        }
        if (start == end || meets < MIN_MEETS_WITH_OPEN_END) {
            return null;
        }
        // The farthest line across, within this line's length, that reaches the extent of those meeting it.
        int cut = start ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (Line c : across) {
            int pos = (c.lo() + c.hi()) / 2;
            if (pos < l.from() - reach || pos > l.to() + reach || c.to() < spanFrom || c.from() > spanTo) {
                continue;
            }
            cut = start ? Math.max(cut, pos) : Math.min(cut, pos);
        }
        int from = start ? l.from() : Math.max(l.from(), cut);
        int to = start ? Math.min(l.to(), cut) : l.to();
        return to - from >= 2 * reach ? new Line(l.horizontal(), l.lo(), l.hi(), from, to) : null;
    }

    /**
     * What to erase before OCR: the rulings, and each candidate that runs beside one within {@link #END_REACH} (a
     * page frame printed along a table's border, which is no ruling of the table but read inside a cell is a 1).
     * Other candidates stay: runs in dense text (一 beside 一) are strokes of characters.
     */
    static List<Line> withNeighbours(List<Line> rulings, List<Line> candidates, float dpi) {
        int reach = Math.round(END_REACH * dpi / 72f);
        List<Line> out = new ArrayList<>(rulings);
        for (Line c : candidates) {
            for (Line r : rulings) {
                if (r.horizontal() == c.horizontal() && Math.abs((r.lo() + r.hi()) - (c.lo() + c.hi())) <= 2 * reach
                        && c.from() < r.to() && r.from() < c.to()) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    /** The lines as rulings in PDF units (top-left origin). */
    static List<Ruling> rulings(List<Line> lines, float dpi) {
        float k = 72f / dpi;
        List<Ruling> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            float at = (l.lo() + l.hi() + 1) / 2f * k;
            if (l.horizontal()) {
                out.add(new Ruling(l.from() * k, at, (l.to() + 1) * k, at));
            } else {
                out.add(new Ruling(at, l.from() * k, at, (l.to() + 1) * k));
            }
        }
        return out;
    }

    /** Paints the lines white, so that OCR sees the cells' text without the grid (a ruling reads as 1 or 一). */
    static void erase(java.awt.image.BufferedImage gray, List<Line> lines) {
        java.awt.image.WritableRaster r = gray.getRaster();
        for (Line l : lines) {
            for (int a = l.lo() - 2; a <= l.hi() + 2; a++) { // and the grey fringe that blur leaves
                for (int b = l.from(); b <= l.to(); b++) {
                    int x = l.horizontal() ? b : a;
                    int y = l.horizontal() ? a : b;
                    if (x >= 0 && y >= 0 && x < gray.getWidth() && y < gray.getHeight()) {
                        r.setSample(x, y, 0, 255);
                    }
                }
            }
        }
    }

    /**
     * Runs of ink along each pixel row ({@code horizontal}) or column, breaks up to {@link #MAX_GAP} bridged, at
     * least {@link #MIN_LENGTH} long; then runs of neighbouring rows that overlap joined into lines.
     */
    private static List<Line> runs(boolean[] ink, int w, int h, float dpi, boolean horizontal) {
        float px = dpi / 72f;
        int minLength = Math.round(MIN_LENGTH * px);
        int maxGap = Math.max(1, Math.round(MAX_GAP * px));
        int maxThickness = Math.max(2, Math.round(MAX_THICKNESS * px)) + 2; // + the neighbours
        int lanes = horizontal ? h : w;
        int along = horizontal ? w : h;
        // Open lines, each still growing on the lane before this one.
        List<Open> open = new ArrayList<>();
        List<Line> out = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            List<int[]> found = new ArrayList<>();
            int start = -1;
            int last = -1;
            int count = 0;
            for (int i = 0; i <= along; i++) {
                // A pixel of the lane or either neighbour: a line a fraction of a degree off the axis drifts
                // across lanes, and a blurred one-pixel line is ink on one lane here and the next one there.
                boolean dark = i < along && (horizontal
                        ? ink[lane * w + i] || lane > 0 && ink[(lane - 1) * w + i] || lane + 1 < h && ink[(lane + 1) * w + i]
                        : ink[i * w + lane] || lane > 0 && ink[i * w + lane - 1] || lane + 1 < w && ink[i * w + lane + 1]);
                if (dark) {
                    if (start < 0) {
                        start = i;
                        count = 0;
                    } else if (i - last - 1 > maxGap) {
                        keep(found, start, last, count, minLength);
                        start = i;
                        count = 0;
                    }
                    last = i;
                    count++;
                } else if (start >= 0 && (i == along || i - last > maxGap)) {
                    keep(found, start, last, count, minLength);
                    start = -1;
                }
            }
            List<Open> next = new ArrayList<>();
            for (int[] run : found) {
                Open line = null;
                for (Open o : open) {
                    if (o.last == lane - 1 && overlap(o.from, o.to, run[0], run[1])) {
                        line = o;
                        break;
                    }
                }
                if (line == null) {
                    line = new Open();
                } else {
                    open.remove(line);
                }
                line.add(lane, run[0], run[1]);
                if (!next.contains(line)) {
                    next.add(line);
                }
            }
            for (Open o : open) {
                o.close(horizontal, maxThickness, out);
            }
            open = next;
        }
        for (Open o : open) {
            o.close(horizontal, maxThickness, out);
        }
        return out;
    }

    /** A line still growing: its runs lane by lane. */
    private static final class Open {
        final List<int[]> runs = new ArrayList<>(); // lane, from, to
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        int last = -1;

        void add(int lane, int a, int b) {
            runs.add(new int[] {lane, a, b});
            from = Math.min(from, a);
            to = Math.max(to, b);
            last = lane;
        }

        /**
         * The line is its core: the lanes whose run is at least half as long as the longest. Text printed right
         * against a ruling (a digit touching its cell's border) adds short runs on the lanes beside it, which
         * neither thicken nor lengthen the line.
         */
        void close(boolean horizontal, int maxThickness, List<Line> out) {
            int longest = 0;
            for (int[] r : runs) {
                longest = Math.max(longest, r[2] - r[1] + 1);
            }
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            int a = Integer.MAX_VALUE;
            int b = Integer.MIN_VALUE;
            for (int[] r : runs) {
                if ((r[2] - r[1] + 1) * 2 >= longest) {
                    lo = Math.min(lo, r[0]);
                    hi = Math.max(hi, r[0]);
                    a = Math.min(a, r[1]);
                    b = Math.max(b, r[2]);
                }
            }
            if (hi - lo + 1 <= maxThickness) {
                out.add(new Line(horizontal, lo, hi, a, b));
            }
        }
    }

    private static void keep(List<int[]> found, int start, int end, int count, int minLength) {
        int length = end - start + 1;
        if (length >= minLength && count >= MIN_INK * length) {
            found.add(new int[] {start, end});
        }
    }

    /** Two runs overlapping over half the shorter one. */
    private static boolean overlap(int a0, int a1, int b0, int b1) {
        int common = Math.min(a1, b1) - Math.max(a0, b0);
        return common > 0 && common * 2 >= Math.min(a1 - a0, b1 - b0);
    }
}
