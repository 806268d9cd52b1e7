package io.gongkai.ingest.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import io.gongkai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import org.bson.Document;

/**
 * The raw bytes of every document, stored once under their SHA-256 in a GridFS bucket. GridFS writes
 * the file entry only after all chunks, so a blob that is found is complete.
 */
@ApplicationScoped
public class BlobStore {

    private final GridFSBucket bucket;

    public BlobStore(MongoClient mongo, IngestConfig config) {
        this.bucket = GridFSBuckets.create(mongo.getDatabase(config.storage().database()), config.storage().bucket());
    }

    public boolean exists(String sha256) {
        return bucket.find(Filters.eq("filename", sha256)).first() != null;
    }

    /** Stores the bytes unless a blob with this hash is already there. */
    public void storeIfAbsent(String sha256, byte[] bytes, String contentType) {
        if (exists(sha256)) {
            return;
        }
        GridFSUploadOptions options = new GridFSUploadOptions()
                .metadata(new Document("declaredContentType", contentType).append("size", bytes.length));
        bucket.uploadFromStream(sha256, new ByteArrayInputStream(bytes), options);
    }

    /** The stored bytes of a document, streamed; empty when no blob has this hash. The caller closes the stream. */
    public java.util.Optional<java.io.InputStream> open(String sha256) {
        if (sha256 == null || !exists(sha256)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(bucket.openDownloadStream(sha256));
    }
}
