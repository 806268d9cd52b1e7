package io.gongkai.extract.repository;

import com.mongodb.client.MongoClient;
import io.gongkai.common.store.BlobBucket;
import io.gongkai.extract.config.ExtractConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Reads a document's bytes from the front door's blob store by SHA-256: the claim check of reports.raw. The layout
 * (every read an {@code _id} look-up) is service-common's {@link BlobBucket}, which ingest-service writes.
 */
@ApplicationScoped
public class RawBlobRepository {

    private final BlobBucket bucket;

    public RawBlobRepository(MongoClient mongo, ExtractConfig config) {
        this.bucket = new BlobBucket(mongo.getDatabase(config.blobs().database()), config.blobs().bucket());
    }

    /** The blob with this hash (its bytes inline when it has them), or empty. */
    public Optional<BlobBucket.Blob> find(String sha256) {
        return bucket.find(sha256);
    }

    /** The bytes of a blob found by {@link #find}: those read with it, else its chunks. */
    public byte[] read(BlobBucket.Blob blob) {
        return bucket.read(blob);
    }
}
