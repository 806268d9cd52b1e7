package io.gongkai.ingest.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Counts and indexes over the slim listing's rows in memory, kept up to date row by row: a bucket that changed takes
 * its old rows out and puts its new ones in (at most {@value ListingRepository#MAX_ROWS} each), so that no page
 * passes over every row. What it holds:
 * <ul>
 * <li>counts per <em>facet</em> — status, year, level, template, with errors, with warnings, late, copied — for the
 * whole store and for each region code a row's chain names (its findings per {@code severity:code} beside): counts,
 * the overview's levels × years and its years add up these cells (a few hundred), not the rows;</li>
 * <li>per region and year, the reports counted by the division just below it (or placed in it);</li>
 * <li>per year, the divisions whose own government has a report;</li>
 * <li>the rows per region code, per agency name and per finding ({@code severity:code}), for the filtered lists.</li>
 * </ul>
 * Its answers are those of {@link ListingQueries}' pass over the rows (ListingIndexTest compares them).
 * Thread-safe: every method is synchronized and fast; row sets are handed out as copies.
 */
final class ListingIndex {

    /** The scope of the whole store in the per-region maps (no region code is empty). */
    private static final String ALL = "";
    /** The key for reports placed in the region itself, not below it ({@link ListingQueries#below}'s too). */
    private static final String ITSELF = "null";

    /** What the list's filters test besides agency and region. */
    record Facet(String status, Integer year, String level, String template, boolean errors, boolean warnings, boolean late,
            boolean copied) {

        static Facet of(ListingRow r) {
            return new Facet(r.status(), r.year(), r.level(), r.template(), r.errors() != null && r.errors() > 0,
                    r.warnings() != null && r.warnings() > 0, r.late(), r.copied());
        }

        boolean failed() {
            return "FAILED".equals(status);
        }

        /** The filter's terms on these fields (agency and region are tested by the caller). */
        boolean matches(ReportFilter f) {
            if (f.failed() ? !failed() : f.status() != null ? !f.status().equals(status) : failed()) {
                return false;
            }
            return (f.year() == null || f.year().equals(year)) && (f.level() == null || f.level().equals(level))
                    && (f.template() == null || f.template().equals(template)) && (!f.hasErrors() || errors)
                    && (!f.hasWarnings() || warnings) && (!f.late() || late) && (!f.copied() || copied);
        }
    }

    /** Rows of one facet, and their findings by {@code severity:code}. */
    private static final class Cell {
        long rows;
        final Map<String, Long> problems = new HashMap<>();

        boolean empty() {
            return rows == 0;
        }
    }

    private final Map<String, Map<Facet, Cell>> cube = new HashMap<>();
    /** The same counts per agency name, for a count with an agency term: a pass over the names, not the rows. */
    private final Map<String, Map<Facet, Cell>> byAgencyCells = new HashMap<>();
    /** scope → year (null allowed) → division just below (or {@value #ITSELF}) → documents, with errors, late, copied */
    private final Map<String, Map<Integer, Map<String, long[]>>> below = new HashMap<>();
    /** year → the last code of a government's chain → its reports */
    private final Map<Integer, Map<String, Long>> governments = new HashMap<>();
    private final Map<String, List<String>> chains = new HashMap<>();
    private final Map<String, Set<ListingRow>> byRegion = new HashMap<>();
    private final Map<String, Set<ListingRow>> byAgency = new HashMap<>();
    private final Map<String, Set<ListingRow>> byProblem = new HashMap<>();
    private long size;

    /** Takes rows out and puts rows in (the same instances that were put in, for the row sets). */
    synchronized void update(Collection<ListingRow> out, Collection<ListingRow> in) {
        out.forEach(r -> apply(r, -1));
        in.forEach(r -> apply(r, 1));
    }

    synchronized long size() {
        return size;
    }

    private void apply(ListingRow r, int sign) {
        size += sign;
        Facet facet = Facet.of(r);
        List<String> chain = r.regions();
        cell(cube, ALL, facet, r, sign);
        if (r.agency() != null) {
            cell(byAgencyCells, r.agency(), facet, r, sign);
        }
        for (String code : chain) {
            cell(cube, code, facet, r, sign);
            rows(byRegion, code, r, sign);
        }
        if (r.agency() != null) {
            rows(byAgency, r.agency(), r, sign);
        }
        for (String key : new HashSet<>(r.problems())) {
            rows(byProblem, key, r, sign);
        }
        if (facet.failed()) {
            return;
        }
        long[] delta = {sign, facet.errors() ? sign : 0, r.late() ? sign : 0, r.copied() ? sign : 0};
        for (int p = -1; p < chain.size(); p++) {
            String scope = p < 0 ? ALL : chain.get(p);
            String child = p + 1 < chain.size() ? chain.get(p + 1) : ITSELF;
            Map<String, long[]> counts = below.computeIfAbsent(scope, k -> new HashMap<>()).computeIfAbsent(r.year(), k -> new HashMap<>());
            long[] c = counts.computeIfAbsent(child, k -> new long[4]);
            for (int i = 0; i < 4; i++) {
                c[i] += delta[i];
            }
            if (c[0] == 0) {
                counts.remove(child);
            }
        }
        if (r.government() && r.year() != null && !chain.isEmpty()) {
            String place = chain.get(chain.size() - 1);
            chains.putIfAbsent(place, chain);
            Map<String, Long> inYear = governments.computeIfAbsent(r.year(), k -> new HashMap<>());
            if (inYear.merge(place, (long) sign, Long::sum) == 0) {
                inYear.remove(place);
            }
        }
    }

    private static void cell(Map<String, Map<Facet, Cell>> counts, String scope, Facet facet, ListingRow r, int sign) {
        Map<Facet, Cell> cells = counts.computeIfAbsent(scope, k -> new HashMap<>());
        Cell cell = cells.computeIfAbsent(facet, k -> new Cell());
        cell.rows += sign;
        for (String key : r.problems()) {
            if (cell.problems.merge(key, (long) sign, Long::sum) == 0) {
                cell.problems.remove(key);
            }
        }
        if (cell.empty()) {
            cells.remove(facet);
            if (cells.isEmpty()) {
                counts.remove(scope);
            }
        }
    }

    private static void rows(Map<String, Set<ListingRow>> index, String key, ListingRow r, int sign) {
        if (sign > 0) {
            index.computeIfAbsent(key, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(r);
        } else {
            Set<ListingRow> set = index.get(key);
            if (set != null && set.remove(r) && set.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /**
     * The cells that match a filter: of the region (or the store), or with an agency term of the names that contain
     * it; null for both a region and an agency term (the caller counts the region's rows).
     */
    private Collection<Cell> cells(ReportFilter filter) {
        List<Cell> out = new ArrayList<>();
        if (filter.agency() == null) {
            cube.getOrDefault(filter.region() == null ? ALL : filter.region(), Map.of()).forEach((facet, cell) -> {
                if (facet.matches(filter)) {
                    out.add(cell);
                }
            });
            return out;
        }
        if (filter.region() != null) {
            return null;
        }
        Predicate<String> term = ListingQueries.nameContains(filter.agency());
        byAgencyCells.forEach((name, cells) -> {
            if (term.test(name)) {
                cells.forEach((facet, cell) -> {
                    if (facet.matches(filter)) {
                        out.add(cell);
                    }
                });
            }
        });
        return out;
    }

    /** How many rows match a filter: added up from cells (for a region and an agency term both, the region's rows tested). */
    synchronized long count(ReportFilter filter) {
        Collection<Cell> cells = cells(filter);
        if (cells == null) {
            return ListingQueries.count(new ArrayList<>(byRegion.getOrDefault(filter.region(), Set.of())), filter);
        }
        return cells.stream().mapToLong(c -> c.rows).sum();
    }

    /** How many findings of the rows matching a filter match severity and code (null: any). */
    synchronized long countProblems(ReportFilter filter, String severity, String code) {
        Collection<Cell> cells = cells(filter);
        long n = 0;
        if (cells == null) {
            var wanted = ListingQueries.matching(filter);
            for (ListingRow r : byRegion.getOrDefault(filter.region(), Set.of())) {
                if (wanted.test(r)) {
                    for (String k : r.problems()) {
                        n += WorkbenchRepository.problemMatches(k, severity, code) ? 1 : 0;
                    }
                }
            }
            return n;
        }
        for (Cell cell : cells) {
            for (var e : cell.problems.entrySet()) {
                if (WorkbenchRepository.problemMatches(e.getKey(), severity, code)) {
                    n += e.getValue();
                }
            }
        }
        return n;
    }

    synchronized List<LevelYearCount> byLevelAndYear(String region) {
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        cube.getOrDefault(region == null ? ALL : region, Map.of()).forEach((f, cell) -> {
            long[] c = counts.computeIfAbsent(java.util.Arrays.asList(f.level(), f.year()), k -> new long[6]);
            c[0] += cell.rows;
            c[1] += f.errors() ? cell.rows : 0;
            c[2] += f.warnings() ? cell.rows : 0;
            c[3] += f.failed() ? cell.rows : 0;
            c[4] += f.late() ? cell.rows : 0;
            c[5] += f.copied() ? cell.rows : 0;
        });
        List<LevelYearCount> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new LevelYearCount((String) k.get(0), (Integer) k.get(1), c[0], c[1], c[2], c[3], c[4], c[5])));
        return out;
    }

    /** The reports of a region (null: all) and year (null: every year) by the division just below it. */
    synchronized Map<String, RegionCount> below(String region, Integer year) {
        Map<String, RegionCount> out = new LinkedHashMap<>();
        below.getOrDefault(region == null ? ALL : region, Map.of()).forEach((y, counts) -> {
            if (year == null || year.equals(y)) {
                counts.forEach((child, c) -> out.merge(child, new RegionCount(ITSELF.equals(child) ? null : child, c[0], c[1], c[2], c[3]),
                        RegionCount::plus));
            }
        });
        return out;
    }

    synchronized Set<String> governmentsWithReport(String region, int year) {
        Set<String> out = new HashSet<>();
        governments.getOrDefault(year, Map.of()).keySet().forEach(place -> {
            if (region == null || chains.get(place).contains(region)) {
                out.add(place);
            }
        });
        return out;
    }

    synchronized List<Integer> years(String region) {
        Set<Integer> years = new TreeSet<>(Collections.reverseOrder());
        cube.getOrDefault(region == null ? ALL : region, Map.of()).keySet().forEach(f -> {
            if (!f.failed() && f.year() != null) {
                years.add(f.year());
            }
        });
        return new ArrayList<>(years);
    }

    /** One agency's rows (exactly that name). */
    synchronized List<ListingRow> agency(String name) {
        return new ArrayList<>(byAgency.getOrDefault(name, Set.of()));
    }

    /** The rows whose agency's name contains the term: a pass over the distinct names, not the rows. */
    synchronized List<ListingRow> named(String agencyTerm) {
        Predicate<String> term = ListingQueries.nameContains(agencyTerm);
        List<ListingRow> named = new ArrayList<>();
        byAgency.forEach((name, rows) -> {
            if (term.test(name)) {
                named.addAll(rows);
            }
        });
        return named;
    }

    /**
     * The rows that can match a filter and finding terms, from the narrowest of the indexes that apply (region,
     * agency term — a pass over the distinct names —, finding), or null when none does or the narrowest holds more
     * than an eighth of the rows (then a walk of the sorted rows finds a page sooner).
     */
    synchronized List<ListingRow> candidates(ReportFilter filter, String severity, String code) {
        List<Collection<ListingRow>> options = new ArrayList<>();
        if (filter.region() != null) {
            options.add(byRegion.getOrDefault(filter.region(), Set.of()));
        }
        if (filter.agency() != null) {
            // sized first: the rows of a term most names contain are not gathered only to be passed over
            Predicate<String> term = ListingQueries.nameContains(filter.agency());
            long named = 0;
            for (var e : byAgency.entrySet()) {
                named += term.test(e.getKey()) ? e.getValue().size() : 0;
            }
            if (named * 8L <= size) {
                options.add(named(filter.agency()));
            }
        }
        if (severity != null || code != null) {
            Set<ListingRow> found = Collections.newSetFromMap(new IdentityHashMap<>());
            byProblem.forEach((key, rows) -> {
                if (WorkbenchRepository.problemMatches(key, severity, code)) {
                    found.addAll(rows);
                }
            });
            options.add(found);
        }
        Collection<ListingRow> narrowest = null;
        for (Collection<ListingRow> option : options) {
            if (narrowest == null || option.size() < narrowest.size()) {
                narrowest = option;
            }
        }
        return narrowest == null || narrowest.size() * 8L > size ? null : new ArrayList<>(narrowest);
    }

}
