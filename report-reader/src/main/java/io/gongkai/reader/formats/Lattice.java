package io.gongkai.reader.formats;

import io.gongkai.reader.formats.PdfRulings.Ruling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the tables of a page from its ruling lines: rulings that touch form one table; its row boundaries are
 * the heights of its horizontal rulings, its column boundaries the positions of its vertical ones (close lines
 * taken as one: browsers draw a border per cell). Where a ruling between two neighbouring grid slots is missing,
 * the slots belong to one merged cell. A table needs at least two columns; a frame around text is none.
 */
final class Lattice {

    /** Lines closer than this (PDF units) are one boundary; a ruling reaching this close to another touches it. */
    static final float TOLERANCE = 2.5f;

    /** One cell: its top-left grid slot, its spans and its box (top-left coordinates, y downwards). */
    record Cell(int row, int column, int rowSpan, int colSpan, float x0, float y0, float x1, float y1) {
    }

    /** A table: its column boundaries {@code xs}, row boundaries {@code ys} and cells in reading order. */
    record Table(float[] xs, float[] ys, List<Cell> cells) {

        int rows() {
            return ys.length - 1;
        }

        int columns() {
            return xs.length - 1;
        }

        boolean contains(float x, float y) {
            return x >= xs[0] && x <= xs[xs.length - 1] && y >= ys[0] && y <= ys[ys.length - 1];
        }

        /** The index among {@link #cells} of the cell holding the point, or -1 outside the table. */
        int cellAt(float x, float y) {
            if (!contains(x, y)) {
                return -1;
            }
            int c = slot(xs, x);
            int r = slot(ys, y);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (r >= cell.row() && r < cell.row() + cell.rowSpan() && c >= cell.column()
                        && c < cell.column() + cell.colSpan()) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Rows {@code from} (inclusive) to {@code to} (exclusive) as a table of their own: cells cut to them, only
         * the column boundaries their cells use.
         */
        Table rows(int from, int to) {
            float[] sub = Arrays.copyOfRange(ys, from, to + 1);
            List<Cell> kept = new ArrayList<>();
            for (Cell c : cells) {
                int r0 = Math.max(c.row(), from);
                int r1 = Math.min(c.row() + c.rowSpan(), to);
                if (r0 < r1) {
                    kept.add(new Cell(r0 - from, c.column(), r1 - r0, c.colSpan(), c.x0(), ys[r0], c.x1(), ys[r1]));
                }
            }
            kept.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : Integer.compare(a.column(), b.column()));
            // Column boundaries only the other rows use are none of this part's.
            boolean[] used = new boolean[xs.length];
            for (Cell c : kept) {
                used[c.column()] = true;
                used[c.column() + c.colSpan()] = true;
            }
            int[] index = new int[xs.length];
            List<Float> bounds = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                index[i] = bounds.size();
                if (used[i]) {
                    bounds.add(xs[i]);
                }
            }
            float[] subXs = new float[bounds.size()];
            for (int i = 0; i < subXs.length; i++) {
                subXs[i] = bounds.get(i);
            }
            List<Cell> cells = new ArrayList<>(kept.size());
            for (Cell c : kept) {
                int from0 = index[c.column()];
                cells.add(new Cell(c.row(), from0, c.rowSpan(), index[c.column() + c.colSpan()] - from0, c.x0(), c.y0(),
                        c.x1(), c.y1()));
            }
            return new Table(subXs, sub, cells);
        }

