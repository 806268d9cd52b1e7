package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.StoredReport;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One agency's years side by side: every cell of the three tables as a row, one column per year, each value marked
 * where it rose or fell from the year before and where a finding is about it; the six sections' text year against
 * year; and the findings of each year.
 */
public record AgencyPage(String agency, List<StoredReport> years, List<Row> rows) {

    /** @param change "up", "down" or null (same, or nothing to compare) */
    public record Value(String display, String change, String severity, String link) {
    }

    public record Row(CellLabels place, List<Value> values) {
    }

    static AgencyPage of(String agency, List<StoredReport> years) {
        Set<String> paths = new LinkedHashSet<>();
        for (StoredReport year : years.reversed()) {
            if (year.report() != null) {
                new ReportTables(year.report(), year.findings()).allCells().forEach(c -> paths.add(c.path()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String path : paths) {
            List<Value> values = new ArrayList<>();
            BigDecimal previous = null;
            boolean any = false;
            for (StoredReport year : years) {
                Report report = year.report();
                BigDecimal value = report != null && report.hasCell(path) ? report.value(path) : null;
                any |= value != null;
                String change = null;
                if (value != null && previous != null && value.compareTo(previous) != 0) {
                    change = value.compareTo(previous) > 0 ? "up" : "down";
                }
                values.add(new Value(value == null ? "" : value.stripTrailingZeros().toPlainString(), change,
                        severityAbout(year.findings(), path), "/reports/" + year.documentId() + "#cell-" + path));
                previous = value;
            }
            if (any) {
                rows.add(new Row(CellLabels.of(path), values));
            }
        }
        return new AgencyPage(agency, years, rows);
    }

    private static String severityAbout(List<Finding> findings, String path) {
        String gravest = null;
        for (Finding f : findings) {
            if (path.equals(ReportTables.firstCell(f)) && f.severity() != null) {
                String s = f.severity().name();
                if (gravest == null || List.of("error", "warning", "info").indexOf(s) < List.of("error", "warning", "info").indexOf(gravest)) {
                    gravest = s;
                }
            }
        }
        return gravest;
    }

    /** Each pair of neighbouring years' section texts: sentences dropped, added and kept. */
    public List<SectionComparison> textComparison() {
        return SectionComparison.of(years);
    }

    /** The key figures over the years, as a small chart. */
    public AgencyChart chart() {
        return AgencyChart.of(years);
    }

    public List<Year> yearFindings() {
        return years.stream().map(y -> new Year(y, y.findings().stream()
                .map(f -> new ReportTables.NumberedFinding(0, f, ReportTables.severityLabel(f.severity()), List.of())).toList()))
                .toList();
    }

    public record Year(StoredReport report, List<ReportTables.NumberedFinding> findings) {
    }
}
