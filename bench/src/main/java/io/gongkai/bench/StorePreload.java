package io.gongkai.bench;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.gongkai.bench.ReportVariants.Format;
import io.gongkai.common.store.PackedJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * A store filled as if {@code N} more reports had gone through the pipeline, written straight into it with bulk inserts.
 *
 * <p>The services' own code writes the shapes: one cycle of variants ({@link ReportVariants#cycle}: every sample in every
 * year of one agency) goes through the running pipeline first (the seeds); then every entry the seeds left keyed by
 * them is copied for each preloaded variant of the same sample and year, with the seed's document id, content digest,
 * file name and county replaced by the variant's everywhere (in packed values too: {@link PackedJson}), and the
 * variant's own bytes in place of the seed's stored file. Nothing here names a field of an entry, so a new field a
 * service writes is copied as well. Which entries are a seed's is found by their {@code _id}: the document id (ingest's
 * read model, validate's result and narrative), the content digest (the stored file), or a key naming the seed's
 * county (validate's agency-year look-up).
 *
 * <p>Three stores are shared by many reports and are written as the services would after the same reports:
 * validate's narrative bands (each copy joins its seed's bands, up to a band's capacity), validate's OUTLIER
 * histograms (the seeds' counts, once more per copy of each seed) and ingest's workbench listing (ingest's own
 * {@code ListingRepository} copies each preloaded document's row, as after its status change).
 *
 * <p>What a copy does not have: the variant's own first count (共计 N) in the stored texts (the seed's is kept; the
 * values and findings do not depend on it), and its own narrative signature (the seed's: the same text but for the
 * county and that count, so the same or nearly the same bands).
 */
final class StorePreload {

    /**
     * Documents a narrative band lists at most: {@code ValidatedReportRepository.BAND_CAPACITY}, package-private in
     * validate-service (with the band entry's field names below); a shared constant would need that repository's
     * layout in a module the bench may depend on (validate-service is a Quarkus application, not a library).
     */
    static final int BAND_CAPACITY = 200;
    static final String BANDS = "narrativeBands";
    static final String BAND_DOCUMENTS = "documents";
    static final String BAND_SIZE = "n";
    /** validate's OUTLIER histograms (one entry per administrative level, counts kept by {@code $inc}). */
    static final String PEER_VALUES = "peerValues";
    /** Variants copied per bulk write. */
    private static final int BATCH = 500;

    /** A seed: a variant that went through the pipeline, with what the store knows it by. */
    record Seed(long index, String documentId, String sha256, String place, byte[] bytes, String fileName) {
    }

    /** One entry a seed left: its database and collection, and the entry as stored. */
    record Entry(String database, String collection, Document document) {
    }

    /** What was written: reports preloaded and entries inserted. */
    record Result(long reports, long entries, double seconds) {
    }

    private final MongoClient client;
    private final List<String> databases;
    private final ReportVariants variants;

    StorePreload(MongoClient client, List<String> databases, ReportVariants variants) {
        this.client = client;
        this.databases = databases;
        this.variants = variants;
    }

    /** The seed made of variant {@code index} (a text report), as the bench submits it, and its document id. */
    Seed seed(long index, String documentId) {
        byte[] bytes = variants.variant(index, Format.TEXT);
        String sha = sha256(bytes);
        if (!sha.startsWith(documentId)) {
            // ingest names a document by a prefix of its digest (DocumentIntakeService.documentId); a copy's id is made alike
            throw new IllegalStateException("document " + documentId + " is not named after its digest " + sha);
        }
        return new Seed(index, documentId, sha, variants.place(index), bytes, fileName(index));
    }

    static String fileName(long index) {
        return "bench-" + index + Format.TEXT.extension;
    }

    /** The OUTLIER histograms now, to tell the seeds' counts from those before them. */
    Map<String, Document> peerValues() {
        Map<String, Document> out = new HashMap<>();
        MongoCollection<Document> peers = validateDatabase().getCollection(PEER_VALUES);
        peers.find().forEach(d -> out.put(String.valueOf(d.get("_id")), d));
        return out;
    }

    /** Every entry the seeds left keyed by them, per seed (see the class comment). */
    Map<Seed, List<Entry>> entriesOf(List<Seed> seeds) {
        Map<Seed, List<Entry>> out = new LinkedHashMap<>();
        seeds.forEach(s -> out.put(s, new ArrayList<>()));
        Map<String, Seed> byKey = new HashMap<>();
        for (Seed s : seeds) {
            byKey.put(s.documentId(), s);
            byKey.put(s.sha256(), s);
        }
        Pattern places = Pattern.compile(String.join("|", seeds.stream().map(s -> Pattern.quote(s.place())).toList()));
        for (String db : databases) {
            MongoDatabase database = client.getDatabase(db);
            for (String name : database.listCollectionNames()) {
                if (name.startsWith("system.") || name.equals(BANDS) || name.equals(PEER_VALUES)) {
                    continue;
                }
                MongoCollection<Document> collection = database.getCollection(name);
                boolean keyedByDocument = false;
                for (Document d : collection.find(in("_id", List.copyOf(byKey.keySet())))) {
                    out.get(byKey.get(String.valueOf(d.get("_id")))).add(new Entry(db, name, d));
                    keyedByDocument = true;
                }
                if (keyedByDocument) {
                    continue; // a collection keyed by document holds nothing else of theirs
                }
                // entries whose key names a seed's county (one scan of the collection; regex on the _id only)
                for (Document d : collection.find(new Document("_id", places))) {
                    String id = String.valueOf(d.get("_id"));
                    seeds.stream().filter(s -> id.contains(s.place())).findFirst()
                            .ifPresent(s -> out.get(s).add(new Entry(db, name, d)));
                }
            }
        }
        return out;
    }

    /**
     * Writes {@code count} variants from {@code from} on, each copied from the seed of the same sample and year (the
     * seeds are one {@link ReportVariants#cycle}); {@code peersBefore} are the histograms before the seeds went through.
     */
    Result preload(List<Seed> seeds, long from, long count, Map<String, Document> peersBefore, Consumer<List<String>> listing,
            Consumer<String> progress) {
        long started = System.nanoTime();
        long cycle = variants.cycle();
        if (seeds.size() != cycle) {
            throw new IllegalArgumentException("the seeds must be one cycle of " + cycle + " variants, not " + seeds.size());
        }
        Map<Long, Seed> seedByPhase = new HashMap<>();
        seeds.forEach(s -> seedByPhase.put(Math.floorMod(s.index(), cycle), s));
        Map<Seed, List<Entry>> entries = entriesOf(seeds);
        entries.forEach((s, e) -> {
            if (e.isEmpty()) {
                throw new IllegalStateException("seed " + s.documentId() + " left nothing in the store");
            }
        });
        Map<String, List<String>> bandsOfSeed = bandsOf(seeds);
        Map<String, Integer> bandSizes = new HashMap<>();
        long inserted = 0;
        for (long batchStart = 0; batchStart < count; batchStart += BATCH) {
            int n = (int) Math.min(BATCH, count - batchStart);
            long base = from + batchStart;
            // the copies are made on every core; the store takes them in one bulk insert per collection
            List<Copy> copies = IntStream.range(0, n).parallel().mapToObj(k -> {
                long index = base + k;
                Seed seed = seedByPhase.get(Math.floorMod(index, cycle));
                Seed target = target(index);
                return new Copy(seed, target.sha256().substring(0, seed.documentId().length()), copy(seed, target, entries.get(seed)));
            }).toList();
            Map<String, Map<String, List<Document>>> byCollection = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            Map<String, List<String>> bandAdds = new LinkedHashMap<>();
            for (Copy c : copies) {
                for (Entry e : c.entries()) {
                    byCollection.computeIfAbsent(e.database(), d -> new LinkedHashMap<>())
                            .computeIfAbsent(e.collection(), x -> new ArrayList<>()).add(e.document());
                }
                ids.add(c.documentId());
                for (String band : bandsOfSeed.getOrDefault(c.seed().documentId(), List.of())) {
                    bandAdds.computeIfAbsent(band, b -> new ArrayList<>()).add(c.documentId());
                }
            }
            for (var db : byCollection.entrySet()) {
                for (var coll : db.getValue().entrySet()) {
                    inserted += insert(client.getDatabase(db.getKey()).getCollection(coll.getKey()), coll.getValue());
                }
            }
            addToBands(bandAdds, bandSizes);
            listing.accept(ids);
            long done = batchStart + n;
            if (done % 10_000 == 0 || done == count) {
                progress.accept(String.format("  preloaded %d/%d (%.0f s)", done, count, (System.nanoTime() - started) / 1e9));
            }
        }
        addPeerValues(peersBefore, count / cycle);
        return new Result(count, inserted, (System.nanoTime() - started) / 1e9);
    }

    /** Variant {@code index} as a copy's target (its document id is made from the seed's, see {@link #copy}). */
    private Seed target(long index) {
        byte[] bytes = variants.variant(index, Format.TEXT);
        return new Seed(index, null, sha256(bytes), variants.place(index), bytes, fileName(index));
    }

    private record Copy(Seed seed, String documentId, List<Entry> entries) {
    }

    /** The seed's entries for variant {@code target}: every occurrence of the seed's names replaced by the variant's. */
    static List<Entry> copy(Seed seed, Seed target, List<Entry> entries) {
        String id = target.sha256().substring(0, seed.documentId().length());
        Map<String, String> names = new LinkedHashMap<>();
        names.put(seed.sha256(), target.sha256()); // before the id, its prefix
        names.put(seed.documentId(), id);
        names.put(seed.fileName(), target.fileName());
        names.put(seed.place(), target.place());
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(new Entry(e.database(), e.collection(), (Document) replace(e.document(), names, seed, target)));
        }
        return out;
    }

    private static Object replace(Object value, Map<String, String> names, Seed seed, Seed target) {
        return switch (value) {
            case null -> null;
            case String s -> replaceAll(s, names);
            case Document d -> {
                Document out = new Document();
                d.forEach((k, v) -> out.put(replaceAll(k, names), replace(v, names, seed, target)));
                yield out;
            }
            case List<?> list -> list.stream().map(v -> replace(v, names, seed, target)).toList();
            case Binary b -> replaceBinary(b, names, seed, target);
            // the stored file's size, beside its bytes
            case Integer i when i == seed.bytes().length -> target.bytes().length;
            case Long l when l == seed.bytes().length -> (long) target.bytes().length;
            default -> value;
        };
    }

    private static Binary replaceBinary(Binary b, Map<String, String> names, Seed seed, Seed target) {
        if (Arrays.equals(b.getData(), seed.bytes())) {
            return new Binary(b.getType(), target.bytes()); // the stored file itself
        }
        if (b.getType() != 0) {
            return b;
        }
        byte[] json;
        try {
            json = PackedJson.unpackJson(b);
        } catch (RuntimeException notPacked) {
            return b; // a signature or other raw bytes
        }
        String text = new String(json, StandardCharsets.UTF_8);
        String replaced = replaceAll(text, names);
        return replaced.equals(text) ? b : PackedJson.packJson(replaced.getBytes(StandardCharsets.UTF_8));
    }

    private static String replaceAll(String s, Map<String, String> names) {
        String out = s;
        for (var e : names.entrySet()) {
            if (out.contains(e.getKey())) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static long insert(MongoCollection<Document> collection, List<Document> documents) {
        try {
            return collection.insertMany(documents, new InsertManyOptions().ordered(false)).getInsertedIds().size();
        } catch (MongoBulkWriteException e) {
            // an entry already there (a preload run again on the same variants) is kept
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                throw e;
            }
            return documents.size() - e.getWriteErrors().size();
        }
    }

    /** The narrative bands each seed is listed in. */
    private Map<String, List<String>> bandsOf(List<Seed> seeds) {
        Map<String, List<String>> out = new HashMap<>();
        List<String> ids = seeds.stream().map(Seed::documentId).toList();
        validateDatabase().getCollection(BANDS).find(in(BAND_DOCUMENTS, ids)).forEach(band -> {
            for (String d : band.getList(BAND_DOCUMENTS, String.class, List.of())) {
                if (ids.contains(d)) {
                    out.computeIfAbsent(d, x -> new ArrayList<>()).add(String.valueOf(band.get("_id")));
                }
            }
        });
        return out;
    }

    /** Adds copies to their seeds' bands as validate does (a band full at {@link #BAND_CAPACITY} takes no more). */
    private void addToBands(Map<String, List<String>> adds, Map<String, Integer> sizes) {
        MongoCollection<Document> bands = validateDatabase().getCollection(BANDS);
        List<String> unknown = adds.keySet().stream().filter(b -> !sizes.containsKey(b)).toList();
        if (!unknown.isEmpty()) {
            unknown.forEach(b -> sizes.put(b, 0));
            bands.find(in("_id", unknown)).forEach(d -> sizes.put(String.valueOf(d.get("_id")),
                    d.get(BAND_SIZE, Number.class) == null ? 0 : d.get(BAND_SIZE, Number.class).intValue()));
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        adds.forEach((band, ids) -> {
            int room = BAND_CAPACITY - sizes.get(band);
            if (room > 0) {
                List<String> taken = ids.subList(0, Math.min(room, ids.size()));
                updates.add(new UpdateOneModel<>(new Document("_id", band), Updates.combine(Updates.addEachToSet(BAND_DOCUMENTS, taken),
                        Updates.inc(BAND_SIZE, taken.size())), new UpdateOptions().upsert(true)));
                sizes.put(band, sizes.get(band) + taken.size());
            }
        });
        if (!updates.isEmpty()) {
            bands.bulkWrite(updates);
        }
    }

    /** The seeds' OUTLIER counts (now less before), {@code times} more: each seed's values, once per copy of it. */
    private void addPeerValues(Map<String, Document> before, long times) {
        MongoCollection<Document> peers = validateDatabase().getCollection(PEER_VALUES);
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (Document level : peers.find()) {
            Document old = before.get(String.valueOf(level.get("_id")));
            List<Bson> incs = new ArrayList<>();
            collectIncrements("", level, old, times, incs);
            if (!incs.isEmpty()) {
                updates.add(new UpdateOneModel<>(new Document("_id", level.get("_id")), Updates.combine(incs)));
            }
        }
        if (!updates.isEmpty()) {
            peers.bulkWrite(updates);
        }
    }

    private static void collectIncrements(String prefix, Document now, Document before, long times, List<Bson> incs) {
        for (var e : now.entrySet()) {
            if (prefix.isEmpty() && e.getKey().equals("_id")) {
                continue;
            }
            String path = prefix + e.getKey();
            Object old = before == null ? null : before.get(e.getKey());
            if (e.getValue() instanceof Document inner) {
                collectIncrements(path + ".", inner, old instanceof Document o ? o : null, times, incs);
            } else if (e.getValue() instanceof Number count) {
                long added = count.longValue() - (old instanceof Number o ? o.longValue() : 0);
                if (added != 0) {
                    incs.add(Updates.inc(path, added * times));
                }
            }
        }
    }

    private MongoDatabase validateDatabase() {
        return client.getDatabase(databases.get(databases.size() - 1));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
