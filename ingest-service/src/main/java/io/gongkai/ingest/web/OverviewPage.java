package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.LevelYearCount;
import io.gongkai.ingest.repository.RegionCount;
import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The overview of one region (or the whole country): reports per administrative level and year, with how many have
 * errors or warnings, failed, were published late or have copied text; for one year the divisions just below the
 * region with the same counts (a drill-down from province to city to county to township); and the governments of
 * the region that have no report for that year, reckoned from the division list.
 *
 * @param region      the region, or null for the whole country
 * @param trail       the regions from the province down to it, for the breadcrumb
 * @param year        the year the drill-down and the governments are for, or null when the store has no year
 * @param regionYears the years with reports in the region, newest first
 * @param own         the reports placed in the region itself rather than below it (null when none)
 * @param governments the region's governments and whether each has a report (empty for the whole country)
 * @param dataSet     the division data set and its version
 */
public record OverviewPage(Division region, List<Division> trail, List<Integer> years, List<Row> rows, Integer year,
        List<Integer> regionYears, List<Below> below, RegionCount own, List<Government> governments, String dataSet) {

    /** One level's counts, one per year of {@link #years} (null where it has none). */
    public record Row(String level, String label, List<LevelYearCount> counts) {
    }

    /** A division below the region and its reports for the year (zeros when it has none). */
    public record Below(String code, String name, String level, RegionCount counts) {
    }

    /** A government the region owes a report from, and whether the store holds one for the year. */
    public record Government(String code, String name, String level, String under, boolean hasReport) {
    }

    static OverviewPage of(Division region, List<LevelYearCount> counts, Integer year, List<Integer> regionYears,
            Map<String, RegionCount> below, Set<String> withReport) {
        Divisions divisions = Divisions.get();
        List<Integer> years = counts.stream().map(LevelYearCount::year).distinct()
                .sorted(Comparator.nullsLast(Comparator.<Integer>reverseOrder())).toList();
        List<String> levels = new ArrayList<>(Words.LEVELS.keySet());
        levels.add(null);
        List<Row> rows = new ArrayList<>();
        for (String level : levels) {
            List<LevelYearCount> perYear = new ArrayList<>();
            boolean any = false;
            for (Integer y : years) {
                LevelYearCount found = counts.stream().filter(c -> Objects.equals(c.level(), level) && Objects.equals(c.year(), y))
                        .findFirst().orElse(null);
                any |= found != null;
                perYear.add(found);
            }
            if (any) {
                rows.add(new Row(level, level == null ? "未识别（含处理失败）" : Words.level(level), perYear));
            }
        }
        List<Below> belowRows = new ArrayList<>();
        for (Division d : divisions.directlyUnder(region)) {
            RegionCount c = below.get(d.gbCode());
            belowRows.add(new Below(d.gbCode(), d.name(), d.level(), c == null ? new RegionCount(d.gbCode(), 0, 0, 0, 0) : c));
        }
        List<Government> governments = new ArrayList<>();
        if (region != null && year != null) {
            for (Division g : governmentsOf(divisions, region)) {
                Division parent = divisions.parent(g);
                String under = parent == null || g.equals(region) ? "" : divisions.isPlaceholder(parent) ? nameOf(divisions, divisions.parent(parent)) : parent.name();
                governments.add(new Government(g.gbCode(), g.name(), g.level(), under, withReport.contains(g.gbCode())));
            }
            // those without a report first, each group in code order
            governments.sort(Comparator.comparing(Government::hasReport).thenComparing(Government::code));
        }
        return new OverviewPage(region, region == null ? List.of() : divisions.chain(region), years, rows, year, regionYears,
                belowRows, below.get("null"), governments, divisions.version());
    }

    /**
     * The governments a region owes reports from: its own and every one below it down to the counties; a county's
     * (or a township's) own and its townships', where the division list has them.
     */
    static List<Division> governmentsOf(Divisions divisions, Division region) {
        List<Division> out = new ArrayList<>();
        out.add(region);
        List<Division> next = divisions.directlyUnder(region);
        boolean townships = region.depth() >= 2;
        while (!next.isEmpty()) {
            List<Division> deeper = new ArrayList<>();
            for (Division d : next) {
                if (d.level().equals(AdministrativeLevel.TOWNSHIP) && !townships) {
                    continue;
                }
                out.add(d);
                deeper.addAll(divisions.directlyUnder(d));
            }
            next = deeper;
        }
        return out;
    }

    private static String nameOf(Divisions divisions, Division d) {
        return d == null ? "" : d.name();
    }

    public long total() {
        return rows.stream().flatMap(r -> r.counts().stream()).filter(Objects::nonNull).mapToLong(LevelYearCount::documents).sum();
    }

    public String regionCode() {
        return region == null ? null : region.gbCode();
    }

    public String regionName() {
        return region == null ? "全国" : region.name();
    }

    public long missing() {
        return governments.stream().filter(g -> !g.hasReport()).count();
    }

    /** The query string that keeps the region (for the links to the filtered lists), starting with '&' or empty. */
    public String regionParam() {
        return region == null ? "" : "&region=" + region.gbCode();
    }

    public String belowLabel() {
        if (region == null) {
            return "省级区划";
        }
        return switch (region.depth()) {
            case 0 -> "市级区划";
            case 1 -> "县级区划";
            default -> "乡镇、街道";
        };
    }
}
