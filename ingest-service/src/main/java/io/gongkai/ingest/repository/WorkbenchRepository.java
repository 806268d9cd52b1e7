package io.gongkai.ingest.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.gongkai.common.store.PackedJson;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.events.DocumentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * The reviewers' workbench's reads of the front door's read model: lists, counts, the overview and the problem
 * list's pages from the slim listing ({@link ListingRepository}, rows read by {@code _id} and kept in memory); one
 * report, an agency's reports and the problem list's exports from the {@code documents} collection that
 * {@link DocumentRepository} writes (by {@code _id}, or streamed). Nothing here writes.
 */
@ApplicationScoped
public class WorkbenchRepository {

    /** What the problem list needs: the findings and the tables their numbers come from, not the section texts. */
    private static final Bson PROBLEM_FIELDS = Projections.include("agency", "year", "administrativeLevel", "errors", "warnings",
            DocumentRepository.PAYLOAD, "findings", "report");
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final MongoCollection<Document> documents;
    private final ObjectMapper json;
    private final ListingRepository listing;

    public WorkbenchRepository(MongoClient mongo, IngestConfig config, ObjectMapper json, ListingRepository listing) {
        this.documents = mongo.getDatabase(config.storage().database()).getCollection("documents");
        this.json = json;
        this.listing = listing;
    }

    /**
     * One page of the list in the given order, starting after {@code after} (null: the first page). Keyset
     * pagination: the page is a range query from the previous page's last row, never a skip over the rows before it.
     * {@code forward} false reads the page before {@code after} instead (for 上一页), in the same order.
     */
    public List<ReportListing> list(ReportFilter filter, ReportSort sort, boolean ascending, ListCursor after, boolean forward, int size) {
        return list(filter, sort, ascending, after, forward, 0, size);
    }

    /** The same, {@code skip} rows passed over first (page N of the list: its first row is row (N-1)×size+1). */
    public List<ReportListing> list(ReportFilter filter, ReportSort sort, boolean ascending, ListCursor after, boolean forward, int skip,
            int size) {
        // the rows of a narrow filter (a region, an agency term) from the index, else a walk of the rows in that order
        List<ListingRow> candidates = filter.region() == null && filter.agency() == null ? null
                : listing.index().candidates(filter, null, null);
        List<ListingRow> rows = candidates != null
                ? ListingQueries.page(candidates, filter, sort, ascending, after, forward, skip, size)
                : ListingQueries.pageSorted(listing.sorted(sort), filter, sort, ascending, after, forward, skip, size);
        return rows.stream().map(ListingRow::listing).toList();
    }

    /** The cursor of a listed row in an order (its sort value and id), for the link to the page after or before it. */
    public static ListCursor cursorOf(ReportListing row, ReportSort sort) {
        Object value = switch (sort) {
            case RECEIVED -> row.receivedAt() == null ? null : Date.from(row.receivedAt());
            case AGENCY -> row.agency();
            case YEAR -> row.year() == null ? null : row.year().longValue();
            case ERRORS -> row.errorsStored() ? row.errors() : null;
            case WARNINGS -> row.warningsStored() ? row.warnings() : null;
        };
        return new ListCursor(value, row.documentId());
    }


    /** Counted from the index's cells (of the store, a region, or the agency names that contain the term). */
    public long count(ReportFilter filter) {
        return listing.index().count(filter);
    }

    public Optional<StoredReport> find(String documentId) {
        Document d = documents.find(eq("_id", documentId)).first();
        return Optional.ofNullable(d).map(this::stored);
    }

    /** The other reports of the same agency (exactly that name), by year, for the links between an agency's years. */
    public List<ReportListing> sameAgency(String agency, String exceptDocumentId) {
        return agencyRows(agency).stream().filter(r -> !r.id().equals(exceptDocumentId))
                .sorted(Comparator.comparing(ListingRow::year, Comparator.nullsFirst(Comparator.<Integer>naturalOrder())).reversed())
                .limit(50).map(ListingRow::listing).toList();
    }

    private List<ListingRow> agencyRows(String agency) {
        return listing.index().agency(agency).stream().filter(r -> !r.failed()).toList();
    }

    /**
     * Documents counted by administrative level and report year, over the store or one region (null: all, failed
     * documents included, which have neither level nor year): added up from the index's cells.
     */
    public List<LevelYearCount> countByLevelAndYear(String region) {
        return listing.index().byLevelAndYear(region);
    }



    /**
     * The reports of a region (null: the whole country) and year (null: every year), counted by the division just
     * below it in the reports' chains of codes (the provinces for the country). Reports placed in the region itself,
     * not below it, are counted under the key "null". Failed documents have no region.
     */
    public Map<String, RegionCount> countBelow(String region, Integer year) {
        return listing.index().below(region, year);
    }

    /** The divisions, in a region (null: anywhere), whose own government has a report for the year. */
    public Set<String> governmentsWithReport(String region, int year) {
        return listing.index().governmentsWithReport(region, year);
    }

