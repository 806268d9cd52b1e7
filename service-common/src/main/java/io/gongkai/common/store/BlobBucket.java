package io.gongkai.common.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The raw bytes of every document, stored once under their SHA-256 and found by {@code _id} only, so every look-up is
 * an index look-up on a real MongoDB and on the embedded server alike (GridFS finds files by name and chunks by
 * {@code files_id}, which the embedded server answers by scanning). The one home of the layout that ingest-service
 * writes ({@code BlobStore}) and extract-service reads ({@code RawBlobRepository}), the claim check of reports.raw:
 * <ul>
 * <li>{@code BUCKET.blobs}: {@code _id} = SHA-256, {@code size}, {@code declaredContentType}, {@code chunks} and, when
 * {@code chunks} is 0, the bytes in {@code data};</li>
 * <li>{@code BUCKET.blobChunks}: the bytes of larger blobs, {@code _id} = SHA-256{@code :n}, written before the head,
 * so a blob whose head is found is complete.</li>
 * </ul>
 * Blobs that earlier versions stored in the GridFS bucket of the same name are still found.
 */
public final class BlobBucket {

    /** Bytes per document: well under MongoDB's 16 MB document limit. */
    public static final int CHUNK_BYTES = 4 << 20;

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> chunks;
    private final GridFSBucket legacy;
    private final MongoCollection<Document> legacyFiles;
    private volatile Boolean legacyPresent;

    /** A stored blob: its size and, for a blob of one chunk (all but the largest), its bytes, read in the same look-up. */
    public record Blob(String sha256, long size, byte[] inline) {
    }

    public BlobBucket(MongoDatabase db, String bucket) {
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

    /**
     * The blob with this hash (its bytes inline when it has them), or empty. The store reads the whole entry whatever
     * the projection, so the size and the bytes of a one-chunk blob come in one look-up.
     */
    public Optional<Blob> find(String sha256) {
        Document head = heads.find(eq("_id", sha256)).first();
        if (head != null) {
            Number chunkCount = head.get("chunks", Number.class);
            byte[] inline = chunkCount != null && chunkCount.intValue() == 0 ? head.get("data", Binary.class).getData() : null;
            return Optional.of(new Blob(sha256, head.get("size", Number.class).longValue(), inline));
        }
        GridFSFile file = legacyPresent() ? legacy.find(Filters.eq("filename", sha256)).first() : null;
        return Optional.ofNullable(file).map(f -> new Blob(sha256, f.getLength(), null));
    }

    /** The bytes of a blob found by {@link #find}: those read with it, else its chunks. */
    public byte[] read(Blob blob) {
        return blob.inline() != null ? blob.inline() : read(blob.sha256());
    }

    /** The whole bytes of a blob, its chunks read in one look-up. */
    public byte[] read(String sha256) {
        Document head = heads.find(eq("_id", sha256)).first();
        if (head == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            legacy.downloadToStream(sha256, out);
            return out.toByteArray();
        }
        int count = head.get("chunks", Number.class).intValue();
        if (count == 0) {
            return head.get("data", Binary.class).getData();
        }
        List<String> ids = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ids.add(sha256 + ":" + n);
        }
        Map<String, byte[]> parts = new HashMap<>();
        chunks.find(in("_id", ids)).forEach(d -> parts.put(d.getString("_id"), d.get("data", Binary.class).getData()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.get("size", Number.class).intValue());
        for (String id : ids) {
            byte[] part = parts.get(id);
            if (part == null) {
                throw new IllegalStateException("blob " + sha256 + " lacks its chunk " + id);
            }
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The stored bytes, streamed one chunk at a time (a large original is never held whole); empty when absent. */
    public Optional<InputStream> open(String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        Document head = heads.find(eq("_id", sha256)).first();
        if (head == null) {
            return legacyPresent() && legacy.find(Filters.eq("filename", sha256)).first() != null
                    ? Optional.of(legacy.openDownloadStream(sha256)) : Optional.empty();
        }
        int n = head.get("chunks", Number.class).intValue();
        if (n == 0) {
            return Optional.of(new ByteArrayInputStream(head.get("data", Binary.class).getData()));
        }
        Iterator<InputStream> parts = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> (InputStream) new ByteArrayInputStream(
                        chunks.find(eq("_id", sha256 + ":" + i)).first().get("data", Binary.class).getData()))
                .iterator();
        return Optional.of(new SequenceInputStream(Collections.enumeration(new java.util.AbstractList<InputStream>() {
            @Override
            public InputStream get(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int size() {
                return n;
            }

            @Override
            public Iterator<InputStream> iterator() {
                return parts;
            }
        })));
    }
}
