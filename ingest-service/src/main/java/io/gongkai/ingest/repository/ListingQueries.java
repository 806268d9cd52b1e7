package io.gongkai.ingest.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The workbench's list and overview questions answered over the slim listing's rows in memory (plain Java): the
 * same answers the read model's MongoDB queries gave, in MongoDB's order (a missing value below every other; ties
 * by id in the same direction). Pages use its filters, orders and walks; the counts and the overview are answered by
 * {@link ListingIndex}, and the passes over every row here ({@link #count}, {@link #byLevelAndYear}, {@link #below},
 * {@link #governmentsWithReport}, {@link #years}, {@link #agency}) are the reference ListingIndexTest holds it to.
 */
final class ListingQueries {

    private ListingQueries() {
    }

    static Predicate<ListingRow> matching(ReportFilter f) {
        Predicate<String> agency = f.agency() == null ? null : nameContains(f.agency());
        return r -> {
            if (f.failed() ? !r.failed() : f.status() != null ? !f.status().equals(r.status()) : r.failed()) {
                return false;
            }
            return (agency == null || r.agency() != null && agency.test(r.agency()))
                    && (f.year() == null || f.year().equals(r.year()))
                    && (f.level() == null || f.level().equals(r.level()))
                    && (f.template() == null || f.template().equals(r.template()))
                    && (!f.hasErrors() || r.errors() != null && r.errors() > 0)
                    && (!f.hasWarnings() || r.warnings() != null && r.warnings() > 0)
                    && (f.region() == null || r.regions().contains(f.region()))
                    && (!f.late() || r.late())
                    && (!f.copied() || r.copied());
        };
    }

    /**
     * Whether a name contains the term, literally and ignoring case. A term without letters that have a case (Chinese,
     * digits) is found by a plain search, several times faster over 100,000 names than the case-insensitive pattern.
     */
    static Predicate<String> nameContains(String term) {
        boolean caseless = term.codePoints().allMatch(c -> Character.toLowerCase(c) == c && Character.toUpperCase(c) == c
                && Character.toTitleCase(c) == c);
        if (caseless) {
            return name -> name.contains(term);
        }
        Pattern pattern = Pattern.compile(Pattern.quote(term), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return name -> pattern.matcher(name).find();
    }

    /** The row's value for a sort: Long, String or null (missing). */
    static Object key(ListingRow r, ReportSort sort) {
        return switch (sort) {
            case RECEIVED -> r.received() == 0 ? null : (Object) r.received();
            case AGENCY -> r.agency();
            case YEAR -> r.year() == null ? null : (Object) r.year().longValue();
            case ERRORS -> r.errors();
            case WARNINGS -> r.warnings();
        };
    }

    /** A cursor's value in the terms of {@link #key}. */
    static Object key(ListCursor cursor) {
        return cursor.value() instanceof Date d ? (Object) d.getTime() : cursor.value();
    }

    /** MongoDB's order of the values that occur here: null, then numbers, then strings. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb || a == null) {
            return Integer.compare(ra, rb);
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int rank(Object v) {
        return v == null ? 0 : v instanceof Number ? 1 : 2;
    }

    static Comparator<ListingRow> ascending(ReportSort sort) {
        return (a, b) -> {
            int c = compareValues(key(a, sort), key(b, sort));
            return c != 0 ? c : a.id().compareTo(b.id());
        };
    }

    /**
     * The rows of one page: those after {@code after} in the order (all when null), {@code skip} of them passed over,
     * the next {@code size}; with {@code forward} false the rows before {@code after}, returned in list order.
     */
    static List<ListingRow> page(List<ListingRow> rows, ReportFilter filter, ReportSort sort, boolean ascending, ListCursor after,
            boolean forward, int skip, int size) {
        boolean up = ascending == forward;
        Comparator<ListingRow> order = up ? ascending(sort) : ascending(sort).reversed();
        Predicate<ListingRow> wanted = matching(filter);
        Object afterKey = after == null ? null : key(after);
        int keep = skip + size;
        // the `keep` first rows in the order, in a heap whose head is the last of them
        PriorityQueue<ListingRow> first = new PriorityQueue<>(Math.max(1, Math.min(keep, 1024)), order.reversed());
        for (ListingRow r : rows) {
            if (!wanted.test(r)) {
                continue;
            }
            if (after != null) {
                int c = compareValues(key(r, sort), afterKey);
                if (c == 0) {
                    c = r.id().compareTo(after.documentId());
                }
                if (up ? c <= 0 : c >= 0) {
                    continue;
                }
            }
            if (first.size() < keep) {
                first.add(r);
            } else if (keep > 0 && order.compare(r, first.peek()) < 0) {
                first.poll();
                first.add(r);
            }
        }
        List<ListingRow> out = new ArrayList<>(first);
        out.sort(order);
        out = new ArrayList<>(out.subList(Math.min(skip, out.size()), out.size()));
        if (!forward) {
            Collections.reverse(out);
        }
        return out;
    }

    /** The order of a sort, descending (newest first, most errors first, agency names from the end). */
    static Comparator<ListingRow> descending(ReportSort sort) {
        return ascending(sort).reversed();
    }

    /** {@link #pageSorted} in the order of receipt. */
    static List<ListingRow> pageByReceipt(List<ListingRow> newestFirst, ReportFilter filter, boolean ascending, ListCursor after,
            boolean forward, int skip, int size) {
        return pageSorted(newestFirst, filter, ReportSort.RECEIVED, ascending, after, forward, skip, size);
    }

    /**
     * {@link #page} over the rows already sorted in the sort's descending order ({@link #descending}): a walk from the
     * cursor (found by binary search) that stops once the page is full, instead of a pass over every row.
     */
    static List<ListingRow> pageSorted(List<ListingRow> newestFirst, ReportFilter filter, ReportSort sort, boolean ascending,
            ListCursor after, boolean forward, int skip, int size) {
        boolean up = ascending == forward;
        Predicate<ListingRow> wanted = matching(filter);
        int n = newestFirst.size();
        // the rows strictly beyond the cursor in the walk's direction: [from, n) walking down, [0, from) walking up
        int from;
        if (after == null) {
            from = up ? n : 0;
        } else {
            Object afterKey = key(after);
            int lo = 0;
            int hi = n;
            // first index whose row is below the cursor (the list is descending)
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compareToCursor(newestFirst.get(mid), sort, afterKey, after.documentId()) < 0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            from = lo;
            if (up) {
                // rows equal to the cursor sit just before `lo`; above it means strictly greater
                while (from > 0 && compareToCursor(newestFirst.get(from - 1), sort, afterKey, after.documentId()) <= 0) {
                    from--;
                }
            }
        }
        List<ListingRow> out = new ArrayList<>(size);
        int passed = 0;
        for (int i = up ? from - 1 : from; up ? i >= 0 : i < n; i += up ? -1 : 1) {
            ListingRow r = newestFirst.get(i);
            if (!wanted.test(r)) {
                continue;
            }
            if (passed < skip) {
                passed++;
                continue;
            }
            out.add(r);
            if (out.size() == size) {
                break;
            }
        }
        if (!forward) {
            Collections.reverse(out);
        }
        return out;
    }

    private static int compareToCursor(ListingRow r, ReportSort sort, Object afterKey, String afterId) {
        int c = compareValues(key(r, sort), afterKey);
        return c != 0 ? c : r.id().compareTo(afterId);
    }

    static long count(List<ListingRow> rows, ReportFilter filter) {
        return rows.stream().filter(matching(filter)).count();
    }

    /** Documents by level and year, all documents or one region's (failed ones have no region). */
    static List<LevelYearCount> byLevelAndYear(List<ListingRow> rows, String region) {
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        for (ListingRow r : rows) {
            if (region != null && !r.regions().contains(region)) {
                continue;
            }
            long[] c = counts.computeIfAbsent(java.util.Arrays.asList(r.level(), r.year()), k -> new long[6]);
            c[0]++;
            c[1] += r.errors() != null && r.errors() > 0 ? 1 : 0;
            c[2] += r.warnings() != null && r.warnings() > 0 ? 1 : 0;
            c[3] += r.failed() ? 1 : 0;
            c[4] += r.late() ? 1 : 0;
            c[5] += r.copied() ? 1 : 0;
        }
        List<LevelYearCount> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new LevelYearCount((String) k.get(0), (Integer) k.get(1), c[0], c[1], c[2], c[3], c[4], c[5])));
        return out;
    }

    /** A region's reports counted by the division {@code depth} codes down its chain (null key: placed in it). */
    static Map<String, RegionCount> below(List<ListingRow> rows, String region, int depth, Integer year) {
        Map<String, RegionCount> out = new LinkedHashMap<>();
        for (ListingRow r : rows) {
            if (r.failed() || region != null && !r.regions().contains(region) || year != null && !year.equals(r.year())) {
                continue;
            }
            String code = r.regions().size() > depth ? r.regions().get(depth) : null;
            out.merge(String.valueOf(code), new RegionCount(code, 1, r.errors() != null && r.errors() > 0 ? 1 : 0, r.late() ? 1 : 0,
                    r.copied() ? 1 : 0), RegionCount::plus);
        }
        return out;
    }

    static Set<String> governmentsWithReport(List<ListingRow> rows, String region, int year) {
        Set<String> out = new HashSet<>();
        for (ListingRow r : rows) {
            if (!r.failed() && r.government() && Objects.equals(r.year(), year) && !r.regions().isEmpty()
                    && (region == null || r.regions().contains(region))) {
                out.add(r.regions().get(r.regions().size() - 1));
            }
        }
        return out;
    }

    static List<Integer> years(List<ListingRow> rows, String region) {
        Set<Integer> years = new TreeSet<>(Collections.reverseOrder());
        for (ListingRow r : rows) {
            if (!r.failed() && r.year() != null && (region == null || r.regions().contains(region))) {
                years.add(r.year());
            }
        }
        return new ArrayList<>(years);
    }

    /** An agency's rows (exactly that name), not failed. */
    static List<ListingRow> agency(List<ListingRow> rows, String agency) {
        return rows.stream().filter(r -> !r.failed() && agency.equals(r.agency())).toList();
    }

    /** Newest first, as the problem list reads: received time, then id, both descending. */
    static final Comparator<ListingRow> NEWEST_FIRST = Comparator.comparingLong(ListingRow::received).thenComparing(ListingRow::id).reversed();
}
