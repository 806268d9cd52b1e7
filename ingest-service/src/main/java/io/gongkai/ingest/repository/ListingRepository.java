package io.gongkai.ingest.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.fasterxml.jackson.annotation.JsonFormat;
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
import io.gongkai.common.store.PackedJson;
import io.gongkai.ingest.config.IngestConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;



import org.bson.Document;
import org.bson.types.Binary;
import org.jboss.logging.Logger;

/**
 * The workbench's slim listing: one {@link ListingRow} per document of the read model, kept in bucket documents of
 * collection {@code workbench.rows}, each holding at most {@value #MAX_ROWS} rows as one deflated JSON binary, and a
 * directory document ({@code _id} {@code dir}) with each bucket's revision.
 * <p>
 * Why: the embedded MongoDB-protocol server answers only {@code _id} (and unique-index) look-ups from an index and
 * scans, deserialising every whole document, for any other query (docs/workbench.md). Every read here is by
 * {@code _id}, and the rows of unchanged buckets are kept in memory between requests: a page reads the directory,
 * then only the buckets whose revision moved, and filters, sorts and counts the rows in memory.
 * <p>
 * Buckets split as the store grows (extendible hashing), so that a write costs the same at any size: a bucket's
 * {@code _id} is {@code h} and a string of bits, and it holds the documents whose id hash starts with those bits.
 * A bucket past {@value #MAX_ROWS} rows is sealed (a guarded write that keeps its rows), its rows are written into
 * buckets one or more bits longer, and the directory swaps it for them in one update. The directory may list a split
 * bucket again (a writer's late revision bump): a listed bucket with a longer listed one under it is not a leaf and
 * is ignored. Whoever finds a sealed bucket still listed (a split cut short) completes the split, which is
 * deterministic from the sealed rows.
 * <p>
 * Writes: a document's row is copied from the read model after each status change ({@link #refresh}), into its leaf
 * bucket by read, modify and a write guarded by the bucket's revision (a unique {@code {_id, rev}} index, so the
 * guard is a look-up too); a row never replaces one copied at a later document revision. A listing missing from a
 * store (one written before it existed) is built on first use from the previous listing or the read model.
 */
@ApplicationScoped
public class ListingRepository {

    private static final Logger LOG = Logger.getLogger(ListingRepository.class);

    /** A bucket's rows at most (~15 KB deflated): what a write rewrites, whatever the store's size. */
    static final int MAX_ROWS = 256;
    private static final String DIR = "dir";
    private static final String ROOT = "h";
    /** Bits of the id hash a bucket may name: far more than any store needs; past it a bucket is not split. */
    private static final int MAX_BITS = 48;
    private static final int WRITE_ATTEMPTS = 50;
    /** Rows as JSON arrays (no field names): plain Jackson, independent of the application's settings, since the format is ours. */
    private static final ObjectMapper ROWS = new ObjectMapper();
    /** The previous listing's rows (JSON objects), read once to build this one. */
    private static final ObjectMapper OBJECT_ROWS = new ObjectMapper();
    private static final TypeReference<List<ListingRow>> ROW_LIST = new TypeReference<>() {
    };

