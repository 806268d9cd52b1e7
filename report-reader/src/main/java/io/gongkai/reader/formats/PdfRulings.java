package io.gongkai.reader.formats;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;

/**
 * Collects the ruling lines of a PDF page: stroked horizontal and vertical line segments (and the edges of
 * stroked rectangles) and filled rectangles thin enough to be a line, as office suites and browsers draw table
 * borders. Coordinates are those of PDFBox's text positions: origin at the crop box's top left, y downwards.
 * Text operators are skipped (no font is loaded for this pass); white lines are no rulings.
 */
final class PdfRulings extends PDFGraphicsStreamEngine {

    /** An axis-parallel segment: horizontal when {@code y0 == y1}, vertical when {@code x0 == x1}. */
    record Ruling(float x0, float y0, float x1, float y1) {
        boolean horizontal() {
            return y0 == y1;
        }
    }

    /** A filled rectangle thinner than this (PDF units) is a line. */
    static final float THIN = 2.5f;
    /** Segments shorter than this are no rulings (glyph strokes, bullets). */
    static final float MIN_LENGTH = 4f;
    private static final Set<String> TEXT_OPERATORS = Set.of("Tf", "Tj", "TJ", "'", "\"", "BI", "ID", "EI", "d0", "d1");

    private final Collector collector;

    private PdfRulings(PDPage page) {
        super(page);
        collector = new Collector(page);
    }

    /**
     * The rulings of a page, in the page's top-left coordinates as displayed: a page turned by /Rotate (a
     * landscape table page stored portrait) has its rulings turned with it, as PDFBox turns the text positions.
     * {@link PositionedTextStripper} collects the same rulings in its one pass over the page; this engine reads
     * the drawing alone.
     */
    static List<Ruling> of(PDPage page) throws IOException {
        if (!Collector.readable(page)) {
            return List.of();
        }
        PdfRulings engine = new PdfRulings(page);
        engine.processPage(page);
        return engine.collector.rulings();
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        PdfTextReader.stopIfInterrupted();
        if (!TEXT_OPERATORS.contains(operator.getName())) {
            super.processOperator(operator, operands);
        }
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        collector.appendRectangle(p0, p1, p2, p3);
    }

    @Override
    public void moveTo(float x, float y) {
        collector.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        collector.lineTo(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        collector.curveTo(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return collector.currentPoint();
    }

    @Override
    public void closePath() {
        collector.closePath();
    }

    @Override
    public void endPath() {
        collector.endPath();
    }

    @Override
    public void strokePath() {
        collector.strokePath(getGraphicsState());
    }

    @Override
    public void fillPath(int windingRule) {
        collector.fillPath(getGraphicsState());
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        collector.fillAndStrokePath(getGraphicsState());
    }

    @Override
    public void drawImage(PDImage pdImage) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }

    /**
     * The path construction and painting of a page's drawing, turned into rulings: the part shared by this
     * engine and {@link PositionedTextStripper}. Points arrive in device space (the CTM applied).
     */
    static final class Collector {

        private final List<Ruling> rulings = new ArrayList<>();
        private final List<float[]> path = new ArrayList<>(); // segments x0,y0,x1,y1 of the current path
        private final List<Point2D[]> rectangles = new ArrayList<>();
        /** Visible fills smaller than {@link #THIN} both ways: the dots and dashes of a dotted or dashed border. */
        private final List<float[]> pieces = new ArrayList<>();
        /** Visible fills wider than a line both ways (a dark table background, a shaded cell), device space. */
        private final List<float[]> darkBoxes = new ArrayList<>();
        private boolean chained;
        private final float left;
        private final float top;
        private final float right;
        private final float bottom;
        private final int rotation;
        private Point2D.Float current = new Point2D.Float();
        private Point2D.Float subpathStart = new Point2D.Float();

        Collector(PDPage page) {
            PDRectangle crop = page.getCropBox();
            left = crop.getLowerLeftX();
            top = crop.getUpperRightY();
            right = crop.getUpperRightX();
            bottom = crop.getLowerLeftY();
            rotation = Math.floorMod(page.getRotation(), 360);
        }

        /** Whether rulings can be read on the page: it is turned by a multiple of 90 degrees, if at all. */
        static boolean readable(PDPage page) {
            return Math.floorMod(page.getRotation(), 360) % 90 == 0;
        }

        List<Ruling> rulings() {
            if (!chained) {
                chained = true;
                chain(true);
                chain(false);
            }
            return rulings;
        }

        /** Pieces this close (PDF units) along a border are one dotted or dashed line. */
        private static final float PIECE_GAP = 3f;

        /**
         * Dotted and dashed borders (a browser fills each dot or dash as a small rectangle): pieces of one size in a
         * row along one line, each within {@link #PIECE_GAP} of the next, are a ruling from the first to the last
         * when there are three or more and they reach {@link #MIN_LENGTH}.
         */
        private void chain(boolean vertical) {
            if (pieces.size() < 3) {
                return;
            }
            // along: the coordinate the line runs in; across: its position
            List<float[]> sorted = new ArrayList<>(pieces);
            int a0 = vertical ? 1 : 0;
            int a1 = vertical ? 3 : 2;
            int c0 = vertical ? 0 : 1;
            int c1 = vertical ? 2 : 3;
            sorted.sort((p, q) -> {
                int byLine = Float.compare(Math.round((p[c0] + p[c1]) * 2) / 2f, Math.round((q[c0] + q[c1]) * 2) / 2f);
                return byLine != 0 ? byLine : Float.compare(p[a0], q[a0]);
            });
            int start = 0;
            for (int i = 1; i <= sorted.size(); i++) {
                float[] prev = sorted.get(i - 1);
                boolean joins = i < sorted.size() && Math.abs((sorted.get(i)[c0] + sorted.get(i)[c1]) - (prev[c0] + prev[c1])) < 0.6f
                        && Math.abs((sorted.get(i)[c1] - sorted.get(i)[c0]) - (prev[c1] - prev[c0])) < 0.2f
                        && sorted.get(i)[a0] - prev[a1] <= PIECE_GAP && sorted.get(i)[a0] >= prev[a0];
                if (!joins) {
                    float[] first = sorted.get(start);
                    if (i - start >= 3 && prev[a1] - first[a0] >= MIN_LENGTH) {
                        float across = (first[c0] + first[c1]) / 2;
                        if (vertical) {
                            add(across, first[a0], across, prev[a1]);
                        } else {
                            add(first[a0], across, prev[a1], across);
                        }
                    }
                    start = i;
                }
            }
        }

        void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            rectangles.add(new Point2D[] {p0, p1, p2, p3});
            segment(p0, p1);
            segment(p1, p2);
            segment(p2, p3);
            segment(p3, p0);
            current = new Point2D.Float((float) p0.getX(), (float) p0.getY());
            subpathStart = current;
        }

        void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
            subpathStart = current;
        }

