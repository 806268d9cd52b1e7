package io.gongkai.extract.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import io.gongkai.extract.config.ExtractConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** Reads a document's bytes from the front door's blob bucket by SHA-256: the claim check of reports.raw. */
@ApplicationScoped
public class RawBlobRepository {

    private final GridFSBucket bucket;

    public RawBlobRepository(MongoClient mongo, ExtractConfig config) {
        this.bucket = GridFSBuckets.create(mongo.getDatabase(config.blobs().database()), config.blobs().bucket());
    }

    /** The blob's size, or empty when no blob has this hash. */
    public Optional<Long> size(String sha256) {
        GridFSFile file = bucket.find(Filters.eq("filename", sha256)).first();
        return Optional.ofNullable(file).map(GridFSFile::getLength);
    }

    public byte[] read(String sha256) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bucket.downloadToStream(sha256, out);
        return out.toByteArray();
    }
}
