package io.gongkai.rules;

import io.gongkai.model.Report;
import java.util.List;
import java.util.Optional;

/** The same agency's report for another year, as the cross-year rules need it. */
final class Neighbours {

    private Neighbours() {
    }

    /**
     * The stored report of the same agency for {@code year}: among several renditions the one printed last (a
     * correction supersedes what it corrects), else the newest stored; none when the name matches more than one body
     * (鼓楼区人民政府 against 南京市… and 福州市…) and the regions resolved do not tell them apart.
     */
    static Optional<StoredReport> ofYear(Report report, int year, ReportHistory history, AgencyNames names) {
        if (report.agency() == null || report.agency().isBlank()) {
            return Optional.empty();
        }
        AgencyKey key = names.key(report.agency());
        List<StoredReport> same = history.reportsOf(key, year).stream()
                .filter(s -> key.sameAgency(s.agency()) && s.report().year() != null && s.report().year() == year)
                .filter(s -> Renditions.sameRegion(report.region(), s.report().region()))
                .toList();
        if (same.isEmpty() || (same.stream().map(s -> s.agency().full()).distinct().count() != 1 && !oneRegion(same))) {
            return Optional.empty();
        }
        return Renditions.current(same);
    }

    /** Every report's region resolved, and all of them one place (the names differ only in how much place they write). */
    private static boolean oneRegion(List<StoredReport> reports) {
        for (StoredReport s : reports) {
            if (s.report().region() == null || !Renditions.sameRegion(reports.get(0).report().region(), s.report().region())) {
                return false;
            }
        }
        return true;
    }

    /** How a value of another document is named among a finding's paths: {@code documentId#path}. */
    static String elsewhere(StoredReport other, String path) {
        return other.documentId() + "#" + path;
    }

    static String describe(StoredReport other) {
        return other.report().agency() + " " + other.report().year() + " 年度报告（文档 " + other.documentId() + "）";
    }
}