        void lineTo(float x, float y) {
            Point2D.Float next = new Point2D.Float(x, y);
            segment(current, next);
            current = next;
        }

        void curveTo(float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        Point2D currentPoint() {
            return current;
        }

        void closePath() {
            segment(current, subpathStart);
            current = subpathStart;
        }

        void endPath() {
            clearPath();
        }

        void strokePath(PDGraphicsState state) {
            if (visible(state, true)) {
                for (float[] s : path) {
                    add(s[0], s[1], s[2], s[3]);
                }
            }
            clearPath();
        }

        void fillPath(PDGraphicsState state) {
            darkFill = dark(state);
            if (visible(state, false)) {
                fillThin();
            } else {
                fillLight();
            }
            clearPath();
        }

        void fillAndStrokePath(PDGraphicsState state) {
            boolean stroke = visible(state, true);
            if (stroke) {
                for (float[] s : path) {
                    add(s[0], s[1], s[2], s[3]);
                }
            } else if (visible(state, false)) {
                darkFill = dark(state);
                fillThin();
            }
            clearPath();
        }

        private void clearPath() {
            path.clear();
            rectangles.clear();
        }

        private void segment(Point2D a, Point2D b) {
            path.add(new float[] {(float) a.getX(), (float) a.getY(), (float) b.getX(), (float) b.getY()});
        }

        /**
         * A filled thin rectangle is a line along its long side; so is a filled closed path of four axis-parallel
         * sides (browsers fill borders as polygons). A wide fill (a shaded cell) is none.
         */
        private void fillThin() {
            boxes(true);
        }

        /** Whether the current fill is dark enough to be a background showing through as borders (not a paper tint). */
        private boolean darkFill;

        /**
         * Borders drawn by cell spacing (old web pages: a dark table background, each cell filled white over it,
         * the background showing between them as lines): a light fill lying inside a dark one has its edges drawn.
         */
        private void fillLight() {
            if (!darkBoxes.isEmpty()) {
                boxes(false);
            }
        }

        /** Each axis-parallel subpath of the current path as a box: visible ({@code dark}) or a light fill. */
        private void boxes(boolean dark) {
            float minX = Float.MAX_VALUE;
            float minY = Float.MAX_VALUE;
            float maxX = -Float.MAX_VALUE;
            float maxY = -Float.MAX_VALUE;
            int start = 0;
            for (int i = 0; i <= path.size(); i++) {
                // Subpaths: a segment that does not start where the previous ended begins a new one.
                boolean ends = i == path.size() || (i > start && (path.get(i)[0] != path.get(i - 1)[2]
                        || path.get(i)[1] != path.get(i - 1)[3]));
                if (ends && i > start) {
                    boolean axisParallel = true;
                    for (int k = start; k < i; k++) {
                        float[] s = path.get(k);
                        axisParallel &= Math.abs(s[0] - s[2]) < 0.01f || Math.abs(s[1] - s[3]) < 0.01f;
                    }
                    if (axisParallel && dark) {
                        addBox(minX, minY, maxX, maxY, darkFill);
                    } else if (axisParallel) {
                        addLightBox(minX, minY, maxX, maxY);
                    }
                    minX = Float.MAX_VALUE;
                    minY = Float.MAX_VALUE;
                    maxX = -Float.MAX_VALUE;
                    maxY = -Float.MAX_VALUE;
                    start = i;
                }
                if (i < path.size()) {
                    float[] s = path.get(i);
                    minX = Math.min(minX, Math.min(s[0], s[2]));
                    maxX = Math.max(maxX, Math.max(s[0], s[2]));
                    minY = Math.min(minY, Math.min(s[1], s[3]));
                    maxY = Math.max(maxY, Math.max(s[1], s[3]));
                }
            }
        }

        private void addBox(float minX, float minY, float maxX, float maxY, boolean dark) {
            float w = maxX - minX;
            float h = maxY - minY;
            if (h <= THIN && w >= MIN_LENGTH) {
                float y = (minY + maxY) / 2;
                add(minX, y, maxX, y);
            } else if (w <= THIN && h >= MIN_LENGTH) {
                float x = (minX + maxX) / 2;
                add(x, minY, x, maxY);
            } else if (w <= THIN && h <= THIN) {
                if (w > 0.05f && h > 0.05f) {
                    pieces.add(new float[] {minX, minY, maxX, maxY});
                }
            } else if (w > THIN && h > THIN && dark) {
                darkBoxes.add(new float[] {minX, minY, maxX, maxY});
            }
        }

        private void addLightBox(float minX, float minY, float maxX, float maxY) {
            if (maxX - minX <= THIN || maxY - minY <= THIN) {
                return;
            }
            for (float[] d : darkBoxes) {
                if (minX >= d[0] - 0.5f && minY >= d[1] - 0.5f && maxX <= d[2] + 0.5f && maxY <= d[3] + 0.5f
                        && (minX > d[0] + 0.1f || minY > d[1] + 0.1f || maxX < d[2] - 0.1f || maxY < d[3] - 0.1f)) {
                    add(minX, minY, maxX, minY);
                    add(minX, maxY, maxX, maxY);
                    add(minX, minY, minX, maxY);
                    add(maxX, minY, maxX, maxY);
                    return;
                }
            }
        }

        /** Adds an axis-parallel segment (given in device space) in the displayed page's top-left coordinates. */
        private void add(float x0, float y0, float x1, float y1) {
            float ax = displayX(x0, y0);
            float bx = displayX(x1, y1);
            float ay = displayY(x0, y0);
            float by = displayY(x1, y1);
            if (Math.abs(ay - by) < 0.5f && Math.abs(ax - bx) >= MIN_LENGTH) {
                float y = (ay + by) / 2;
                rulings.add(new Ruling(Math.min(ax, bx), y, Math.max(ax, bx), y));
            } else if (Math.abs(ax - bx) < 0.5f && Math.abs(ay - by) >= MIN_LENGTH) {
                float x = (ax + bx) / 2;
                rulings.add(new Ruling(x, Math.min(ay, by), x, Math.max(ay, by)));
            }
        }

        /** x from the displayed page's left edge: /Rotate turns the page clockwise. */
        private float displayX(float x, float y) {
            return switch (rotation) {
                case 90 -> y - bottom;
                case 180 -> right - x;
                case 270 -> top - y;
                default -> x - left;
            };
        }

        /** y down from the displayed page's top edge. */
        private float displayY(float x, float y) {
            return switch (rotation) {
                case 90 -> x - left;
                case 180 -> y - bottom;
                case 270 -> right - x;
                default -> top - y;
            };
        }

        /** Whether the fill colour is darker than a paper tint (every channel under 200). */
        private static boolean dark(PDGraphicsState state) {
            try {
                PDColor color = state.getNonStrokingColor();
                if (color == null || color.getColorSpace() == null) {
                    return true;
                }
                int rgb = color.toRGB();
                return ((rgb >> 16) & 0xff) < 200 && ((rgb >> 8) & 0xff) < 200 && (rgb & 0xff) < 200;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** Whether the path is painted in a colour that shows on white paper. */
        private static boolean visible(PDGraphicsState state, boolean stroke) {
            try {
                PDColor color = stroke ? state.getStrokingColor() : state.getNonStrokingColor();
                if (color == null || color.getColorSpace() == null) {
                    return true;
                }
                int rgb = color.toRGB();
                return ((rgb >> 16) & 0xff) < 240 || ((rgb >> 8) & 0xff) < 240 || (rgb & 0xff) < 240;
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }
    }
}
