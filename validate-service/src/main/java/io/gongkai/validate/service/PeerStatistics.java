package io.gongkai.validate.service;

import io.gongkai.model.Report;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.repository.ValidatedReportRepository;
import io.gongkai.rules.OutlierRule;
import io.gongkai.rules.PeerDistribution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What bodies of each administrative level report, for OUTLIER: median and MAD per level and value. The store keeps a
 * histogram per level and value, counted up as each report is first stored ({@link #record}), so neither storing nor
 * learning scans the reports; the distributions are read again from those few documents at most every
 * {@code gongkai.outlier.refresh}, so checking a report costs a map look-up.
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

    /** Counts a report stored for the first time into its level's histograms. */
    public void record(Report report) {
        String level = report.administrativeLevel();
        if (level == null) {
            return;
        }
        Map<Integer, Double> values = new HashMap<>();
        List<String> paths = OutlierRule.PATHS;
        for (int i = 0; i < paths.size(); i++) {
            java.math.BigDecimal v = report.hasCell(paths.get(i)) ? report.value(paths.get(i)) : null;
            if (v != null) {
                values.put(i, v.doubleValue());
            }
        }
        reports.addPeerValues(level, values);
    }

    /** Reads the histograms (one small document per level) and replaces the statistics. */
    public synchronized void relearn() {
        Map<String, PeerDistribution> out = new HashMap<>();
        List<String> paths = OutlierRule.PATHS;
        reports.peerHistograms().forEach((level, byPath) -> byPath.forEach((index, histogram) -> {
            if (index < paths.size()) {
                out.put(level + "|" + paths.get(index), PeerDistribution.ofCounts(histogram));
            }
        }));
        byLevelAndPath = Map.copyOf(out);
        learnt = Instant.now();
    }
}
