package io.gongkai.ingest.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import io.gongkai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The workbench's slim listing: one {@link ListingRow} per document of the read model, kept in {@value #BUCKETS}
 * bucket documents ({@code _id} {@code b0}…) of collection {@code workbench.listing}, each holding its rows as one JSON
 * binary, and a directory document ({@code _id} {@code dir}) with each bucket's revision.
 * <p>
 * Why: the embedded MongoDB-protocol server answers only {@code _id} (and unique-index) look-ups from an index and
 * scans, deserialising every whole document, for any other query; a list or overview query over 100,000 reports
 * took seconds to minutes there (docs/workbench.md). Every read here is by {@code _id} (served by an index on that
 * server and on a real MongoDB), and the rows of unchanged buckets are kept in memory between requests: a page reads
 * the directory, then only the buckets whose revision moved, and filters, sorts and counts the rows in memory.
 * <p>
 * Writes: a document's row is copied from the read model after each status change ({@link #refresh}), into its
 * bucket (by a stable hash of its id) by read, modify and a write guarded by the bucket's revision (a unique
 * {@code {_id, rev}} index, so the guard is a look-up too); a row never replaces one copied at a later document
 * revision. A listing missing from a store (one written before it existed) is built from the read model on first use.
 */
@ApplicationScoped
public class ListingRepository {

    /** Buckets of rows: about 800 rows (~200 KB) each at 100,000 reports; a write rewrites one bucket. */
    static final int BUCKETS = 128;
    private static final String DIR = "dir";
    private static final int WRITE_ATTEMPTS = 50;
    /** Rows as JSON: plain Jackson, independent of the application's JSON settings, since the stored format is ours. */
    private static final ObjectMapper ROWS = new ObjectMapper();
    private static final TypeReference<List<ListingRow>> ROW_LIST = new TypeReference<>() {
    };

    private record Bucket(long rev, List<ListingRow> rows) {
    }

    private final MongoCollection<Document> listing;
    private final MongoCollection<Document> documents;
    private final Map<String, Bucket> cache = new ConcurrentHashMap<>();
    private volatile boolean built;

    public ListingRepository(MongoClient mongo, IngestConfig config) {
        var db = mongo.getDatabase(config.storage().database());
        this.listing = db.getCollection("workbench.listing");
        this.documents = db.getCollection("documents");
    }

    /** Copies one document's summary from the read model into its row (after a status change). */
    public void refresh(String documentId) {
        ensureBuilt();
        Document d = documents.find(eq("_id", documentId)).projection(Projections.include(ListingRow.FIELDS)).first();
        if (d != null) {
            put(List.of(ListingRow.of(d)));
        }
    }

    /**
     * Writes rows into their buckets (one read and one guarded write per bucket touched), each unless its bucket
     * holds a copy of the same document at the same or a later revision. Bulk: the benchmark's preload and the build.
     */
    public void put(List<ListingRow> rows) {
        Map<String, List<ListingRow>> byBucket = new HashMap<>();
        for (ListingRow row : rows) {
            byBucket.computeIfAbsent(bucketOf(row.id()), b -> new ArrayList<>()).add(row);
        }
        byBucket.forEach(this::merge);
    }

