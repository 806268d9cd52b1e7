package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * P2/P3, information only: a value far above what bodies of the same administrative level report, by robust
 * statistics (median and MAD) learnt from the stored reports, once enough of them are stored. Large values can be
 * legitimate (a city's traffic fines), hence info.
 */
public final class OutlierRule extends HistoryRule {

    public static final String CODE = "OUTLIER";
    /** The values compared with the peers: those whose size means something on its own. */
    public static final List<String> PATHS = List.of(
            "activeDisclosure.rules.issued", "activeDisclosure.rules.inForce",
            "activeDisclosure.normativeDocuments.issued", "activeDisclosure.normativeDocuments.inForce",
            "activeDisclosure.licensing.decisions", "activeDisclosure.punishment.decisions", "activeDisclosure.enforcement.decisions",
            "applications.newReceived.total", "applications.carriedForward.total",
            "reviewsAndLawsuits.review.total", "reviewsAndLawsuits.lawsuitDirect.total", "reviewsAndLawsuits.lawsuitAfterReview.total");
    private static final double MAD_TO_SIGMA = 1.4826;

    private final RuleSettings settings;

    public OutlierRule(RuleSettings settings) {
        super(CODE, Severity.info, "数值远高于同级机关通常填报的水平（按已存年报的中位数与中位数绝对偏差估计）", PATHS);
        this.settings = settings;
    }

    @Override
    public List<Finding> check(Report report, ReportHistory history) {
        String level = report.administrativeLevel();
        if (level == null || level.equals("unknown")) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String path : PATHS) {
            BigDecimal value = report.hasCell(path) ? report.value(path) : null;
            if (value == null || value.doubleValue() < settings.outlierMinValue()) {
                continue;
            }
            Optional<PeerDistribution> peers = history.peers(level, path);
            if (peers.isEmpty() || peers.get().count() < settings.outlierMinReports()) {
                continue;
            }
            PeerDistribution d = peers.get();
            double sigma = Math.max(MAD_TO_SIGMA * d.mad(), 1.0);
            double z = (value.doubleValue() - d.median()) / sigma;
            if (z >= settings.outlierThreshold()) {
                String message = Cells.describe(path) + " 为 " + Cells.format(value) + "，远高于同级（" + level + "）机关的中位数 "
                        + String.format(Locale.ROOT, "%.0f", d.median()) + "（" + d.count() + " 份年报，约 "
                        + String.format(Locale.ROOT, "%.0f", z) + " 个稳健标准差），请核实";
                findings.add(Finding.of(CODE, severity(), message, path));
            }
        }
        return findings;
    }
}
