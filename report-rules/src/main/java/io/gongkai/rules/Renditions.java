package io.gongkai.rules;

import io.gongkai.model.Region;
import io.gongkai.model.Report;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One report in several renditions: sites publish the HTML page and attach the same report as PDF or Word, and
 * crawlers bring all of them, days apart, sometimes with a corrected version later. Documents of the same agency
 * (same agency key, and no region of the two contradicting the other) for the same year are renditions of one
 * report, linked by its {@link #reportKey}. Where their values differ, the one printed later corrects the earlier;
 * with no later print date they disagree.
 */
public final class Renditions {

    /**
     * Distinct sets of values of one agency's report for one year that the rules compare: the first stored document of
     * each, up to this many. A further copy with stored values, or a version beyond these (a flood of differing copies:
     * OCR noise, mangled pages), is checked against them but not compared with by the others, so an arrival costs a
     * bounded number of re-checks however many copies come.
     */
    public static final int MAX_VERSIONS = 8;

    private Renditions() {
    }

    /**
     * A digest of the values the document read (cells with a value, in path order): documents with equal digests are
     * one version of the report and give each other no finding.
     */
    public static String valuesDigest(Report report) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(report.cells()).forEach((path, value) -> {
            if (value != null) {
                b.append(path).append('=').append(value.stripTrailingZeros().toPlainString()).append('\n');
            }
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The other stored documents of the same report. Empty when the report's agency or year is unknown. */
    static List<StoredReport> of(Report report, ReportHistory history, AgencyNames names) {
        if (!known(report)) {
            return List.of();
        }
        AgencyKey key = names.key(report.agency());
        return history.reportsOf(key, report.year()).stream()
                .filter(s -> key.sameAgency(s.agency()) && report.year().equals(s.report().year())
                        && sameRegion(report.region(), s.report().region()))
                .toList();
    }

    /**
     * The key every rendition of one report shares: the agency's region code (when resolved), its key and the year;
     * null when agency or year is unknown.
     */
    public static String reportKey(Report report, AgencyNames names) {
        if (!known(report)) {
            return null;
        }
        String region = report.region() == null ? "" : report.region().code();
        return region + "/" + names.key(report.agency()).local() + "/" + report.year();
    }

    /** Two regions that may be one body's: either unknown, or one within the other (320800 ⊇ 320813). */
    static boolean sameRegion(Region a, Region b) {
        if (a == null || b == null || a.code() == null || b.code() == null) {
            return true;
        }
        String x = trimmed(a.code());
        String y = trimmed(b.code());
        return x.startsWith(y) || y.startsWith(x);
    }

    /** 410700 → 4107: the code's trailing zeros only pad it to six digits. */
    private static String trimmed(String code) {
        String c = code;
        while (c.length() > 2 && c.endsWith("00")) {
            c = c.substring(0, c.length() - 2);
        }
        return c;
    }

    /** Whether no cell both documents read a value in differs: then neither rendition gives the other a finding. */
    public static boolean sameValues(Report mine, Report other) {
        return differences(mine, other).isEmpty();
    }

    /** The cells both documents read a value in whose values differ, path → {this, other}. */
    static List<Difference> differences(Report mine, Report other) {
        List<Difference> out = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> cell : mine.cells().entrySet()) {
            BigDecimal there = other.hasCell(cell.getKey()) ? other.value(cell.getKey()) : null;
            if (cell.getValue() != null && there != null && cell.getValue().compareTo(there) != 0) {
                out.add(new Difference(cell.getKey(), cell.getValue(), there));
            }
        }
        return out;
    }

    /** A cell two renditions read differently. */
    record Difference(String path, BigDecimal mine, BigDecimal other) {
    }

    /** -1 when {@code mine} was printed before {@code other}, 1 after, 0 when the dates do not tell. */
    static int printedOrder(Report mine, Report other) {
        LocalDate a = mine.publishedOn();
        LocalDate b = other.publishedOn();
        return a == null || b == null ? 0 : Integer.signum(a.compareTo(b));
    }

    /**
     * The rendition the cross-year rules compare with, among one report's stored documents: the one printed last
     * (a correction supersedes what it corrects), the newest stored when the dates do not tell.
     */
    static Optional<StoredReport> current(List<StoredReport> renditions) {
        return renditions.stream().min(Comparator.comparing((StoredReport s) -> s.report().publishedOn(),
                Comparator.nullsLast(Comparator.reverseOrder())));
    }

    /** "applications.total.total 本文档 5，文档 d2 为 6；…" */
    static String describe(List<Difference> differences, String otherDocument) {
        StringBuilder b = new StringBuilder();
        for (Difference d : differences) {
            if (!b.isEmpty()) {
                b.append("；");
            }
            b.append(d.path()).append(" 本文档 ").append(Cells.format(d.mine())).append("，文档 ").append(otherDocument)
                    .append(" 为 ").append(Cells.format(d.other()));
        }
        return b.toString();
    }

    static List<String> paths(List<Difference> differences, String otherDocument) {
        List<String> out = new ArrayList<>();
        differences.forEach(d -> out.add(d.path()));
        differences.forEach(d -> out.add(otherDocument + "#" + d.path()));
        return out;
    }

    private static boolean known(Report report) {
        return report.agency() != null && !report.agency().isBlank() && report.year() != null;
    }
}
