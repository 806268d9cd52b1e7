package io.gongkai.ingest.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.gongkai.common.store.PackedJson;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.model.events.DocumentStatus;
import io.gongkai.model.events.RawDocumentEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * The front door's read model: one entry per document with its status, and once validated its report
 * and findings, as learnt from the later topics. Status changes are checked against the stored status and applied
 * only if the document's revision did not move meanwhile, so that late or redelivered events never move a document
 * backwards. Every hot-path query is by {@code _id} (or {@code _id} and {@code rev}, a unique index): a look-up on a
 * real MongoDB and on the embedded server, however many documents are stored. Documents not yet acknowledged by the
 * broker are also listed in the small {@code documents.unpublished}, which the sweep reads instead of the store.
 */
@ApplicationScoped
public class DocumentRepository {

    /** Attempts of an optimistic update before giving up (each failure means another event changed the document). */
    private static final int TRANSITION_ATTEMPTS = 20;
    /** The report and findings of a validated document, packed (see {@link PackedJson}). */
    public static final String PAYLOAD = "payload";
    /**
     * What only reading the source tells of a report (its provenance and extraction findings), packed, from
     * reports.extracted: reports.validated no longer carries them with every version.
     */
    public static final String READING = "reading";

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> unpublished;
    private final AtomicBoolean indexed = new AtomicBoolean();

    public DocumentRepository(MongoClient mongo, IngestConfig config) {
        var db = mongo.getDatabase(config.storage().database());
        this.documents = db.getCollection("documents");
        this.unpublished = db.getCollection("documents.unpublished");
    }