    private void merge(String bucketId, List<ListingRow> incoming) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            // First from the copy held in memory: the write below is guarded by its revision, so a copy another
            // instance has outdated only costs one more attempt, which reads the bucket from the store.
            Bucket held = attempt == 0 ? cache.get(bucketId) : null;
            Document stored = held != null ? null : listing.find(eq("_id", bucketId)).first();
            boolean exists = held != null || stored != null;
            long rev = held != null ? held.rev() : stored == null ? 0 : stored.get("rev", Number.class).longValue();
            Map<String, ListingRow> rows = new LinkedHashMap<>();
            for (ListingRow row : held != null ? held.rows() : stored != null ? unpack(stored) : List.<ListingRow>of()) {
                rows.put(row.id(), row);
            }
            boolean changed = false;
            for (ListingRow row : incoming) {
                ListingRow old = rows.get(row.id());
                if (old == null || old.rev() < row.rev()) {
                    rows.put(row.id(), row);
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
            List<ListingRow> next = new ArrayList<>(rows.values());
            Document replacement = new Document("_id", bucketId).append("rev", rev + 1).append("rows", pack(next));
            boolean written;
            if (!exists) {
                written = insert(replacement);
            } else {
                // a plain {_id, rev} filter: the embedded server serves it from the unique {_id, rev} index
                written = listing.replaceOne(new Document("_id", bucketId).append("rev", rev), replacement).getModifiedCount() > 0;
            }
            if (written) {
                cache.put(bucketId, new Bucket(rev + 1, List.copyOf(next)));
                listing.updateOne(eq("_id", DIR), new Document("$max", new Document("revs." + bucketId, rev + 1)),
                        new UpdateOptions().upsert(true));
                return;
            }
        }
        throw new IllegalStateException("listing bucket " + bucketId + " kept changing during " + WRITE_ATTEMPTS + " attempts");
    }

    private boolean insert(Document bucket) {
        try {
            listing.insertOne(bucket);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Every row, as of now: reads the directory, then only the buckets whose revision differs from the copy held in
     * memory ({@code _id $in}). The list is a fresh one the caller may sort.
     */
    public List<ListingRow> rows() {
        ensureBuilt();
        Document dir = listing.find(eq("_id", DIR)).first();
        Document revs = dir == null ? new Document() : dir.get("revs", new Document());
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, Object> e : revs.entrySet()) {
            Bucket held = cache.get(e.getKey());
            if (held == null || held.rev() < ((Number) e.getValue()).longValue()) {
                stale.add(e.getKey());
            }
        }
        if (!stale.isEmpty()) {
            for (Document bucket : listing.find(in("_id", stale))) {
                long rev = bucket.get("rev", Number.class).longValue();
                cache.merge(bucket.getString("_id"), new Bucket(rev, unpack(bucket)), (a, b) -> a.rev() >= b.rev() ? a : b);
            }
        }
        List<ListingRow> all = new ArrayList<>();
        for (String bucketId : revs.keySet()) {
            Bucket held = cache.get(bucketId);
            if (held != null) {
                all.addAll(held.rows());
            }
        }
        return all;
    }

    /** Forgets the rows held in memory (the benchmark's cold reads). */
    public void forgetCached() {
        cache.clear();
    }

    /**
     * Builds the listing from the read model when the store has none (a store written before it existed): one pass
     * over {@code documents}, then one write per bucket. Marked built in the directory once done.
     */
    synchronized void ensureBuilt() {
        if (built) {
            return;
        }
        listing.createIndex(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true));
        Document dir = listing.find(eq("_id", DIR)).first();
        if (dir == null || !Boolean.TRUE.equals(dir.getBoolean("built"))) {
            List<ListingRow> rows = new ArrayList<>();
            for (Document d : documents.find().projection(Projections.include(ListingRow.FIELDS))) {
                rows.add(ListingRow.of(d));
                if (rows.size() == 10_000) {
                    put(rows);
                    rows.clear();
                }
            }
            put(rows);
            listing.updateOne(eq("_id", DIR), new Document("$set", new Document("built", true)), new UpdateOptions().upsert(true));
        }
        built = true;
    }

    static String bucketOf(String documentId) {
        return "b" + Math.floorMod(documentId.hashCode(), BUCKETS);
    }

    private static Binary pack(List<ListingRow> rows) {
        try {
            return new Binary(ROWS.writeValueAsBytes(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ListingRow> unpack(Document bucket) {
        try {
            return ROWS.readValue(bucket.get("rows", Binary.class).getData(), ROW_LIST);
        } catch (IOException e) {
            throw new IllegalStateException("a listing bucket is not a JSON list of rows", e);
        }
    }
}
