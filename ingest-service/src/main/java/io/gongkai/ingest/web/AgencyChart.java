package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.StoredReport;
import io.gongkai.model.Report;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An agency's key figures over its years as a small line chart, drawn by the server as inline SVG (numbers and
 * escaped text only, no script): applications received, handled and granted, and administrative reviews. A year
 * without the figure leaves a gap in its line.
 */
public record AgencyChart(List<Series> series, List<Tick> years, List<Tick> levels) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 28;

    /** @param path the report's cell; {@code colour} a CSS colour; {@code lines} "x,y x,y" runs without gaps */
    public record Series(String name, String colour, List<String> lines, List<Dot> dots) {
    }

    public record Dot(String x, String y, String value, String year) {
    }

    public record Tick(String x, String y, String label) {
    }

    private record Figure(String name, String path, String colour) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("新收申请", "applications.newReceived.total", "#1f4e9a"),
            new Figure("办理总计", "applications.totalHandled.total", "#2e7d32"),
            new Figure("予以公开", "applications.granted.total", "#9a5b00"),
            new Figure("行政复议", "reviewsAndLawsuits.review.total", "#b01e1e"));

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public boolean empty() {
        return series.isEmpty();
    }

    static AgencyChart of(List<StoredReport> years) {
        BigDecimal max = BigDecimal.ONE;
        for (StoredReport y : years) {
            for (Figure f : FIGURES) {
                BigDecimal v = value(y.report(), f.path());
                if (v != null && v.compareTo(max) > 0) {
                    max = v;
                }
            }
        }
        double top = niceCeiling(max.doubleValue());
        int n = years.size();
        double step = n <= 1 ? 0 : (WIDTH - LEFT - RIGHT) / (double) (n - 1);
        List<Series> series = new ArrayList<>();
        for (Figure f : FIGURES) {
            List<String> lines = new ArrayList<>();
            List<Dot> dots = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < n; i++) {
                BigDecimal v = value(years.get(i).report(), f.path());
                if (v == null) {
                    if (!run.isEmpty()) {
                        lines.add(run.toString().strip());
                        run.setLength(0);
                    }
                    continue;
                }
                String x = fmt(x(i, n, step));
                String y = fmt(TOP + (HEIGHT - TOP - BOTTOM) * (1 - v.doubleValue() / top));
                run.append(x).append(',').append(y).append(' ');
                Integer year = years.get(i).report() == null ? null : years.get(i).report().year();
                dots.add(new Dot(x, y, v.stripTrailingZeros().toPlainString(), year == null ? "" : year.toString()));
            }
            if (!run.isEmpty()) {
                lines.add(run.toString().strip());
            }
            if (!dots.isEmpty()) {
                series.add(new Series(f.name(), f.colour(), lines, dots));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer year = years.get(i).report() == null ? null : years.get(i).report().year();
            ticks.add(new Tick(fmt(x(i, n, step)), fmt(HEIGHT - 8), year == null ? "?" : year.toString()));
        }
        List<Tick> levels = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double value = top * k / 4;
            levels.add(new Tick(fmt(LEFT - 6), fmt(TOP + (HEIGHT - TOP - BOTTOM) * (1 - k / 4.0)),
                    BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()));
        }
        return new AgencyChart(series, ticks, levels);
    }

    private static double x(int i, int n, double step) {
        return n <= 1 ? (LEFT + WIDTH - RIGHT) / 2.0 : LEFT + i * step;
    }

    /** 1, 2 or 5 times a power of ten, at or above v. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static BigDecimal value(Report report, String path) {
        return report != null && report.hasCell(path) ? report.value(path) : null;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
