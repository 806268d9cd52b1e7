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
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.events.DocumentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

/**
 * The reviewers' workbench's reads of the front door's read model (the {@code documents} collection that
 * {@link DocumentRepository} writes): filtered, sorted pages of reports, one report typed, and every report with
 * its findings streamed for the problem list. Nothing here writes.
 */
@ApplicationScoped
public class WorkbenchRepository {

    private static final Bson LISTING_FIELDS = Projections.include("status", "fileName", "receivedAt", "agency", "year",
            "templateVersion", "errors", "warnings", "error", "administrativeLevel");
    /** What the problem list needs: the findings and the tables their numbers come from, not the section texts. */
    private static final Bson PROBLEM_FIELDS = Projections.include("agency", "year", "administrativeLevel", "errors", "warnings",
            DocumentRepository.PAYLOAD, "findings", "report");
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final MongoCollection<Document> documents;
    private final ObjectMapper json;

    public WorkbenchRepository(MongoClient mongo, IngestConfig config, ObjectMapper json) {
        this.documents = mongo.getDatabase(config.storage().database()).getCollection("documents");
        this.json = json;
    }

    /**
     * One page of the list in the given order, starting after {@code after} (null: the first page). Keyset
     * pagination: the page is a range query from the previous page's last row, never a skip over the rows before it.
     * {@code forward} false reads the page before {@code after} instead (for 上一页), in the same order.
     */
    public List<ReportListing> list(ReportFilter filter, ReportSort sort, boolean ascending, ListCursor after, boolean forward, int size) {
        boolean up = ascending == forward;
        Bson order = up ? Sorts.ascending(sort.field(), "_id") : Sorts.descending(sort.field(), "_id");
        Bson query = after == null ? query(filter) : and(query(filter), after(sort.field(), after, up));
        List<ReportListing> page = documents.find(query).projection(LISTING_FIELDS).sort(order).limit(size)
                .map(WorkbenchRepository::listing).into(new ArrayList<>());
        if (!forward) {
            Collections.reverse(page);
        }
        return page;
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

    /**
     * The rows after {@code (value, id)} in the order (field, _id) ascending or descending. MongoDB sorts a missing or
     * null value below every other, which the range has to say: {@code $lt} and {@code $gt} never match null.
     */
    static Bson after(String field, ListCursor c, boolean ascending) {
        Bson sameValueLaterId = and(eq(field, c.value()), ascending ? gt("_id", c.documentId()) : lt("_id", c.documentId()));
        if (c.value() == null) {
            return ascending ? or(sameValueLaterId, ne(field, null)) : sameValueLaterId;
        }
        Bson beyond = ascending ? gt(field, c.value()) : or(lt(field, c.value()), eq(field, null));
        return or(beyond, sameValueLaterId);
    }

    public long count(ReportFilter filter) {
        return documents.countDocuments(query(filter));
    }

    public Optional<StoredReport> find(String documentId) {
        Document d = documents.find(eq("_id", documentId)).first();
        return Optional.ofNullable(d).map(this::stored);
    }

    /** The other reports of the same agency (exactly that name), by year, for the links between an agency's years. */
    public List<ReportListing> sameAgency(String agency, String exceptDocumentId) {
        return documents.find(and(eq("agency", agency), ne("_id", exceptDocumentId), ne("status", DocumentStatus.FAILED.name())))
                .projection(LISTING_FIELDS).sort(Sorts.descending("year")).limit(50)
                .map(WorkbenchRepository::listing).into(new ArrayList<>());
    }

    /**
     * Documents counted by administrative level and report year, in one aggregation over the store or over one
     * region (null: all, failed documents included, which have neither level nor year).
     */
    public List<LevelYearCount> countByLevelAndYear(String region) {
        Document id = new Document("level", "$administrativeLevel").append("year", "$year");
        List<Bson> pipeline = new ArrayList<>();
        if (region != null) {
            pipeline.add(Aggregates.match(eq("regionCodes", region)));
        }
        pipeline.add(new Document("$group", counts(id)));
        List<LevelYearCount> out = new ArrayList<>();
        for (Document d : documents.aggregate(pipeline)) {
            Document key = d.get("_id", Document.class);
            Number year = key.get("year", Number.class);
            out.add(new LevelYearCount(key.getString("level"), year == null ? null : year.intValue(), count(d.get("documents")),
                    count(d.get("withErrors")), count(d.get("withWarnings")), count(d.get("failed")), count(d.get("late")),
                    count(d.get("copied"))));
        }
        return out;
    }

    private static Document counts(Object id) {
        return new Document("_id", id)
                .append("documents", new Document("$sum", 1))
                .append("withErrors", countWhere(new Document("$gt", List.of("$errors", 0))))
                .append("withWarnings", countWhere(new Document("$gt", List.of("$warnings", 0))))
                .append("failed", countWhere(new Document("$eq", List.of("$status", DocumentStatus.FAILED.name()))))
                .append("late", countWhere(new Document("$eq", List.of("$late", true))))
                .append("copied", countWhere(new Document("$eq", List.of("$copied", true))));
    }

    /**
     * The reports of a region (null: the whole country) and year, counted by the division just below it: the
     * region's chain of codes has {@code depth} codes before that division's (0 for the provinces). Reports placed in
     * the region itself, not below it, are counted under the key null. Failed documents have no region.
     */
    public Map<String, RegionCount> countBelow(String region, int depth, Integer year) {
        List<Bson> match = new ArrayList<>();
        match.add(ne("status", DocumentStatus.FAILED.name()));
        if (region != null) {
            match.add(eq("regionCodes", region));
        }
        if (year != null) {
            match.add(eq("year", year));
        }
        Document below = new Document("$arrayElemAt", List.of("$regionCodes", depth));
        Map<String, RegionCount> out = new LinkedHashMap<>();
        for (Document d : documents.aggregate(List.of(Aggregates.match(and(match)), new Document("$group", counts(below))))) {
            Object key = d.get("_id");
            String code = key instanceof String k ? k : null;
            out.merge(String.valueOf(code), new RegionCount(code, count(d.get("documents")), count(d.get("withErrors")),
                    count(d.get("late")), count(d.get("copied"))), RegionCount::plus);
        }
        return out;
    }

    /** The divisions, in a region (null: anywhere), whose own government has a report for the year. */
    public Set<String> governmentsWithReport(String region, int year) {
        List<Bson> match = new ArrayList<>(List.of(eq("year", year), eq("government", true), ne("status", DocumentStatus.FAILED.name())));
        if (region != null) {
            match.add(eq("regionCodes", region));
        }
        Set<String> out = new HashSet<>();
        for (Document d : documents.find(and(match)).projection(Projections.include("regionCodes"))) {
            List<String> codes = d.getList("regionCodes", String.class, List.of());
            if (!codes.isEmpty()) {
                out.add(codes.get(codes.size() - 1));
            }
        }
        return out;
    }

    /** The report years present in a region (null: anywhere), newest first. */
    public List<Integer> years(String region) {
        Bson match = region == null ? ne("status", DocumentStatus.FAILED.name())
                : and(ne("status", DocumentStatus.FAILED.name()), eq("regionCodes", region));
        List<Integer> out = new ArrayList<>();
        for (BsonValue y : documents.distinct("year", match, BsonValue.class)) {
            if (y != null && y.isNumber()) {
                out.add(y.asNumber().intValue());
            }
        }
        out.sort(Collections.reverseOrder());
        return out;
    }

    private static Document countWhere(Document condition) {
        return new Document("$sum", new Document("$cond", List.of(condition, 1, 0)));
    }

    /** One agency's read reports (exactly that name), oldest year first, without their section texts. */
    public List<StoredReport> agencyYears(String agency, int limit) {
        return documents.find(and(eq("agency", agency), eq("status", DocumentStatus.VALIDATED.name())))
                .sort(Sorts.ascending("year", "receivedAt")).limit(limit)
                .map(this::stored).into(new ArrayList<>());
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
        List<Bson> parts = new ArrayList<>(List.of(query(filter), problemMatch(severity, code)));
        if (after != null) {
            // lte: the report the previous page ended in comes again, its first `shown` findings skipped
            parts.add(or(lt("receivedAt", after.receivedAt()), and(eq("receivedAt", after.receivedAt()), lte("_id", after.documentId()))));
        }
        List<ReportFindings> out = new ArrayList<>();
        int rows = 0;
        ProblemCursor next = null;
        try (MongoCursor<Document> cursor = documents.find(and(parts)).projection(Projections.include("receivedAt", "problemKeys"))
                .sort(Sorts.descending("receivedAt", "_id")).batchSize(Math.max(size, 20)).iterator()) {
            while (cursor.hasNext()) {
                Document d = cursor.next();
                String id = d.getString("_id");
                if (rows == size) {
                    next = new ProblemCursor(d.getDate("receivedAt"), id, 0);
                    break;
                }
                List<String> keys = d.getList("problemKeys", String.class, List.of());
                int skip = after != null && after.documentId().equals(id) ? after.shown() : 0;
                List<Integer> picked = new ArrayList<>();
                int matching = 0;
                for (int i = 0; i < keys.size(); i++) {
                    if (problemMatches(keys.get(i), severity, code)) {
                        matching++;
                        if (matching > skip && rows < size) {
                            picked.add(i);
                            rows++;
                        } else if (matching > skip && next == null) {
                            next = new ProblemCursor(d.getDate("receivedAt"), id, matching - 1);
                        }
                    }
                }
                if (!picked.isEmpty()) {
                    out.add(new ReportFindings(id, picked));
                }
                if (next != null) {
                    break;
                }
            }
        }
        return new ProblemPage(out, next);
    }

    /** How many findings the problem list holds under a filter: one aggregation over the stored summaries. */
    public long countProblems(ReportFilter filter, String severity, String code) {
        List<Bson> pipeline = new ArrayList<>(List.of(Aggregates.match(and(query(filter), problemMatch(severity, code))),
                Aggregates.project(Projections.include("problemKeys")), Aggregates.unwind("$problemKeys")));
        if (severity != null || code != null) {
            pipeline.add(Aggregates.match(problemMatch(severity, code)));
        }
        pipeline.add(new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
        Document d = documents.aggregate(pipeline).first();
        return d == null ? 0 : count(d.get("n"));
    }

    /** Reports by id, with their findings and tables, in the order asked. */
    public List<StoredReport> withFindings(List<String> documentIds) {
        Map<String, StoredReport> byId = new HashMap<>();
        for (Document d : documents.find(in("_id", documentIds)).projection(PROBLEM_FIELDS)) {
            StoredReport stored = stored(d);
            byId.put(stored.documentId(), stored);
        }
        return documentIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Severity and code are checked by ProblemFilter ([a-z]+, [A-Z0-9_]+) and quoted all the same. */
    private static Bson problemMatch(String severity, String code) {
        if (severity != null && code != null) {
            return eq("problemKeys", severity + ":" + code);
        } else if (severity != null) {
            return regex("problemKeys", "^" + Pattern.quote(severity + ":"));
        } else if (code != null) {
            return regex("problemKeys", Pattern.quote(":" + code) + "$");
        }
        return gt("problems", 0);
    }

    private static boolean problemMatches(String key, String severity, String code) {
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

    private static ReportListing listing(Document d) {
        Number year = d.get("year", Number.class);
        return new ReportListing(d.getString("_id"), d.getString("status"), d.getString("fileName"), instant(d.getDate("receivedAt")),
                d.getString("agency"), year == null ? null : year.intValue(), d.getString("administrativeLevel"), d.getString("templateVersion"),
                count(d.get("errors")), count(d.get("warnings")), d.getString("error"));
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