        private static int slot(float[] bounds, float v) {
            int i = Arrays.binarySearch(bounds, v);
            int slot = i >= 0 ? i : -i - 2;
            return Math.max(0, Math.min(bounds.length - 2, slot));
        }
    }

    private Lattice() {
    }

    /** The tables the rulings form, top to bottom. */
    static List<Table> tables(List<Ruling> rulings) {
        int n = rulings.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (touch(rulings.get(i), rulings.get(j))) {
                    union(parent, i, j);
                }
            }
        }
        List<List<Ruling>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(rulings.get(i));
        }
        List<Table> tables = new ArrayList<>();
        for (List<Ruling> group : groups) {
            Table t = table(group);
            if (t != null) {
                tables.add(t);
            }
        }
        tables.sort(Comparator.comparingDouble(t -> t.ys()[0]));
        return tables;
    }

    /** The table one group of touching rulings forms, or null when it is no table (under two columns). */
    static Table table(List<Ruling> group) {
        List<Ruling> horizontal = group.stream().filter(Ruling::horizontal).toList();
        List<Ruling> vertical = group.stream().filter(r -> !r.horizontal()).toList();
        if (horizontal.isEmpty() || vertical.isEmpty()) {
            return null;
        }
        float[] ys = boundaries(horizontal.stream().map(Ruling::y0).toList(),
                vertical.stream().map(Ruling::y0).min(Float::compare).get(),
                vertical.stream().map(Ruling::y1).max(Float::compare).get());
        float[] xs = boundaries(vertical.stream().map(Ruling::x0).toList(),
                horizontal.stream().map(Ruling::x0).min(Float::compare).get(),
                horizontal.stream().map(Ruling::x1).max(Float::compare).get());
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        if (rows < 1 || cols < 2) {
            return null;
        }
        // Slots joined where the ruling between them is missing.
        int[] parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            float midY = (ys[r] + ys[r + 1]) / 2;
            for (int c = 0; c < cols; c++) {
                float midX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < cols && !covered(vertical, xs[c + 1], midY, false)) {
                    union(parent, r * cols + c, r * cols + c + 1);
                }
                if (r + 1 < rows && !covered(horizontal, ys[r + 1], midX, true)) {
                    union(parent, r * cols + c, (r + 1) * cols + c);
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        int[] minR = new int[parent.length];
        int[] minC = new int[parent.length];
        int[] maxR = new int[parent.length];
        int[] maxC = new int[parent.length];
        int[] count = new int[parent.length];
        Arrays.fill(minR, Integer.MAX_VALUE);
        Arrays.fill(minC, Integer.MAX_VALUE);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int root = find(parent, r * cols + c);
                minR[root] = Math.min(minR[root], r);
                minC[root] = Math.min(minC[root], c);
                maxR[root] = Math.max(maxR[root], r);
                maxC[root] = Math.max(maxC[root], c);
                count[root]++;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int slot = r * cols + c;
                int root = find(parent, slot);
                int area = (maxR[root] - minR[root] + 1) * (maxC[root] - minC[root] + 1);
                if (area == count[root]) {
                    if (minR[root] == r && minC[root] == c) {
                        cells.add(new Cell(r, c, maxR[root] - r + 1, maxC[root] - c + 1, xs[c], ys[r],
                                xs[maxC[root] + 1], ys[maxR[root] + 1]));
                    }
                } else {
                    // Not a rectangle (a ruling missing at a corner): no merge can be told, each slot is a cell.
                    cells.add(new Cell(r, c, 1, 1, xs[c], ys[r], xs[c + 1], ys[r + 1]));
                }
            }
        }
        return new Table(xs, ys, cells);
    }

    /** Whether a ruling at {@code at} (x of a vertical, y of a horizontal) passes the point {@code across}. */
    private static boolean covered(List<Ruling> rulings, float at, float across, boolean horizontal) {
        for (Ruling r : rulings) {
            float pos = horizontal ? r.y0() : r.x0();
            float from = horizontal ? r.x0() : r.y0();
            float to = horizontal ? r.x1() : r.y1();
            if (Math.abs(pos - at) <= TOLERANCE && from <= across && to >= across) {
                return true;
            }
        }
        return false;
    }

    /**
     * Positions closer than {@link #TOLERANCE} merged into one (their mean), with the group's outer extent added
     * where no line marks it (tables printed without outer borders).
     */
    static float[] boundaries(List<Float> positions, float from, float to) {
        List<Float> all = new ArrayList<>(positions);
        all.add(from);
        all.add(to);
        all.sort(Float::compare);
        List<Float> merged = new ArrayList<>();
        float sum = 0;
        int k = 0;
        float last = Float.NaN;
        for (float p : all) {
            if (k > 0 && p - last > TOLERANCE) {
                merged.add(sum / k);
                sum = 0;
                k = 0;
            }
            sum += p;
            k++;
            last = p;
        }
        if (k > 0) {
            merged.add(sum / k);
        }
        float[] out = new float[merged.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = merged.get(i);
        }
        return out;
    }

    private static boolean touch(Ruling a, Ruling b) {
        if (a.horizontal() == b.horizontal()) {
            // Parallel: collinear and overlapping (a border drawn in pieces).
            if (a.horizontal()) {
                return Math.abs(a.y0() - b.y0()) <= 0.5f && a.x0() <= b.x1() + TOLERANCE && b.x0() <= a.x1() + TOLERANCE;
            }
            return Math.abs(a.x0() - b.x0()) <= 0.5f && a.y0() <= b.y1() + TOLERANCE && b.y0() <= a.y1() + TOLERANCE;
        }
        Ruling h = a.horizontal() ? a : b;
        Ruling v = a.horizontal() ? b : a;
        return v.x0() >= h.x0() - TOLERANCE && v.x0() <= h.x1() + TOLERANCE
                && h.y0() >= v.y0() - TOLERANCE && h.y0() <= v.y1() + TOLERANCE;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
