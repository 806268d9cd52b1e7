package io.gongkai.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The list's answers over the slim rows come in MongoDB's order: a missing value below every other, ties by id. */
class ListingQueriesTest {

    private static ListingRow row(String id, String status, long received, String agency, Long errors, String... regions) {
        return new ListingRow(id, status, id + ".txt", received, agency, "FAILED".equals(status) ? null : 2023,
                "FAILED".equals(status) ? null : "county", "2021", errors, errors, null, List.of(regions), false, false, false,
                errors == null || errors == 0 ? List.of() : List.of("error:APPLICATIONS_TOTAL_ROW"), 1);
    }

    private static final List<ListingRow> ROWS = List.of(
            row("a", "VALIDATED", 1_000, "甲县财政局", 2L, "410000", "410700", "410724"),
            row("b", "VALIDATED", 3_000, "乙县人民政府", 0L, "410000"),
            row("c", "EXTRACTED", 2_000, "丙县教育局", null),
            row("d", "FAILED", 4_000, null, null));

    private static List<String> ids(List<ListingRow> rows) {
        return rows.stream().map(ListingRow::id).toList();
    }

    @Test
    void aCountNotYetStoredSortsBelowEveryCountAndPagesByKeysetAcrossIt() {
        ReportFilter all = ReportFilter.none();
        assertEquals(List.of("a", "b", "c"), ids(ListingQueries.page(ROWS, all, ReportSort.ERRORS, false, null, true, 0, 10)));
        assertEquals(List.of("c", "b", "a"), ids(ListingQueries.page(ROWS, all, ReportSort.ERRORS, true, null, true, 0, 10)));
        assertEquals(List.of("c"), ids(ListingQueries.page(ROWS, all, ReportSort.ERRORS, false, new ListCursor(0L, "b"), true, 0, 10)));
        assertEquals(List.of(), ids(ListingQueries.page(ROWS, all, ReportSort.ERRORS, false, new ListCursor(null, "c"), true, 0, 10)));
        // the page before c, in list order
        assertEquals(List.of("a", "b"), ids(ListingQueries.page(ROWS, all, ReportSort.ERRORS, false, new ListCursor(null, "c"), false, 0, 10)));
        // newest first, the second page of one row by number
        assertEquals(List.of("c"), ids(ListingQueries.page(ROWS, all, ReportSort.RECEIVED, false, null, true, 1, 1)));
        // a cursor value of another type than the column's (a crafted link) is ordered, not a failure
        assertEquals(3, ListingQueries.page(ROWS, all, ReportSort.AGENCY, true, new ListCursor(5L, "x"), true, 0, 10).size());
    }

    @Test
    void filtersAndCountsMatchTheStoredFields() {
        assertEquals(1, ListingQueries.count(ROWS, new ReportFilter(null, null, null, null, true, false, null, false, null, false, false)));
        assertEquals(1, ListingQueries.count(ROWS, new ReportFilter(null, null, null, null, false, false, null, true, null, false, false)));
        assertEquals(2, ListingQueries.count(ROWS, ReportFilter.none().inRegion("410000")));
        assertEquals(1, ListingQueries.count(ROWS, new ReportFilter("县财政", null, null, null, false, false, null, false, null, false, false)));
        // literal, ignoring case where letters have one
        assertEquals(true, ListingQueries.nameContains("ab").test("某XAB局"));
        assertEquals(false, ListingQueries.nameContains("a.c").test("abc"));
        assertEquals(true, ListingQueries.nameContains("县(1)").test("某县(1)局"));
        var byLevel = ListingQueries.byLevelAndYear(ROWS, null);
        assertEquals(4, byLevel.stream().mapToLong(LevelYearCount::documents).sum());
        assertEquals(1, byLevel.stream().mapToLong(LevelYearCount::failed).sum());
        var below = ListingQueries.below(ROWS, "410000", 1, 2023);
        assertEquals(1, below.get("410700").documents());
        assertEquals(1, below.get("null").documents(), "b is placed in the province itself");
        assertEquals(List.of(2023), ListingQueries.years(ROWS, null));
    }

    @Test
    void theWalkInOrderOfReceiptGivesThePagesOfTheFullPass() {
        java.util.Random random = new java.util.Random(5);
        List<ListingRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // repeated receipt times (ties by id), a time not stored (0), failed rows the default list leaves out
            rows.add(row(String.format("%032x", random.nextInt(1_000_000)), i % 17 == 0 ? "FAILED" : "VALIDATED",
                    i % 23 == 0 ? 0 : random.nextInt(40) * 1_000L, "县" + i, (long) random.nextInt(3)));
        }
        List<ListingRow> newestFirst = new java.util.ArrayList<>(rows);
        newestFirst.sort(ListingQueries.NEWEST_FIRST);
        ReportFilter all = ReportFilter.none();
        ReportFilter errors = new ReportFilter(null, null, null, null, true, false, null, false, null, false, false);
        for (ReportFilter f : List.of(all, errors)) {
            for (boolean ascending : List.of(true, false)) {
                for (boolean forward : List.of(true, false)) {
                    for (ListCursor after : java.util.Arrays.asList(null, new ListCursor(new java.util.Date(20_000), rows.get(7).id()),
                            new ListCursor(null, rows.get(3).id()), new ListCursor(new java.util.Date(rows.get(9).received()), rows.get(9).id()))) {
                        for (int skip : List.of(0, 13)) {
                            assertEquals(ids(ListingQueries.page(rows, f, ReportSort.RECEIVED, ascending, after, forward, skip, 20)),
                                    ids(ListingQueries.pageByReceipt(newestFirst, f, ascending, after, forward, skip, 20)),
                                    "ascending " + ascending + " forward " + forward + " after " + after + " skip " + skip);
                        }
                    }
                }
            }
        }
    }
}
