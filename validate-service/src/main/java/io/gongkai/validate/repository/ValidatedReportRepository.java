package io.gongkai.validate.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.gongkai.validate.config.ValidateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;

/** validate-service's store: one entry per document id (upserted), with its report, findings and version. */
@ApplicationScoped
public class ValidatedReportRepository {

    private final MongoCollection<Document> reports;
    private final AtomicBoolean indexed = new AtomicBoolean();

    public ValidatedReportRepository(MongoClient mongo, ValidateConfig config) {
        this.reports = mongo.getDatabase(config.storage().database()).getCollection("reports");
    }

    private MongoCollection<Document> collection() {
        if (indexed.compareAndSet(false, true)) {
            try {
                reports.createIndex(Indexes.ascending("agency", "year"));
                reports.createIndex(Indexes.ascending("sha256"), new IndexOptions().unique(false));
            } catch (RuntimeException e) {
                indexed.set(false);
                throw e;
            }
        }
        return reports;
    }

    public Optional<Document> find(String documentId) {
        return Optional.ofNullable(collection().find(eq("_id", documentId)).first());
    }

    public void upsert(String documentId, Document fields) {
        collection().replaceOne(eq("_id", documentId), new Document(fields).append("_id", documentId),
                new ReplaceOptions().upsert(true));
    }
}
