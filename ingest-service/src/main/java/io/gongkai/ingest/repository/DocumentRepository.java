package io.gongkai.ingest.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.model.events.DocumentStatus;
import io.gongkai.model.events.RawDocumentEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The front door's read model: one entry per document with its status, and once validated its report
 * and findings, as learnt from the later topics. Status changes are guarded in the filter so that late or
 * redelivered events never move a document backwards.
 */
@ApplicationScoped
public class DocumentRepository {

    private final MongoCollection<Document> documents;
    private final AtomicBoolean indexed = new AtomicBoolean();

    public DocumentRepository(MongoClient mongo, IngestConfig config) {
        this.documents = mongo.getDatabase(config.storage().database()).getCollection("documents");
    }

    /** Created on first use rather than at start-up, so the service starts while MongoDB is still coming up. */
    private MongoCollection<Document> collection() {
        if (indexed.compareAndSet(false, true)) {
            try {
                documents.createIndex(Indexes.ascending("sha256"), new IndexOptions().unique(true));
                documents.createIndex(Indexes.ascending("status"));
                documents.createIndex(Indexes.ascending("agency", "year"));
                documents.createIndex(Indexes.descending("receivedAt"));
            } catch (RuntimeException e) {
                indexed.set(false);
                throw e;
            }
        }
        return documents;
    }

    public Optional<Document> find(String documentId) {
        return Optional.ofNullable(collection().find(eq("_id", documentId)).first());
    }

    /** Records a newly accepted document as RECEIVED and not yet published; a no-op when it is known. */
    public void insertIfAbsent(RawDocumentEvent event) {
        Document fields = new Document("sha256", event.sha256())
                .append("size", event.size())
                .append("fileName", event.fileName())
                .append("declaredContentType", event.declaredContentType())
                .append("sourceUrl", event.sourceUrl())
                .append("fetchedAt", event.fetchedAt() == null ? null : Date.from(event.fetchedAt()))
                .append("receivedAt", Date.from(event.receivedAt()))
                .append("status", DocumentStatus.RECEIVED.name())
                .append("published", false);
        collection().updateOne(eq("_id", event.documentId()), new Document("$setOnInsert", fields),
                new UpdateOptions().upsert(true));
    }

    /**
     * Documents stored but never acknowledged by the broker (their submit was answered 503), received before
     * {@code before}, oldest first, as the reports.raw events they should have had.
     */
    public List<RawDocumentEvent> findUnpublished(Instant before, int limit) {
        return collection().find(and(eq("published", false), lt("receivedAt", Date.from(before))))
                .sort(Sorts.ascending("receivedAt")).limit(limit)
                .map(d -> new RawDocumentEvent(d.getString("_id"), d.getString("sha256"), d.get("size", Number.class).longValue(),
                        d.getString("fileName"), d.getString("declaredContentType"), d.getString("sourceUrl"),
                        d.getDate("fetchedAt") == null ? null : d.getDate("fetchedAt").toInstant(),
                        d.getDate("receivedAt").toInstant()))
                .into(new ArrayList<>());
    }

    /** Marks that the broker acknowledged the document's reports.raw event. */
    public void markPublished(String documentId) {
        collection().updateOne(eq("_id", documentId), Updates.set("published", true));
    }

    /**
     * Moves a document to {@code next} when its current status allows it.
     *
     * @param extra further fields to set with the status (report, findings, error…)
     * @param onlyBelowVersion when not null, apply only if the stored validation version is lower
     * @return whether the document changed
     */
    public boolean transition(String documentId, DocumentStatus next, Document extra, Long onlyBelowVersion) {
        List<String> from = Arrays.stream(DocumentStatus.values()).filter(s -> s.mayBecome(next)).map(Enum::name).toList();
        List<Bson> filter = new ArrayList<>(List.of(eq("_id", documentId), in("status", from)));
        if (onlyBelowVersion != null) {
            filter.add(or(exists("validationVersion", false), lt("validationVersion", onlyBelowVersion)));
        }
        Document set = new Document(extra).append("status", next.name()).append("updatedAt", new Date());
        return collection().updateOne(and(filter), new Document("$set", set)).getModifiedCount() > 0;
    }

    public List<Document> list(Bson filter, int page, int size) {
        return collection().find(filter).sort(Sorts.descending("receivedAt")).skip(page * size).limit(size)
                .into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return collection().countDocuments(filter);
    }
}
