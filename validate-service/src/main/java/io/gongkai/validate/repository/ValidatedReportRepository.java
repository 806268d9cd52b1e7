package io.gongkai.validate.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.rules.AgencyKey;
import io.gongkai.validate.rules.NarrativeSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * validate-service's store. {@code reports}: one entry per document id (upserted) with its report, findings, version
 * and the agency key the cross-year rules look it up by. {@code narratives}: the MinHash signature of each report's
 * narrative with its LSH band keys, indexed by band, so that candidates for COPIED_TEXT are found by key lookup
 * however many reports are stored. Every filter is an equality on a typed value computed here, never request input.
 */
@ApplicationScoped
public class ValidatedReportRepository {

    /** A band shared by more reports than this is boilerplate every report has; candidates are capped. */
    private static final int MAX_CANDIDATES = 200;

    private final MongoCollection<Document> reports;
    private final MongoCollection<Document> narratives;
    private final AtomicBoolean indexed = new AtomicBoolean();

    public ValidatedReportRepository(MongoClient mongo, ValidateConfig config) {
        var db = mongo.getDatabase(config.storage().database());
        this.reports = db.getCollection("reports");
        this.narratives = db.getCollection("narratives");
    }

    private void ensureIndexes() {
        if (indexed.compareAndSet(false, true)) {
            try {
                reports.createIndex(Indexes.ascending("agency", "year"));
                reports.createIndex(Indexes.ascending("agencyLocalKey", "year"));
                reports.createIndex(Indexes.ascending("sha256"));
                narratives.createIndex(Indexes.ascending("bands"));
            } catch (RuntimeException e) {
                indexed.set(false);
                throw e;
            }
        }
    }

    private MongoCollection<Document> reports() {
        ensureIndexes();
        return reports;
    }

    public Optional<Document> find(String documentId) {
        return Optional.ofNullable(reports().find(eq("_id", documentId)).first());
    }

    public void upsert(String documentId, Document fields) {
        reports().replaceOne(eq("_id", documentId), new Document(fields).append("_id", documentId), new ReplaceOptions().upsert(true));
    }

    /** Stored reports for that year whose agency has this local key, newest first. */
    public List<Document> byAgencyAndYear(String agencyLocalKey, int year) {
        return reports().find(and(eq("agencyLocalKey", agencyLocalKey), eq("year", year)))
                .sort(Sorts.descending("validatedAt")).into(new ArrayList<>());
    }

    /** Keeps the report's narrative signature (or forgets it, when the report has too little narrative). */
    public void saveNarrative(String documentId, String agency, AgencyKey key, Integer year, NarrativeSignature signature) {
        ensureIndexes();
        if (signature == null) {
            narratives.deleteOne(eq("_id", documentId));
            return;
        }
        Document doc = new Document("_id", documentId).append("agency", agency).append("agencyKey", key.full())
                .append("agencyLocalKey", key.local()).append("year", year).append("minHashes", signature.asList())
                .append("bands", signature.bandKeys());
        narratives.replaceOne(eq("_id", documentId), doc, new ReplaceOptions().upsert(true));
    }

    /** Narratives sharing at least one band key with these, other than the excluded document's. */
    public List<Document> narrativesSharingABand(List<String> bands, String excludedDocumentId) {
        ensureIndexes();
        return narratives.find(and(in("bands", bands), ne("_id", excludedDocumentId))).limit(MAX_CANDIDATES)
                .into(new ArrayList<>());
    }

    /** Records that subscribers were sent this version (an unpublished change is sent again on the next check). */
    public void markPublished(String documentId, long version) {
        reports().updateOne(eq("_id", documentId), Updates.max("publishedVersion", version));
    }

    public long count() {
        return reports().countDocuments();
    }

    /** Every stored document id, in id order (for re-validation). */
    public void forEachDocumentId(Consumer<String> action) {
        reports().find().projection(Projections.include("_id")).sort(Sorts.ascending("_id"))
                .forEach(d -> action.accept(d.getString("_id")));
    }

    /** The level and the given report values of every stored report (for the per-level statistics). */
    public void forEachReportValues(List<String> paths, Consumer<Document> action) {
        List<String> fields = new ArrayList<>();
        fields.add("report.administrativeLevel");
        paths.forEach(p -> fields.add("report." + p));
        Bson projection = Projections.include(fields);
        reports().find().projection(projection).forEach(action::accept);
    }
}
