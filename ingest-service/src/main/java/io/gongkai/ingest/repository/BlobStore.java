package io.gongkai.ingest.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.gongkai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The raw bytes of every document, stored once under their SHA-256, found by {@code _id} only (so every look-up is an
 * index look-up, on a real MongoDB and on the embedded server alike; GridFS finds files by name and chunks by
 * {@code files_id}, which the embedded server answers by scanning). {@code BUCKET.blobs}: {@code _id} = SHA-256,
 * {@code size}, {@code declaredContentType}, {@code chunks} and, when {@code chunks} is 0, the bytes in {@code data};
 * larger blobs keep their bytes in {@code BUCKET.blobChunks} as {@code _id} = SHA-256{@code :n}. The chunks are written
 * before the head, so a blob whose head is found is complete. Blobs stored by earlier versions in the GridFS bucket
 * of the same name are still found.
 */
@ApplicationScoped
public class BlobStore {

    /** Bytes per document: well under MongoDB's 16 MB document limit. */
    static final int CHUNK_BYTES = 4 << 20;

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> chunks;
    private final GridFSBucket legacy;
    private final MongoCollection<Document> legacyFiles;
    private volatile Boolean legacyPresent;

    public BlobStore(MongoClient mongo, IngestConfig config) {
        MongoDatabase db = mongo.getDatabase(config.storage().database());
        String bucket = config.storage().bucket();
        this.heads = db.getCollection(bucket + ".blobs");
        this.chunks = db.getCollection(bucket + ".blobChunks");
        this.legacy = GridFSBuckets.create(db, bucket);
        this.legacyFiles = db.getCollection(bucket + ".files");
    }

    /** Whether an earlier version stored blobs in GridFS: asked once, so a store without any never scans for them. */
    private boolean legacyPresent() {
        if (legacyPresent == null) {
            legacyPresent = legacyFiles.estimatedDocumentCount() > 0;
        }
        return legacyPresent;
    }

    public boolean exists(String sha256) {
        return heads.find(eq("_id", sha256)).projection(Projections.include("_id")).first() != null
                || legacyPresent() && legacy.find(Filters.eq("filename", sha256)).first() != null;
    }

    /** Stores the bytes unless a blob with this hash is already there (a blob of an earlier version's GridFS bucket too). */
    public void storeIfAbsent(String sha256, byte[] bytes, String contentType) {
        // A small blob is inserted outright (a duplicate key means it is there): one store operation instead of two.
        // Chunked blobs, and stores holding an earlier version's GridFS bucket, are looked up first.
        if ((bytes.length > CHUNK_BYTES || legacyPresent()) && exists(sha256)) {
            return;
        }
        Document head = new Document("_id", sha256).append("size", (long) bytes.length).append("declaredContentType", contentType);
        if (bytes.length <= CHUNK_BYTES) {
            head.append("chunks", 0).append("data", new Binary(bytes));
        } else {
            int n = 0;
            for (int from = 0; from < bytes.length; from += CHUNK_BYTES, n++) {
                Document chunk = new Document("_id", sha256 + ":" + n)
                        .append("data", new Binary(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_BYTES))));
                chunks.replaceOne(eq("_id", chunk.getString("_id")), chunk, new ReplaceOptions().upsert(true));
            }
            head.append("chunks", n);
        }
        try {
            heads.insertOne(head);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e; // a concurrent submit of the same bytes stored it first: fine
            }
        }
    }

    /** The stored bytes of a document, streamed; empty when no blob has this hash. The caller closes the stream. */
    public java.util.Optional<java.io.InputStream> open(String sha256) {
        if (sha256 == null) {
            return java.util.Optional.empty();
        }
        Document head = heads.find(eq("_id", sha256)).first();
        if (head == null) {
            return legacyPresent() && legacy.find(Filters.eq("filename", sha256)).first() != null
                    ? java.util.Optional.of(legacy.openDownloadStream(sha256)) : java.util.Optional.empty();
        }
        int n = head.get("chunks", Number.class).intValue();
        if (n == 0) {
            return java.util.Optional.of(new java.io.ByteArrayInputStream(head.get("data", Binary.class).getData()));
        }
        // One chunk at a time, by _id, so a large original is never held whole.
        java.util.Iterator<java.io.InputStream> parts = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> (java.io.InputStream) new java.io.ByteArrayInputStream(
                        chunks.find(eq("_id", sha256 + ":" + i)).first().get("data", Binary.class).getData()))
                .iterator();
        return java.util.Optional.of(new java.io.SequenceInputStream(java.util.Collections.enumeration(
                new java.util.AbstractList<java.io.InputStream>() {
                    public java.io.InputStream get(int i) {
                        throw new UnsupportedOperationException();
                    }

                    public int size() {
                        return n;
                    }

                    public java.util.Iterator<java.io.InputStream> iterator() {
                        return parts;
                    }
                })));
    }
}
