package io.gongkai.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The index's counts and row sets, kept row by row as buckets change, give the answers of a pass over every row
 * ({@link ListingQueries}): on random rows over several regions, years, levels, statuses and findings, after rows were
 * replaced (a report validated again) and removed.
 */
class ListingIndexTest {

    private static final List<List<String>> CHAINS = List.of(List.of(), List.of("410000"), List.of("410000", "410700"),
            List.of("410000", "410700", "410724"), List.of("410000", "410700", "410781"), List.of("640000", "640100", "640104"),
            List.of("640000", "640100", "640104", "640104001"));
    private static final List<String> AGENCIES = List.of("获嘉县人民政府", "获嘉县财政局", "银川市兴庆区人民政府", "Acme 局", "新乡市教育局");
    private static final List<String> PROBLEMS = List.of("error:APPLICATIONS_TOTAL_ROW", "warning:LATE_PUBLICATION",
            "warning:COPIED_TEXT", "info:FEE_NOT_REPORTED");

    private static ListingRow random(Random random, String id, long rev) {
        boolean failed = random.nextInt(9) == 0;
        boolean extracted = !failed && random.nextInt(7) == 0;
        List<String> problems = new ArrayList<>();
        if (!failed && !extracted) {
            for (int i = random.nextInt(4); i > 0; i--) {
                problems.add(PROBLEMS.get(random.nextInt(PROBLEMS.size())));
            }
        }
        long errors = problems.stream().filter(p -> p.startsWith("error:")).count();
        long warnings = problems.stream().filter(p -> p.startsWith("warning:")).count();
        return new ListingRow(id, failed ? "FAILED" : extracted ? "EXTRACTED" : "VALIDATED", id + ".pdf", random.nextInt(50) * 1_000L,
                failed ? null : AGENCIES.get(random.nextInt(AGENCIES.size())), failed ? null : 2019 + random.nextInt(4),
                failed ? null : List.of("county", "city", "township").get(random.nextInt(3)), failed ? null : "2021",
                failed || extracted ? null : errors, failed || extracted ? null : warnings, failed ? "unreadable" : null,
                failed ? List.of() : CHAINS.get(random.nextInt(CHAINS.size())), !failed && random.nextInt(5) == 0,
                !failed && random.nextInt(6) == 0, !failed && random.nextBoolean(), problems, rev);
    }

    private static List<ReportFilter> filters() {
        List<ReportFilter> out = new ArrayList<>();
        for (String region : Arrays.asList(null, "410000", "410700", "410724", "640104", "110000")) {
            out.add(ReportFilter.none().inRegion(region));
            out.add(new ReportFilter(null, 2021, null, null, true, false, null, false, region, false, false));
            out.add(new ReportFilter(null, null, "EXTRACTED", "county", false, false, null, false, region, false, false));
            out.add(new ReportFilter(null, null, null, null, false, true, "2021", false, region, true, false));
            out.add(new ReportFilter(null, 2020, null, "city", false, false, null, false, region, false, true));
            out.add(new ReportFilter(null, null, null, null, false, false, null, true, region, false, false));
            out.add(new ReportFilter("人民政府", null, null, null, false, false, null, false, region, false, false));
            out.add(new ReportFilter("acme", null, null, null, true, false, null, false, region, false, false));
        }
        return out;
    }

    private static List<String> ids(List<ListingRow> rows) {
        return rows.stream().map(ListingRow::id).toList();
    }

