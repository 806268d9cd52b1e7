package io.gongkai.validate.service;

import io.gongkai.model.Region;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import io.gongkai.validate.repository.AgencyDirectoryRepository;
import io.gongkai.validate.repository.AgencyReportEntry;
import io.gongkai.rules.AgencyNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The reviewers' overview: agencies with their region, level, the years on file and their reports (each report with
 * its renditions, the one printed last current), and a region's governments with whether each has a report for a year.
 */
@ApplicationScoped
public class AgencyDirectory {

    /** One document of a report. */
    public record Rendition(String documentId, String publishedOn, boolean current) {
    }

    /** One report: its key, year and renditions. */
    public record ReportView(String reportKey, Integer year, List<Rendition> renditions) {
    }

    /** One agency: its latest name, key, region, level, years on file and reports. */
    public record AgencyView(String agency, String agencyKey, Region region, String administrativeLevel, List<Integer> years,
            List<ReportView> reports) {
    }

    /** A government in a region and its own reports for the year asked (a government's office reporting for it counts). */
    public record GovernmentView(String code, String name, String level, boolean hasReport, List<String> reportKeys) {
    }

    /** A region, its governments (its own and those directly under it) and which have a report for the year. */
    public record RegionView(Region region, String level, int year, List<GovernmentView> governments, String dataSet) {
    }

    private final AgencyDirectoryRepository repository;

    public AgencyDirectory(AgencyDirectoryRepository repository) {
        this.repository = repository;
    }

    /** Agencies within the region of that code (null: all), by region code then name. */
    public List<AgencyView> agencies(String regionCode) {
        Map<String, List<AgencyReportEntry>> byAgency = new LinkedHashMap<>();
        for (AgencyReportEntry e : repository.within(regionCode == null ? null : prefix(regionCode))) {
            if (e.agency() == null || e.agency().isBlank() || e.reportKey() == null) {
                continue;
            }
            String region = e.region() == null ? "" : e.region().code();
            byAgency.computeIfAbsent(region + "/" + e.agencyKey(), k -> new ArrayList<>()).add(e);
        }
        List<AgencyView> out = new ArrayList<>();
        byAgency.values().forEach(entries -> out.add(agency(entries)));
        out.sort(Comparator.comparing((AgencyView a) -> a.region() == null ? "~" : a.region().code()).thenComparing(AgencyView::agency));
        return out;
    }

    private static AgencyView agency(List<AgencyReportEntry> entries) {
        Map<String, List<AgencyReportEntry>> byReport = new LinkedHashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (AgencyReportEntry e : entries) {
            byReport.computeIfAbsent(e.reportKey(), k -> new ArrayList<>()).add(e);
            if (e.year() != null) {
                years.add(e.year());
            }
        }
        List<ReportView> reports = new ArrayList<>();
        byReport.forEach((key, docs) -> {
            // The current rendition is the one printed last (see Renditions.current); ISO dates sort as text.
            AgencyReportEntry current = docs.stream().max(Comparator.comparing(AgencyReportEntry::publishedOn,
                    Comparator.nullsFirst(Comparator.naturalOrder()))).orElseThrow();
            List<Rendition> renditions = docs.stream()
                    .map(d -> new Rendition(d.documentId(), d.publishedOn(), d == current)).toList();
            reports.add(new ReportView(key, docs.get(0).year(), renditions));
        });
        reports.sort(Comparator.comparing(ReportView::year, Comparator.nullsFirst(Comparator.naturalOrder())));
        AgencyReportEntry latest = entries.stream().max(Comparator.comparing(AgencyReportEntry::year,
                Comparator.nullsFirst(Comparator.naturalOrder()))).orElseThrow();
        return new AgencyView(latest.agency(), latest.agencyKey(), latest.region(), latest.administrativeLevel(),
                List.copyOf(years), reports);
    }

    /** The region of a division code and its governments for the year; empty for a code the data set does not have. */
    public Optional<RegionView> region(String code, int year) {
        Divisions divisions = Divisions.get();
        Division division = divisions.byCode(prefix(code));
        if (division == null) {
            return Optional.empty();
        }
        // A municipality's 市辖区 is only a grouping: the districts under it are the governments.
        List<Division> governments = divisions.governments(division);
        List<AgencyReportEntry> entries = repository.within(prefix(code));
        List<GovernmentView> views = new ArrayList<>();
        for (Division g : governments) {
            List<String> keys = entries.stream()
                    .filter(e -> e.year() != null && e.year() == year && e.region() != null && g.gbCode().equals(e.region().code())
                            && AgencyNames.isGovernment(e.agency()) && e.reportKey() != null)
                    .map(AgencyReportEntry::reportKey).distinct().toList();
            views.add(new GovernmentView(g.gbCode(), g.name(), g.level(), !keys.isEmpty(), keys));
        }
        return Optional.of(new RegionView(divisions.region(division), division.level(), year, views, divisions.version()));
    }

    /** 410700 → 4107, 410724106 stays: the data set's own code, without the zeros that pad it to six digits. */
    static String prefix(String code) {
        return Divisions.shortCode(code);
    }
}
