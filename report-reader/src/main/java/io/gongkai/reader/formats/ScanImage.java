package io.gongkai.reader.formats;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * A scanned page as a grey image, straightened: the skew a scanner leaves (a sheet fed at an angle of a degree or
 * two) is estimated from the projection profile of its dark pixels (text lines and table rulings line up with the
 * rows when the angle is right, which makes the profile's peaks sharpest) and turned back, so that rulings run
 * along pixel rows and columns. Dark pixels are told from paper by Otsu's threshold on the page's histogram,
 * which holds for faint or grey scans as well as for black on white.
 */
final class ScanImage {

    /** Skews tried, in degrees either way; a page fed more crookedly than this is read as it is. */
    static final double MAX_SKEW = 3.0;
    private static final double STEP = 0.1;
    private static final double FINE_STEP = 0.01;

    private final BufferedImage image;
    private final int threshold;
    private final double skew;

    private ScanImage(BufferedImage image, int threshold, double skew) {
        this.image = image;
        this.threshold = threshold;
        this.skew = skew;
    }

    /** The page straightened. */
    static ScanImage straightened(BufferedImage page) {
        BufferedImage gray = toGray(page);
        int threshold = otsu(gray.getRaster());
        double skew = skew(gray.getRaster(), threshold);
        BufferedImage straight = Math.abs(skew) < FINE_STEP / 2 ? gray : rotate(gray, -skew);
        return new ScanImage(straight, threshold, skew);
    }

    BufferedImage image() {
        return image;
    }

    /** The grey level below which a pixel is ink. */
    int threshold() {
        return threshold;
    }

    /** The skew found, in degrees (positive: the page was turned clockwise). */
    double skew() {
        return skew;
    }

    /** Dark pixels (ink) as a row-major mask. */
    boolean[] ink() {
        Raster r = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] ink = new boolean[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                ink[y * w + x] = row[x] < threshold;
            }
        }
        return ink;
    }

    static BufferedImage toGray(BufferedImage page) {
        if (page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return page;
        }
        BufferedImage gray = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return gray;
    }

    /** Otsu's threshold: the grey level that best separates the histogram's two classes (ink and paper). */
    static int otsu(Raster r) {
        long[] hist = new long[256];
        int w = r.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < r.getHeight(); y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int v : row) {
                hist[v]++;
            }
        }
        long total = (long) w * r.getHeight();
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * hist[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (double) t * hist[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t + 1;
            }
        }
        return threshold;
    }

    /**
     * The angle (degrees) whose projection of the ink onto the vertical axis is sharpest (largest sum of squared
     * differences between neighbouring bins, Postl's criterion: the edges of text lines and rulings). Measured on a half-size sample of the ink: a fraction of a pixel per row is enough.
     */
    static double skew(Raster r, int threshold) {
        double coarse = bestAngle(r, threshold, 2, -MAX_SKEW, MAX_SKEW, STEP);
        // Then to a hundredth of a degree on every pixel: over a page's width, 0.05° is two pixels of drift, enough
        // to break a vertical ruling into runs too short to be found.
        return bestAngle(r, threshold, 1, coarse - STEP, coarse + STEP, FINE_STEP);
    }

    private static double bestAngle(Raster r, int threshold, int step, double from, double to, double by) {
        int w = r.getWidth();
        int h = r.getHeight();
        int[] xs = new int[1 << 16];
        int[] ys = new int[1 << 16];
        int n = 0;
        int[] row = new int[w];
        for (int y = 0; y < h; y += step) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x += step) {
                if (row[x] < threshold) {
                    if (n == xs.length) {
                        xs = java.util.Arrays.copyOf(xs, n * 2);
                        ys = java.util.Arrays.copyOf(ys, n * 2);
                    }
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n < 100) {
            return 0;
        }
        int margin = (int) Math.ceil(w * Math.tan(Math.toRadians(MAX_SKEW + STEP))) + 1;
        long[] bins = new long[h + 2 * margin];
        double best = -1;
        double bestAngle = 0;
        int steps = (int) Math.round((to - from) / by);
        for (int s = 0; s <= steps; s++) {
            double a = from + s * by;
            java.util.Arrays.fill(bins, 0);
            double t = Math.tan(Math.toRadians(a));
            for (int i = 0; i < n; i++) {
                bins[(int) Math.round((ys[i] - xs[i] * t) / step) + margin]++;
            }
            double score = 0;
            for (int i = 1; i < bins.length; i++) {
                double d = bins[i] - bins[i - 1];
                score += d * d;
            }
            if (score > best) {
                best = score;
                bestAngle = a;
            }
        }
        return bestAngle;
    }

    /** The image turned by {@code degrees} about its centre, the corners filled with paper. */
    static BufferedImage rotate(BufferedImage gray, double degrees) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(gray, AffineTransform.getRotateInstance(Math.toRadians(degrees), gray.getWidth() / 2.0,
                gray.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }
}