    /** Created on first use rather than at start-up, so the service starts while MongoDB is still coming up. */
    private MongoCollection<Document> collection() {
        if (indexed.compareAndSet(false, true)) {
            try {
                documents.createIndex(Indexes.ascending("sha256"), new IndexOptions().unique(true));
                documents.createIndex(Indexes.ascending("status"));
                documents.createIndex(Indexes.ascending("agency", "year"));
                documents.createIndex(Indexes.descending("receivedAt"));
                // The workbench's lists, overview and problem list on a real MongoDB (keyset pages read a range of
                // these; the embedded server serves only unique-index look-ups by index and scans for these).
                documents.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("receivedAt", "_id")));
                documents.createIndex(Indexes.ascending("regionCodes", "year"));
                documents.createIndex(Indexes.ascending("year", "administrativeLevel"));
                documents.createIndex(Indexes.compoundIndex(Indexes.ascending("problemKeys"), Indexes.descending("receivedAt", "_id")));
                // {_id, rev} is unique because _id is; the index lets the embedded server serve the guarded update
                // by look-up (it answers only queries whose fields are exactly those of a unique index by index).
                documents.createIndex(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true));
                unpublished.createIndex(Indexes.ascending("receivedAt"));
            } catch (RuntimeException e) {
                indexed.set(false);
                throw e;
            }
        }
        return documents;
    }

    /** A document with its report and findings (unpacked), by id. */
    public Optional<DocumentRecord> find(String documentId) {
        return Optional.ofNullable(collection().find(eq("_id", documentId)).first()).map(DocumentRepository::unpacked)
                .map(DocumentRepository::record);
    }

    private static DocumentRecord record(Document d) {
        Long size = number(d.get("size"));
        return new DocumentRecord(d.getString("_id"), d.getString("status"), d.getString("fileName"), d.getString("sourceUrl"),
                d.getString("sha256"), size == null ? 0 : size, instant(d.getDate("receivedAt")), instant(d.getDate("fetchedAt")),
                d.getString("detectedType"), d.get("report", Document.class), d.getList("findings", Object.class, List.of()),
                d.getString("ruleSetVersion"), number(d.get("validationVersion")), d.getString("error"));
    }

    private static DocumentListItem listItem(Document d) {
        Long year = number(d.get("year"));
        return new DocumentListItem(d.getString("_id"), d.getString("status"), d.getString("fileName"),
                instant(d.getDate("receivedAt")), d.getString("agency"), year == null ? null : year.intValue(),
                d.getString("templateVersion"), number(d.get("errors")), number(d.get("warnings")), d.getString("error"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    /**
     * The report and findings, stored packed in {@code payload}, back in their fields (as earlier versions stored them),
     * with the report's provenance and extraction findings from {@code reading} where it was stored.
     */
    static Document unpacked(Document stored) {
        Binary payload = stored.get(PAYLOAD, Binary.class);
        if (payload != null) {
            Document values = PackedJson.unpackDocument(payload);
            stored.remove(PAYLOAD);
            stored.append("report", values.get("report")).append("findings", values.get("findings"));
        }
        Binary reading = (Binary) stored.remove(READING);
        if (reading != null && stored.get("report") instanceof Document report) {
            Document trail = PackedJson.unpackDocument(reading);
            report.put("provenance", trail.get("provenance"));
            report.put("extractionFindings", trail.get("extractionFindings"));
        }
        return stored;
    }

    /**
     * A report's provenance and extraction findings, packed from their JSON ({@code {"provenance": …,
     * "extractionFindings": […]}}), stored as the field {@link #READING} ({@link StatusUpdate#reading}), with the
     * EXTRACTED status or on its own when the document is already past it.
     */
    public static Binary packReading(byte[] json) {
        return PackedJson.packJson(json);
    }

    /**
     * A validated document's report and findings, packed from their JSON ({@code {"report": …, "findings": […]}}), as
     * the field {@link #PAYLOAD} of a VALIDATED update: the event's values go from Jackson to the deflater
     * without a BSON tree in between.
     */
    public static Binary packPayload(byte[] json) {
        return PackedJson.packJson(json);
    }

    /** What the front door needs to know of a stored document when the same bytes are submitted again. */
    public record Known(String status, boolean published, Instant receivedAt) {
    }

    /**
     * The stored document's status, whether the broker acknowledged its reports.raw event, and when it was received:
     * a look-up by {@code _id} of three fields (the report is not read). Acknowledged means: marked so by an earlier
     * version ({@code published: true}), or, since then, not listed in {@code documents.unpublished}.
     */
    public Optional<Known> known(String documentId) {
        Document d = collection().find(eq("_id", documentId)).projection(Projections.include("status", "published", "receivedAt")).first();
        if (d == null) {
            return Optional.empty();
        }
        Boolean flag = d.getBoolean("published");
        boolean published = flag != null ? flag : unpublished.find(eq("_id", documentId)).projection(Projections.include("_id")).first() == null;
        Date received = d.getDate("receivedAt");
        return Optional.of(new Known(d.getString("status"), published, received == null ? null : received.toInstant()));
    }

    /**
     * Records a newly accepted document as RECEIVED and listed as unpublished; a no-op when it is known. Whether it was
     * published is told by {@code documents.unpublished} alone (one write less per submit than a flag on the document).
     */
    public void insertIfAbsent(RawDocumentEvent event) {
        Document fields = new Document("sha256", event.sha256())
                .append("size", event.size())
                .append("fileName", event.fileName())
                .append("declaredContentType", event.declaredContentType())
                .append("sourceUrl", event.sourceUrl())
                .append("fetchedAt", event.fetchedAt() == null ? null : Date.from(event.fetchedAt()))
                .append("receivedAt", Date.from(event.receivedAt()))
                .append("status", DocumentStatus.RECEIVED.name())
                .append("rev", 0L);
        MongoCollection<Document> c = collection();
        // Listed as unpublished first: the sweep then finds it whichever step a crash interrupts.
        unpublished.updateOne(eq("_id", event.documentId()), new Document("$setOnInsert", new Document(fields)
                .append("receivedAt", Date.from(event.receivedAt()))), new UpdateOptions().upsert(true));
        c.updateOne(eq("_id", event.documentId()), new Document("$setOnInsert", fields), new UpdateOptions().upsert(true));
    }

    /**
     * Documents stored but never acknowledged by the broker (their submit was answered 503), received before
     * {@code before}, oldest first, as the reports.raw events they should have had.
     */
    public List<RawDocumentEvent> findUnpublished(Instant before, int limit) {
        collection();
        // the small list of documents in flight, not the whole store
        return unpublished.find(lt("receivedAt", Date.from(before)))
                .sort(Sorts.ascending("receivedAt")).limit(limit)
                .map(d -> new RawDocumentEvent(d.getString("_id"), d.getString("sha256"), d.get("size", Number.class).longValue(),
                        d.getString("fileName"), d.getString("declaredContentType"), d.getString("sourceUrl"),
                        d.getDate("fetchedAt") == null ? null : d.getDate("fetchedAt").toInstant(),
                        d.getDate("receivedAt").toInstant()))
                .into(new ArrayList<>());
    }

    /** Marks that the broker acknowledged the document's reports.raw event: it leaves the unpublished list. */
    public void markPublished(String documentId) {
        unpublished.deleteOne(eq("_id", documentId));
    }

    /**
     * The same for a document stored before this submit (one answered 503 earlier, or one an earlier version flagged
     * {@code published: false}): the flag goes too.
     */
    public void markPublishedLegacy(String documentId) {
        collection().updateOne(eq("_id", documentId), Updates.unset("published"));
        unpublished.deleteOne(eq("_id", documentId));
    }

    /**
     * Applies status updates, in their order, in one read and one bulk write: the documents' status, validation
     * version and revision are read at once ({@code _id $in}), each document's updates are folded in memory under the
     * same conditions as one by one (a status never goes back, a validation version never down), and each
     * changed document is written once, guarded by the revision read ({@code {_id, rev}}, a unique index). When any
     * guard fails (another writer moved a document meanwhile) the updates are applied again one by one, which is safe:
     * every update is conditional, so those already applied change nothing.
     *
     * @return the ids of the documents the updates name (changed or not), in first-seen order
     */
    public List<String> apply(List<StatusUpdate> updates) {
        Map<String, List<StatusUpdate>> byDocument = new LinkedHashMap<>();
        for (StatusUpdate u : updates) {
            byDocument.computeIfAbsent(u.documentId(), k -> new ArrayList<>()).add(u);
        }
        MongoCollection<Document> c = collection();
        Map<String, Document> current = new HashMap<>();
        c.find(in("_id", List.copyOf(byDocument.keySet()))).projection(Projections.include("status", "validationVersion", "rev"))
                .forEach(d -> current.put(d.getString("_id"), d));
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        Date now = new Date();
        byDocument.forEach((id, list) -> {
            Document stored = current.get(id);
            if (stored != null) {
                UpdateOneModel<Document> write = folded(id, stored, list, now);
                if (write != null) {
                    writes.add(write);
                }
            }
        });
        if (!writes.isEmpty() && c.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount() < writes.size()) {
            for (StatusUpdate u : updates) {
                applyOne(u);
            }
        }
        return List.copyOf(byDocument.keySet());
    }

    /** The workbench listing's rows of these documents, as stored now: one read ({@code _id $in}). */
    public List<ListingRow> listingRows(List<String> documentIds) {
        List<ListingRow> rows = new ArrayList<>(documentIds.size());
        collection().find(in("_id", documentIds)).projection(Projections.include(ListingRow.FIELDS))
                .forEach(d -> rows.add(ListingRow.of(d)));
        return rows;
    }

    /** One document's updates folded into one guarded write; null when none applies. */
    private static UpdateOneModel<Document> folded(String id, Document stored, List<StatusUpdate> updates, Date now) {
        DocumentStatus status = DocumentStatus.valueOf(stored.getString("status"));
        Number storedVersion = stored.get("validationVersion", Number.class);
        Long version = storedVersion == null ? null : storedVersion.longValue();
        Document set = new Document();
        boolean moved = false;
        for (StatusUpdate u : updates) {
            if (status.mayBecome(u.next()) && (u.onlyBelowVersion() == null || version == null || version < u.onlyBelowVersion())) {
                set.putAll(u.fields());
                DocumentStatus shown = shownStatus(status, u.next(), version != null);
                set.put("status", shown.name());
                status = shown;
                if (u.onlyBelowVersion() != null) {
                    version = u.onlyBelowVersion();
                }
                moved = true;
            } else if (u.reading() != null) {
                // already past EXTRACTED (reports.validated was applied first): the reading is still kept
                set.put(READING, u.reading());
            }
        }
        if (set.isEmpty()) {
            return null;
        }
        Number rev = stored.get("rev", Number.class);
        Document update = new Document("$set", set);
        if (moved) {
            set.append("updatedAt", now).append("rev", rev == null ? 1L : rev.longValue() + 1);
        }
        if (set.containsKey(PAYLOAD)) {
            update.append("$unset", new Document("report", "").append("findings", ""));
        }
        // a plain {_id, rev} document: Filters.and would send $and, which the embedded server cannot match to the index
        return new UpdateOneModel<>(new Document("_id", id).append("rev", rev == null ? null : rev.longValue()), update);
    }

    /**
     * The status a document shows after an update to {@code next}. The two consumers read reports.extracted and
     * reports.validated independently, so a validation can be applied before the reading (provenance) it rests on: its
     * fields are stored, but the document stays RECEIVED until the reading is in, and then shows VALIDATED at once. A
     * client that waits for VALIDATED thus always finds where each value was read.
     *
     * @param validated whether a validation is stored already
     */
    static DocumentStatus shownStatus(DocumentStatus from, DocumentStatus next, boolean validated) {
        if (next == DocumentStatus.VALIDATED && from == DocumentStatus.RECEIVED) {
            return DocumentStatus.RECEIVED;
        }
        if (next == DocumentStatus.EXTRACTED && validated) {
            return DocumentStatus.VALIDATED;
        }
        return next;
    }

    /**
     * One update on its own: read, decide as {@link #apply} does ({@link #folded}), write guarded by the revision read;
     * again when another writer moved the document meanwhile. Every query is by {@code _id}, or by {@code _id} and
     * {@code rev} (a unique index), so it is a look-up however many documents are stored.
     */
    private void applyOne(StatusUpdate u) {
        MongoCollection<Document> c = collection();
        for (int attempt = 0; attempt < TRANSITION_ATTEMPTS; attempt++) {
            Document current = c.find(eq("_id", u.documentId()))
                    .projection(Projections.include("status", "validationVersion", "rev")).first();
            UpdateOneModel<Document> write = current == null ? null : folded(u.documentId(), current, List.of(u), new Date());
            if (write == null || c.updateOne(write.getFilter(), write.getUpdate()).getMatchedCount() > 0) {
                return;
            }
        }
        throw new IllegalStateException("document " + u.documentId() + " kept changing during " + TRANSITION_ATTEMPTS + " attempts");
    }

    /** A page of the documents this query matches, newest first, without their reports. */
    public List<DocumentListItem> list(DocumentQuery query, int page, int size) {
        return collection().find(filter(query)).projection(Projections.exclude(PAYLOAD, READING, "report", "findings"))
                .sort(Sorts.descending("receivedAt")).skip(page * size).limit(size)
                .map(DocumentRepository::listItem).into(new ArrayList<>());
    }

    public long count(DocumentQuery query) {
        return collection().countDocuments(filter(query));
    }

    /** Every value bound as a literal with {@code eq()}: nothing from the request becomes an operator. */
    private static Bson filter(DocumentQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.status() != null) {
            filters.add(eq("status", query.status().name()));
        }
        if (query.agency() != null) {
            filters.add(eq("agency", query.agency()));
        }
        if (query.year() != null) {
            filters.add(eq("year", query.year()));
        }
        return filters.isEmpty() ? new Document() : and(filters);
    }
}
