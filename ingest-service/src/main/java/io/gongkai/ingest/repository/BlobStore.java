package io.gongkai.ingest.repository;

import com.mongodb.client.MongoClient;
import io.gongkai.common.store.BlobBucket;
import io.gongkai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.Optional;

/**
 * The raw bytes of every submitted document, stored once under their SHA-256 in ingest's store: the claim check that
 * reports.raw carries and extract-service reads. The layout is service-common's {@link BlobBucket}.
 */
@ApplicationScoped
public class BlobStore {

    private final BlobBucket bucket;

    public BlobStore(MongoClient mongo, IngestConfig config) {
        this.bucket = new BlobBucket(mongo.getDatabase(config.storage().database()), config.storage().bucket());
    }

    public boolean exists(String sha256) {
        return bucket.exists(sha256);
    }

    /** Stores the bytes unless a blob with this hash is already there. */
    public void storeIfAbsent(String sha256, byte[] bytes, String contentType) {
        bucket.storeIfAbsent(sha256, bytes, contentType);
    }

    /** The stored bytes of a document, streamed; empty when no blob has this hash. The caller closes the stream. */
    public Optional<InputStream> open(String sha256) {
        return bucket.open(sha256);
    }
}
