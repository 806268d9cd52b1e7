package io.gongkai.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One line of progress: done/total, rate, time left and failures. On a terminal it redraws itself; in a log
 * (CI, a pipe) it prints a line every {@code everySeconds}, so logs stay short.
 */
final class Progress {

    private final String what;
    private final int total;
    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private long lastPrinted;

    Progress(String what, int total, PrintStream out, boolean terminal) {
        this.what = what;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
    }

    void step(boolean ok) {
        done.incrementAndGet();
        if (!ok) {
            failed.incrementAndGet();
        }
        maybePrint(false);
    }

    synchronized void maybePrint(boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastPrinted < (terminal ? 200_000_000L : 5_000_000_000L)) {
            return;
        }
        lastPrinted = now;
        String line = line(now);
        if (terminal) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long now) {
        int d = done.get();
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = d / seconds;
        String eta = d == 0 || d >= total ? "" : String.format(" · %s left", duration((total - d) / rate));
        return String.format("  %s %d/%d · %.1f/s%s · %d failed", what, d, total, rate, eta, failed.get());
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
