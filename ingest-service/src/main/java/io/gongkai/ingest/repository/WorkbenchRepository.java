package io.gongkai.ingest.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.events.DocumentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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

    public List<ReportListing> list(ReportFilter filter, ReportSort sort, boolean ascending, int page, int size) {
        Bson order = ascending ? Sorts.ascending(sort.field(), "_id") : Sorts.descending(sort.field(), "_id");
        return documents.find(query(filter)).projection(LISTING_FIELDS).sort(order).skip(page * size).limit(size)
                .map(WorkbenchRepository::listing).into(new ArrayList<>());
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

    /** Documents counted by administrative level and report year, in one aggregation over the store. */
    public List<LevelYearCount> countByLevelAndYear() {
        Document id = new Document("level", "$administrativeLevel").append("year", "$year");
        Document group = new Document("_id", id)
                .append("documents", new Document("$sum", 1))
                .append("withErrors", countWhere(new Document("$gt", List.of("$errors", 0))))
                .append("withWarnings", countWhere(new Document("$gt", List.of("$warnings", 0))))
                .append("failed", countWhere(new Document("$eq", List.of("$status", DocumentStatus.FAILED.name()))));
        List<LevelYearCount> out = new ArrayList<>();
        for (Document d : documents.aggregate(List.of(new Document("$group", group)))) {
            Document key = d.get("_id", Document.class);
            Number year = key.get("year", Number.class);
            out.add(new LevelYearCount(key.getString("level"), year == null ? null : year.intValue(), count(d.get("documents")),
                    count(d.get("withErrors")), count(d.get("withWarnings")), count(d.get("failed"))));
        }
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
