package io.gongkai.extract.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import io.gongkai.extract.config.ExtractConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Reads a document's bytes from the front door's blob store by SHA-256: the claim check of reports.raw. The layout is
 * ingest-service's {@code BlobStore}: {@code BUCKET.blobs} by {@code _id} = SHA-256 (bytes inline when {@code chunks}
 * is 0), else {@code BUCKET.blobChunks} by {@code _id} = SHA-256{@code :n}; every read is an {@code _id} look-up.
 * Blobs of earlier versions, in the GridFS bucket of the same name, are read from there.
 */
@ApplicationScoped
public class RawBlobRepository {

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> chunks;
    private final GridFSBucket legacy;
    private final MongoCollection<Document> legacyFiles;
    private volatile Boolean legacyPresent;

    public RawBlobRepository(MongoClient mongo, ExtractConfig config) {
        MongoDatabase db = mongo.getDatabase(config.blobs().database());
        String bucket = config.blobs().bucket();
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

    /**
     * A stored blob: its size and, for a blob of one chunk (all but the largest), its bytes, read in the same look-up
     * (the store reads the whole entry whatever the projection, so asking for the size first would read it twice).
     */
    public record Blob(String sha256, long size, byte[] inline) {
    }

    /** The blob's size, or empty when no blob has this hash. */
    public Optional<Long> size(String sha256) {
        return find(sha256).map(Blob::size);
    }

    /** The blob with this hash (its bytes inline when it has them), or empty. */
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
}