    @Test
    void countsOverviewAndRowSetsAreThoseOfAPassOverTheRows() {
        Random random = new Random(3);
        Map<String, ListingRow> rows = new TreeMap<>();
        ListingIndex index = new ListingIndex();
        for (int i = 0; i < 600; i++) {
            ListingRow r = random(random, String.format("%032x", i), 1);
            rows.put(r.id(), r);
        }
        index.update(List.of(), rows.values());
        // a bucket rewritten: some rows replaced by later revisions, some gone (moved to another bucket by a split)
        List<ListingRow> out = new ArrayList<>();
        List<ListingRow> in = new ArrayList<>();
        for (int i = 0; i < 600; i += 3) {
            ListingRow old = rows.get(String.format("%032x", i));
            out.add(old);
            if (i % 2 == 0) {
                ListingRow next = random(random, old.id(), 2);
                in.add(next);
                rows.put(old.id(), next);
            } else {
                rows.remove(old.id());
            }
        }
        index.update(out, in);
        List<ListingRow> all = List.copyOf(rows.values());
        assertEquals(all.size(), index.size());

        for (ReportFilter f : filters()) {
            String where = f.toString();
            long expected = ListingQueries.count(all, f);
            assertEquals(expected, index.count(f), where);
            if (f.agency() != null) {
                assertEquals(expected, ListingQueries.count(index.named(f.agency()), f), where);
            }
            for (String severity : Arrays.asList(null, "warning")) {
                for (String code : Arrays.asList(null, "LATE_PUBLICATION")) {
                    long findings = all.stream().filter(ListingQueries.matching(f))
                            .flatMap(r -> r.problems().stream()).filter(k -> WorkbenchRepository.problemMatches(k, severity, code)).count();
                    assertEquals(findings, index.countProblems(f, severity, code), where + " " + severity + " " + code);
                    List<ListingRow> candidates = index.candidates(f, severity, code);
                    if (candidates != null) {
                        // every row that matches is among the candidates
                        var matching = new HashSet<>(ids(all.stream().filter(ListingQueries.matching(f))
                                .filter(r -> r.problems().stream().anyMatch(k -> WorkbenchRepository.problemMatches(k, severity, code)))
                                .toList()));
                        assertEquals(true, new HashSet<>(ids(candidates)).containsAll(matching), where);
                        // and the page from them is the page of the pass
                        for (ReportSort sort : ReportSort.values()) {
                            assertEquals(ids(ListingQueries.page(all, f, sort, false, null, true, 0, 20)),
                                    ids(ListingQueries.page(candidates, f, sort, false, null, true, 0, 20)), where + " " + sort);
                        }
                    }
                }
            }
        }
        for (String region : Arrays.asList(null, "410000", "410700", "640104", "640104001", "110000")) {
            assertEquals(sorted(ListingQueries.byLevelAndYear(all, region)), sorted(index.byLevelAndYear(region)), "levels × years " + region);
            assertEquals(ListingQueries.years(all, region), index.years(region), "years " + region);
            int depth = region == null ? 0 : CHAINS.stream().filter(c -> c.contains(region)).findFirst().orElse(List.of(region)).indexOf(region) + 1;
            for (Integer year : Arrays.asList(null, 2020, 2021)) {
                assertEquals(new TreeMap<>(ListingQueries.below(all, region, depth, year)), new TreeMap<>(index.below(region, year)),
                        "below " + region + " " + year);
                if (year != null) {
                    assertEquals(ListingQueries.governmentsWithReport(all, region, year), index.governmentsWithReport(region, year),
                            "governments " + region + " " + year);
                }
            }
        }
        for (String agency : AGENCIES) {
            assertEquals(new HashSet<>(ids(ListingQueries.agency(all, agency))),
                    new HashSet<>(ids(index.agency(agency).stream().filter(r -> !r.failed()).toList())), agency);
        }
        // everything out: nothing left counted
        index.update(all, List.of());
        assertEquals(0, index.count(ReportFilter.none()));
        assertEquals(List.of(), index.byLevelAndYear(null));
        assertEquals(Map.of(), index.below(null, null));
        assertNull(index.candidates(ReportFilter.none(), null, null));
    }

    private static List<LevelYearCount> sorted(List<LevelYearCount> counts) {
        return counts.stream().sorted(Comparator.comparing((LevelYearCount c) -> String.valueOf(c.level()))
                .thenComparing(c -> String.valueOf(c.year()))).toList();
    }

    @Test
    void theWalkOfARowsSortedOrderGivesThePagesOfTheFullPassForEverySort() {
        Random random = new Random(8);
        List<ListingRow> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(random(random, String.format("%032x", random.nextInt(1_000_000)), 1));
        }
        ReportFilter errors = new ReportFilter(null, null, null, null, true, false, null, false, null, false, false);
        for (ReportSort sort : ReportSort.values()) {
            List<ListingRow> sorted = new ArrayList<>(rows);
            sorted.sort(ListingQueries.descending(sort));
            List<ListCursor> cursors = new ArrayList<>();
            cursors.add(null);
            for (int i : List.of(3, 50, 120)) {
                ListingRow r = rows.get(i);
                Object key = ListingQueries.key(r, sort);
                cursors.add(new ListCursor(sort == ReportSort.RECEIVED && key != null ? new java.util.Date((Long) key) : key, r.id()));
            }
            for (ReportFilter f : List.of(ReportFilter.none(), errors)) {
                for (boolean ascending : List.of(true, false)) {
                    for (boolean forward : List.of(true, false)) {
                        for (ListCursor after : cursors) {
                            for (int skip : List.of(0, 13)) {
                                assertEquals(ids(ListingQueries.page(rows, f, sort, ascending, after, forward, skip, 20)),
                                        ids(ListingQueries.pageSorted(sorted, f, sort, ascending, after, forward, skip, 20)),
                                        sort + " ascending " + ascending + " forward " + forward + " after " + after + " skip " + skip);
                            }
                        }
                    }
                }
            }
        }
    }
}