    static {
        ROWS.configOverride(ListingRow.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.ARRAY));
    }

    private record Bucket(long rev, boolean sealed, List<ListingRow> rows) {
    }

    /**
     * All rows as of a directory state (leaf → revision held), handed out as is while nothing changed; sorted in an
     * order of the list (descending: newest first, most errors first…) when first asked: from the previous state's
     * rows in that order when few buckets changed (those buckets' old rows left out, their new ones merged in: a pass,
     * not a sort).
     */
    private static final class Snapshot {
        final Map<String, Long> revs;
        final Map<String, List<ListingRow>> byLeaf;
        final List<ListingRow> rows;
        private final Map<ReportSort, List<ListingRow>> sorted = new EnumMap<>(ReportSort.class);
        /** The previous state's rows by leaf and sorted orders, to merge from (not the previous state itself: no chain). */
        private Map<String, List<ListingRow>> beforeByLeaf;
        private Map<ReportSort, List<ListingRow>> beforeSorted;

        Snapshot(Map<String, Long> revs, Map<String, List<ListingRow>> byLeaf, List<ListingRow> rows, Snapshot previous) {
            this.revs = revs;
            this.byLeaf = byLeaf;
            this.rows = rows;
            if (previous != null) {
                synchronized (previous) {
                    if (!previous.sorted.isEmpty()) {
                        beforeByLeaf = previous.byLeaf;
                        beforeSorted = new EnumMap<>(previous.sorted);
                    }
                }
            }
        }

        synchronized List<ListingRow> sorted(ReportSort sort) {
            List<ListingRow> out = sorted.get(sort);
            if (out == null) {
                Comparator<ListingRow> order = ListingQueries.descending(sort);
                List<ListingRow> was = beforeSorted == null ? null : beforeSorted.get(sort);
                out = was != null ? merged(was, order) : null;
                if (out == null) {
                    List<ListingRow> copy = new ArrayList<>(rows);
                    copy.sort(order);
                    out = Collections.unmodifiableList(copy);
                }
                sorted.put(sort, out);
                if (sorted.size() == ReportSort.values().length) {
                    beforeByLeaf = null;
                    beforeSorted = null;
                }
            }
            return out;
        }

        private List<ListingRow> merged(List<ListingRow> previous, Comparator<ListingRow> order) {
            Set<ListingRow> gone = Collections.newSetFromMap(new IdentityHashMap<>());
            List<ListingRow> added = new ArrayList<>();
            Set<String> leaves = new HashSet<>(beforeByLeaf.keySet());
            leaves.addAll(byLeaf.keySet());
            int changed = 0;
            for (String leaf : leaves) {
                List<ListingRow> was = beforeByLeaf.get(leaf);
                List<ListingRow> now = byLeaf.get(leaf);
                if (was != now) {
                    changed++;
                    if (was != null) {
                        gone.addAll(was);
                    }
                    if (now != null) {
                        added.addAll(now);
                    }
                }
            }
            if (changed * 8 > leaves.size()) {
                return null; // most of it changed: sorting anew is as cheap
            }
            added.sort(order);
            List<ListingRow> out = new ArrayList<>(rows.size());
            int i = 0;
            for (ListingRow r : previous) {
                if (gone.contains(r)) {
                    continue;
                }
                while (i < added.size() && order.compare(added.get(i), r) < 0) {
                    out.add(added.get(i++));
                }
                out.add(r);
            }
            while (i < added.size()) {
                out.add(added.get(i++));
            }
            return Collections.unmodifiableList(out);
        }
    }

    private final MongoCollection<Document> listing;
    private final MongoCollection<Document> previous;
    private final MongoCollection<Document> documents;
    private final Map<String, Bucket> cache = new ConcurrentHashMap<>();
    /** The leaves as last read from the directory or made here; a write to a bucket no longer a leaf is refused by its guard. */
    private volatile Set<String> leaves = Set.of(ROOT);
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), List.of(), null);
    /**
     * Counts and indexes of the rows, brought up to the current snapshot when asked ({@link #index()}): the rows that
     * left and entered since wait in {@link #pendingOut} and {@link #pendingIn}, so that a page that needs no count
     * (the list in its own order) never waits for it. Guarded by {@link #advance}.
     */
    private ListingIndex index = new ListingIndex();
    private final List<ListingRow> pendingOut = new ArrayList<>();
    private final List<ListingRow> pendingIn = new ArrayList<>();
    private final Object advance = new Object();
    private volatile boolean built;

    public ListingRepository(MongoClient mongo, IngestConfig config) {
        var db = mongo.getDatabase(config.storage().database());
        this.listing = db.getCollection("workbench.rows");
        this.previous = db.getCollection("workbench.listing");
        this.documents = db.getCollection("documents");
    }

    /** Reads the rows into memory at start, in the background, so that the first page does not wait for it. */
    void warmUp(@Observes StartupEvent start) {
        Thread.ofVirtual().name("listing-warm-up").start(() -> {
            try {
                index();
            } catch (RuntimeException e) {
                LOG.warnf(e, "reading the workbench listing at start failed; the first page will read it");
            }
        });
    }

    /** Copies one document's summary from the read model into its row (after a status change). */
    public void refresh(String documentId) {
        refresh(List.of(documentId));
    }

    /** The same for several documents (a batch of events): one read by {@code _id $in}, one write per bucket touched. */
    public void refresh(Collection<String> documentIds) {
        ensureBuilt();
        List<ListingRow> rows = new ArrayList<>(documentIds.size());
        var query = documentIds.size() == 1 ? eq("_id", documentIds.iterator().next()) : in("_id", documentIds);
        for (Document d : documents.find(query).projection(Projections.include(ListingRow.FIELDS))) {
            rows.add(ListingRow.of(d));
        }
        put(rows);
    }

    /**
     * Writes rows into their buckets (one read and one guarded write per bucket touched), each unless its bucket
     * holds a copy of the same document at the same or a later revision. Bulk: the benchmark's preload and the build.
     */
    public void put(List<ListingRow> rows) {
        Set<String> known = leaves;
        Map<String, List<ListingRow>> byBucket = new HashMap<>();
        for (ListingRow row : rows) {
            byBucket.computeIfAbsent(leafOf(hash(row.id()), known), b -> new ArrayList<>()).add(row);
        }
        byBucket.forEach(this::merge);
    }

    private void merge(String bucketId, List<ListingRow> incoming) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            // First from the copy held in memory: the write below is guarded by its revision, so a copy another
            // instance has outdated only costs one more attempt, which reads the bucket from the store.
            Bucket held = attempt == 0 ? cache.get(bucketId) : null;
            Bucket bucket = held != null ? held : read(bucketId);
            if (bucket != null && bucket.sealed()) {
                // split (by another writer, or cut short): finish it, then write into the buckets that replaced it
                completeSplit(bucketId, bucket);
                readDirectory();
                put(incoming);
                return;
            }
            Map<String, ListingRow> rows = new LinkedHashMap<>();
            for (ListingRow row : bucket == null ? List.<ListingRow>of() : bucket.rows()) {
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
            List<ListingRow> next = List.copyOf(rows.values());
            long rev = bucket == null ? 0 : bucket.rev();
            boolean split = next.size() > MAX_ROWS && bucketId.length() <= MAX_BITS;
            if (write(bucketId, bucket == null ? null : rev, new Bucket(rev + 1, split, next))) {
                if (split) {
                    completeSplit(bucketId, cache.get(bucketId));
                } else {
                    listing.updateOne(eq("_id", DIR), new Document("$max", new Document("revs." + bucketId, rev + 1)),
                            new UpdateOptions().upsert(true));
                }
                return;
            }
        }
        throw new IllegalStateException("listing bucket " + bucketId + " kept changing during " + WRITE_ATTEMPTS + " attempts");
    }

    /** Writes a bucket guarded by the revision read ({@code null}: absent); false when another write came first. */
    private boolean write(String bucketId, Long readRev, Bucket next) {
        Document replacement = new Document("_id", bucketId).append("rev", next.rev()).append("rows", pack(next.rows()));
        if (next.sealed()) {
            replacement.append("sealed", true);
        }
        boolean written;
        if (readRev == null) {
            written = insert(replacement);
        } else {
            // a plain {_id, rev} filter: the embedded server serves it from the unique {_id, rev} index
            written = listing.replaceOne(new Document("_id", bucketId).append("rev", readRev), replacement).getModifiedCount() > 0;
        }
        if (written) {
            cache.put(bucketId, next);
        }
        return written;
    }

    /**
     * Writes a sealed bucket's rows into the buckets below it (as many bits longer as it takes to keep each within
     * {@value #MAX_ROWS} rows), then swaps it for them in the directory in one update. Safe to repeat: the buckets
     * below are the same for the same sealed rows, and one already there (written since) is left as it is.
     */
    private void completeSplit(String bucketId, Bucket sealed) {
        Map<String, List<ListingRow>> parts = new TreeMap<>();
        partition(bucketId, sealed.rows(), parts);
        Document dir = listing.find(eq("_id", DIR)).first();
        Document revs = dir == null ? new Document() : dir.get("revs", new Document());
        if (leavesOf(revs.keySet()).stream().anyMatch(leaf -> leaf.length() > bucketId.length() && leaf.startsWith(bucketId))) {
            return; // done before: the directory lists the buckets below it
        }
        Document max = new Document();
        parts.forEach((id, rows) -> {
            if (insert(new Document("_id", id).append("rev", 1L).append("rows", pack(rows)))) {
                cache.put(id, new Bucket(1, false, rows));
            }
            max.append("revs." + id, 1L);
        });
        listing.updateOne(eq("_id", DIR), new Document("$unset", new Document("revs." + bucketId, "")).append("$max", max),
                new UpdateOptions().upsert(true));
        Set<String> next = new HashSet<>(leaves);
        next.remove(bucketId);
        next.addAll(parts.keySet());
        leaves = Set.copyOf(leavesOf(next));
        LOG.debugf("listing bucket %s split into %d", bucketId, parts.size());
    }

    private static void partition(String bucketId, List<ListingRow> rows, Map<String, List<ListingRow>> out) {
        List<ListingRow> zero = new ArrayList<>();
        List<ListingRow> one = new ArrayList<>();
        int bit = bucketId.length() - ROOT.length();
        for (ListingRow row : rows) {
            (bitOf(hash(row.id()), bit) == 0 ? zero : one).add(row);
        }
        for (var part : List.of(Map.entry(bucketId + "0", zero), Map.entry(bucketId + "1", one))) {
            if (part.getValue().size() > MAX_ROWS && part.getKey().length() <= MAX_BITS) {
                partition(part.getKey(), part.getValue(), out);
            } else {
                out.put(part.getKey(), part.getValue());
            }
        }
    }

    private Bucket read(String bucketId) {
        Document stored = listing.find(eq("_id", bucketId)).first();
        return stored == null ? null : bucket(stored);
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

    private Document readDirectory() {
        Document dir = listing.find(eq("_id", DIR)).first();
        Document revs = dir == null ? new Document() : dir.get("revs", new Document());
        Set<String> found = leavesOf(revs.keySet());
        leaves = found.isEmpty() ? Set.of(ROOT) : Set.copyOf(found);
        return revs;
    }

    /**
     * Every row, as of now: reads the directory, then only the buckets whose revision differs from the copy held in
     * memory ({@code _id $in}). The list is shared and unmodifiable: copy it to sort it.
     */
    public List<ListingRow> rows() {
        return current().rows;
    }

    /** The same rows, newest first ({@link ListingQueries#NEWEST_FIRST}): sorted once per change of the listing. */
    public List<ListingRow> newestFirst() {
        return sorted(ReportSort.RECEIVED);
    }

    /** The same rows in an order of the list, descending ({@link ListingQueries#descending}). */
    public List<ListingRow> sorted(ReportSort sort) {
        return current().sorted(sort);
    }

    /** Counts and indexes of the rows, as of now ({@link ListingIndex}). */
    ListingIndex index() {
        current();
        synchronized (advance) {
            if (pendingOut.size() + pendingIn.size() > 2L * snapshot.rows.size() + 4 * MAX_ROWS) {
                // more changes waiting than rows: made anew from the rows is cheaper
                index = new ListingIndex();
                index.update(List.of(), snapshot.rows);
            } else if (!pendingOut.isEmpty() || !pendingIn.isEmpty()) {
                index.update(pendingOut, pendingIn);
            }
            pendingOut.clear();
            pendingIn.clear();
            return index;
        }
    }

    private Snapshot current() {
        ensureBuilt();
        Document revs = readDirectory();
        Set<String> current = leaves;
        List<String> stale = new ArrayList<>();
        for (String leaf : current) {
            Bucket held = cache.get(leaf);
            Number rev = revs.get(leaf, Number.class);
            if (rev != null && (held == null || held.rev() < rev.longValue())) {
                stale.add(leaf);
            }
        }
        for (int from = 0; from < stale.size(); from += 500) {
            for (Document stored : listing.find(in("_id", stale.subList(from, Math.min(stale.size(), from + 500))))) {
                cache.merge(stored.getString("_id"), bucket(stored), (a, b) -> a.rev() >= b.rev() ? a : b);
            }
        }
        cache.keySet().retainAll(current);
        Map<String, Long> held = new TreeMap<>();
        for (String leaf : current) {
            Bucket b = cache.get(leaf);
            if (b != null) {
                held.put(leaf, b.rev());
            }
        }
        if (snapshot.revs.equals(held)) {
            return snapshot;
        }
        synchronized (advance) {
            Snapshot last = snapshot;
            if (last.revs.equals(held)) {
                return last;
            }
            List<ListingRow> all = new ArrayList<>();
            Map<String, List<ListingRow>> byLeaf = new HashMap<>();
            for (String leaf : held.keySet()) {
                Bucket bucket = cache.get(leaf);
                List<ListingRow> rows = bucket != null ? bucket.rows() : last.byLeaf.getOrDefault(leaf, List.of());
                byLeaf.put(leaf, rows);
                all.addAll(rows);
            }
            // the index follows the rows (when next asked): the old rows of the buckets that changed out, their new ones in
            List<ListingRow> out = pendingOut;
            List<ListingRow> in = pendingIn;
            Set<String> leaves = new HashSet<>(last.byLeaf.keySet());
            leaves.addAll(byLeaf.keySet());
            for (String leaf : leaves) {
                List<ListingRow> was = last.byLeaf.get(leaf);
                List<ListingRow> now = byLeaf.get(leaf);
                if (was != now) {
                    out.addAll(was == null ? List.of() : was);
                    in.addAll(now == null ? List.of() : now);
                }
            }
            Snapshot next = new Snapshot(held, byLeaf, Collections.unmodifiableList(all), last);
            snapshot = next;
            return next;
        }
    }

    /** Forgets the rows held in memory (the benchmark's cold reads). */
    public void forgetCached() {
        synchronized (advance) {
            cache.clear();
            snapshot = new Snapshot(Map.of(), Map.of(), List.of(), null);
            index = new ListingIndex();
            pendingOut.clear();
            pendingIn.clear();
        }
    }

    /** Buckets in the listing (leaves), for the benchmark's report. */
    public int buckets() {
        return leaves.size();
    }

    /**
     * Builds the listing when the store has none: from the previous listing's 128 buckets when there is one (read by
     * {@code _id}), else from the read model (a store written before either existed: one pass over {@code documents}).
     * Marked built in the directory once done.
     */
    synchronized void ensureBuilt() {
        if (built) {
            return;
        }
        listing.createIndex(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true));
        Document dir = listing.find(eq("_id", DIR)).first();
        if (dir == null || !Boolean.TRUE.equals(dir.getBoolean("built"))) {
            Document old = previous.find(eq("_id", DIR)).first();
            if (old != null && Boolean.TRUE.equals(old.getBoolean("built"))) {
                List<String> ids = new ArrayList<>(old.get("revs", new Document()).keySet());
                for (Document bucket : previous.find(in("_id", ids))) {
                    try {
                        put(OBJECT_ROWS.readValue(bucket.get("rows", Binary.class).getData(), ROW_LIST));
                    } catch (IOException e) {
                        throw new IllegalStateException("a bucket of the previous listing is not a JSON list of rows", e);
                    }
                }
            } else {
                List<ListingRow> rows = new ArrayList<>();
                for (Document d : documents.find().projection(Projections.include(ListingRow.FIELDS))) {
                    rows.add(ListingRow.of(d));
                    if (rows.size() == 10_000) {
                        put(rows);
                        rows.clear();
                    }
                }
                put(rows);
            }
            listing.updateOne(eq("_id", DIR), new Document("$set", new Document("built", true)), new UpdateOptions().upsert(true));
            if (old != null) {
                previous.drop();
            }
        }
        readDirectory();
        built = true;
    }

    /** The id's bits: a 64-bit hash of its characters, mixed (MurmurHash3's finaliser) so that every bit counts. */
    static long hash(String documentId) {
        long h = 1125899906842597L;
        for (int i = 0; i < documentId.length(); i++) {
            h = 31 * h + documentId.charAt(i);
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static int bitOf(long hash, int bit) {
        return (int) (hash >>> (63 - bit)) & 1;
    }

    /** The leaf whose bits start the hash (the root when none of the known leaves does: an empty listing). */
    static String leafOf(long hash, Set<String> leaves) {
        StringBuilder id = new StringBuilder(ROOT);
        for (int bit = 0; bit <= MAX_BITS; bit++) {
            if (leaves.contains(id.toString())) {
                return id.toString();
            }
            id.append(bitOf(hash, bit));
        }
        return ROOT;
    }

    /** The listed buckets that have no listed bucket below them (the others were split; see the class comment). */
    static Set<String> leavesOf(Collection<String> listed) {
        Set<String> split = new HashSet<>();
        for (String id : listed) {
            for (int end = id.length() - 1; end >= ROOT.length(); end--) {
                split.add(id.substring(0, end));
            }
        }
        Set<String> leaves = new HashSet<>();
        for (String id : listed) {
            if (id.startsWith(ROOT) && !split.contains(id)) {
                leaves.add(id);
            }
        }
        return leaves;
    }

    private static Bucket bucket(Document stored) {
        return new Bucket(stored.get("rev", Number.class).longValue(), Boolean.TRUE.equals(stored.getBoolean("sealed")),
                unpack(stored.get("rows", Binary.class)));
    }

    /** Rows as deflated JSON arrays (the same packing as the read model's large values). */
    private static Binary pack(List<ListingRow> rows) {
        try {
            return PackedJson.packJson(ROWS.writeValueAsBytes(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ListingRow> unpack(Binary packed) {
        try {
            return ROWS.readValue(PackedJson.unpackJson(packed), ROW_LIST);
        } catch (IOException e) {
            throw new IllegalStateException("a listing bucket is not deflated JSON rows", e);
        }
    }
}
