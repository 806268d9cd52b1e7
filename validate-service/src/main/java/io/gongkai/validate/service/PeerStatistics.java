package io.gongkai.validate.service;

import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.repository.ValidatedReportRepository;
import io.gongkai.validate.rules.OutlierRule;
import io.gongkai.validate.rules.PeerDistribution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * What bodies of each administrative level report, learnt from the stored reports for OUTLIER: median and MAD per level
 * and value, recomputed from the store at most every {@code gongkai.outlier.refresh} (one projected scan), so checking a
 * report costs a map lookup. Between refreshes the statistics lag the store by the reports stored since.
 */
@ApplicationScoped
public class PeerStatistics {

    private final ValidatedReportRepository reports;
    private final Duration refresh;
    private volatile Map<String, PeerDistribution> byLevelAndPath = Map.of();
    private volatile Instant learnt = Instant.EPOCH;

    public PeerStatistics(ValidatedReportRepository reports, ValidateConfig config) {
        this.reports = reports;
        this.refresh = config.outlier().refresh();
    }

    public Optional<PeerDistribution> distribution(String level, String path) {
        if (Instant.now().isAfter(learnt.plus(refresh))) {
            relearn();
        }
        return Optional.ofNullable(byLevelAndPath.get(level + "|" + path));
    }

    /** Scans the store once and replaces the statistics. */
    public synchronized void relearn() {
        Map<String, double[]> values = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        List<String> paths = OutlierRule.PATHS;
        reports.forEachReportValues(paths, doc -> {
            Document report = doc.get("report", Document.class);
            if (report == null || report.getString("administrativeLevel") == null) {
                return;
            }
            String level = report.getString("administrativeLevel");
            for (String path : paths) {
                Object v = valueAt(report, path);
                if (v instanceof Number n) {
                    String key = level + "|" + path;
                    int size = sizes.getOrDefault(key, 0);
                    double[] a = values.computeIfAbsent(key, k -> new double[64]);
                    if (size == a.length) {
                        a = java.util.Arrays.copyOf(a, size * 2);
                        values.put(key, a);
                    }
                    a[size] = n.doubleValue();
                    sizes.put(key, size + 1);
                }
            }
        });
        Map<String, PeerDistribution> out = new HashMap<>();
        values.forEach((key, a) -> out.put(key, PeerDistribution.of(java.util.Arrays.copyOf(a, sizes.get(key)))));
        byLevelAndPath = Map.copyOf(out);
        learnt = Instant.now();
    }

    private static Object valueAt(Document report, String path) {
        Object node = report;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Document d)) {
                return null;
            }
            node = d.get(part);
        }
        return node;
    }
}