    /** The report years present in a region (null: anywhere), newest first. */
    public List<Integer> years(String region) {
        return listing.index().years(region);
    }



    /** One agency's read reports (exactly that name), oldest year first, without their section texts. */
    public List<StoredReport> agencyYears(String agency, int limit) {
        List<String> ids = agencyRows(agency).stream().filter(r -> "VALIDATED".equals(r.status()))
                .sorted(Comparator.comparing(ListingRow::year, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                        .thenComparingLong(ListingRow::received))
                .limit(limit).map(ListingRow::id).toList();
        Map<String, StoredReport> byId = new HashMap<>();
        for (Document d : documents.find(in("_id", ids))) {
            StoredReport stored = stored(d);
            byId.put(stored.documentId(), stored);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Hands every report matching the filter that has findings, with its findings, to {@code sink}, newest first,
     * one at a time from the cursor: the problem list of the whole store never sits in memory.
     */
    public void forEachWithFindings(ReportFilter filter, Consumer<StoredReport> sink) {
        try (MongoCursor<Document> cursor = documents.find(query(filter)).projection(PROBLEM_FIELDS)
                .sort(Sorts.descending("receivedAt", "_id")).batchSize(200).iterator()) {
            while (cursor.hasNext()) {
                Document d = cursor.next();
                StoredReport stored = stored(d);
                if (!stored.findings().isEmpty()) {
                    sink.accept(stored);
                }
            }
        }
    }

    /** Where a problem-list page starts: after the first {@code shown} matching findings of one report. */
    public record ProblemCursor(Date receivedAt, String documentId, int shown) {
    }

    /** The findings of one report that a problem-list page shows: their indexes in the report's findings. */
    public record ReportFindings(String documentId, List<Integer> findings) {
    }

    /** One page of the problem list: the reports and findings it shows, and where the next page starts (null: none). */
    public record ProblemPage(List<ReportFindings> reports, ProblemCursor next) {
    }

    /**
     * The findings of one page of the problem list (newest report first, a report's findings in order), read from the
     * summaries stored beside each report ({@code problemKeys}: {@code severity:code} per finding) from the keyset
     * position {@code after}; the reports themselves are not unpacked here.
     */
    public ProblemPage problemPage(ReportFilter filter, String severity, String code, ProblemCursor after, int size) {
        var wanted = ListingQueries.matching(filter);
        // every row gives at least one finding, so a page needs at most size + 1 rows: walked newest first from the
        // cursor, over the rows of a narrow filter (region, agency, finding) from the index, else over all rows
        List<ListingRow> candidates = filter.region() == null && filter.agency() == null && severity == null && code == null ? null
                : listing.index().candidates(filter, severity, code);
        if (candidates != null) {
            candidates.sort(ListingQueries.NEWEST_FIRST);
        }
        List<ListingRow> walked = candidates != null ? candidates : listing.newestFirst();
        // the rows newer than the cursor's report form the head of the list: skipped by a binary search
        int lo = 0;
        int hi = after == null ? 0 : walked.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            ListingRow r = walked.get(mid);
            if (r.received() > after.receivedAt().getTime()
                    || r.received() == after.receivedAt().getTime() && r.id().compareTo(after.documentId()) > 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<ListingRow> rows = new ArrayList<>(size + 1);
        for (ListingRow r : walked.subList(lo, walked.size())) {
            if (!r.problems().isEmpty() && wanted.test(r) && r.problems().stream().anyMatch(k -> problemMatches(k, severity, code))) {
                rows.add(r);
                if (rows.size() > size) {
                    break;
                }
            }
        }
        List<ReportFindings> out = new ArrayList<>();
        int shown = 0;
        ProblemCursor next = null;
        for (ListingRow r : rows) {
            if (shown == size) {
                next = new ProblemCursor(new Date(r.received()), r.id(), 0);
                break;
            }
            // the report the previous page ended in comes again, its first `shown` findings skipped
            int skip = after != null && after.documentId().equals(r.id()) ? after.shown() : 0;
            List<Integer> picked = new ArrayList<>();
            int matching = 0;
            for (int i = 0; i < r.problems().size(); i++) {
                if (problemMatches(r.problems().get(i), severity, code)) {
                    matching++;
                    if (matching > skip && shown < size) {
                        picked.add(i);
                        shown++;
                    } else if (matching > skip && next == null) {
                        next = new ProblemCursor(new Date(r.received()), r.id(), matching - 1);
                    }
                }
            }
            if (!picked.isEmpty()) {
                out.add(new ReportFindings(r.id(), picked));
            }
            if (next != null) {
                break;
            }
        }
        return new ProblemPage(out, next);
    }

    /**
     * Where page N of the problem list starts: after the first {@code skip} matching findings (null: at the start).
     * A walk of the rows newest first that counts each row's matching findings (from the index's row set for a narrow
     * filter), as the report list passes over (N-1)×size rows for its page N; past the end, a position after the last.
     */
    public ProblemCursor problemCursorAt(ReportFilter filter, String severity, String code, long skip) {
        if (skip <= 0) {
            return null;
        }
        var wanted = ListingQueries.matching(filter);
        List<ListingRow> candidates = filter.region() == null && filter.agency() == null && severity == null && code == null ? null
                : listing.index().candidates(filter, severity, code);
        if (candidates != null) {
            candidates.sort(ListingQueries.NEWEST_FIRST);
        }
        long passed = 0;
        ListingRow last = null;
        int lastCount = 0;
        for (ListingRow r : candidates != null ? candidates : listing.newestFirst()) {
            if (r.problems().isEmpty() || !wanted.test(r)) {
                continue;
            }
            int matching = 0;
            for (String k : r.problems()) {
                matching += problemMatches(k, severity, code) ? 1 : 0;
            }
            if (matching == 0) {
                continue;
            }
            if (passed + matching > skip) {
                return new ProblemCursor(new Date(r.received()), r.id(), (int) (skip - passed));
            }
            passed += matching;
            last = r;
            lastCount = matching;
        }
        return last == null ? null : new ProblemCursor(new Date(last.received()), last.id(), lastCount);
    }

    /**
     * How many findings the problem list holds under a filter: added up from the index's cells (of the store, a
     * region, or the agency names that contain the term).
     */
    public long countProblems(ReportFilter filter, String severity, String code) {
        return listing.index().countProblems(filter, severity, code);
    }

    /** What a validated document's packed payload holds ({@code {"report": …, "findings": […]}}). */
    private record Payload(Report report, List<Finding> findings) {
    }

    /**
     * Reports by id, with their findings and tables, in the order asked: the packed payload bound by Jackson straight
     * to its types (no BSON tree in between; the report's provenance, which a problem row does not show, not read).
     */
    public List<StoredReport> withFindings(List<String> documentIds) {
        Map<String, StoredReport> byId = new HashMap<>();
        for (Document d : documents.find(in("_id", documentIds)).projection(PROBLEM_FIELDS)) {
            Binary payload = d.get(DocumentRepository.PAYLOAD, Binary.class);
            StoredReport stored = payload == null ? stored(d) : withPayload(d, payload);
            byId.put(stored.documentId(), stored);
        }
        return documentIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private StoredReport withPayload(Document d, Binary packed) {
        Payload payload;
        try {
            payload = json.readValue(PackedJson.unpackJson(packed), Payload.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored report is not the JSON of a report and its findings", e);
        }
        return new StoredReport(d.getString("_id"), d.getString("status"), null, null, 0, null, null, null, null, null, null,
                payload.report(), payload.findings() == null ? List.of() : payload.findings());
    }

    static boolean problemMatches(String key, String severity, String code) {
        int colon = key.indexOf(':');
        return (severity == null || key.substring(0, colon).equals(severity)) && (code == null || key.substring(colon + 1).equals(code));
    }

    /** The filter as a query; every request value is bound as a literal (eq, a quoted pattern). */
    static Bson query(ReportFilter filter) {
        List<Bson> parts = new ArrayList<>();
        if (filter.failed()) {
            parts.add(eq("status", DocumentStatus.FAILED.name()));
        } else if (filter.status() != null) {
            parts.add(eq("status", filter.status()));
        } else {
            parts.add(ne("status", DocumentStatus.FAILED.name()));
        }
        if (filter.agency() != null) {
            parts.add(regex("agency", Pattern.quote(filter.agency()), "i"));
        }
        if (filter.year() != null) {
            parts.add(eq("year", filter.year()));
        }
        if (filter.level() != null) {
            parts.add(eq("administrativeLevel", filter.level()));
        }
        if (filter.template() != null) {
            parts.add(eq("templateVersion", filter.template()));
        }
        if (filter.hasErrors()) {
            parts.add(gt("errors", 0));
        }
        if (filter.hasWarnings()) {
            parts.add(gt("warnings", 0));
        }
        if (filter.region() != null) {
            parts.add(eq("regionCodes", filter.region()));
        }
        if (filter.late()) {
            parts.add(eq("late", true));
        }
        if (filter.copied()) {
            parts.add(eq("copied", true));
        }
        return and(parts);
    }


    private StoredReport stored(Document packed) {
        Document d = DocumentRepository.unpacked(packed);
        Document report = d.get("report", Document.class);
        List<?> findings = d.getList("findings", Object.class, List.of());
        Number size = d.get("size", Number.class);
        return new StoredReport(d.getString("_id"), d.getString("status"), d.getString("fileName"), d.getString("sha256"),
                size == null ? 0 : size.longValue(), instant(d.getDate("receivedAt")), d.getString("sourceUrl"),
                d.getString("declaredContentType"), d.getString("detectedType"), d.getString("encoding"), d.getString("error"),
                report == null ? null : json.convertValue(report, Report.class), json.convertValue(findings, FINDINGS));
    }

    private static long count(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
