package io.gongkai.validate.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.gongkai.validate.config.ValidateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** Re-validation jobs and their progress ({@code revalidationJobs}); counters move by $inc, so consumers may run in parallel. */
@ApplicationScoped
public class RevalidationJobRepository {

    private final MongoCollection<Document> jobs;

    public RevalidationJobRepository(MongoClient mongo, ValidateConfig config) {
        this.jobs = mongo.getDatabase(config.storage().database()).getCollection("revalidationJobs");
    }

    public void create(String jobId, long total, String ruleSetVersion) {
        jobs.insertOne(new Document("_id", jobId).append("state", "QUEUEING").append("total", total).append("queued", 0L)
                .append("done", 0L).append("changed", 0L).append("ruleSetVersion", ruleSetVersion).append("startedAt", new Date()));
    }

    public Optional<RevalidationJob> find(String jobId) {
        return Optional.ofNullable(jobs.find(eq("_id", jobId)).first()).map(RevalidationJobRepository::job);
    }

    private static RevalidationJob job(Document d) {
        return new RevalidationJob(d.getString("_id"), d.getString("state"), d.getString("ruleSetVersion"), count(d, "total"),
                count(d, "queued"), count(d, "done"), count(d, "changed"), instant(d, "startedAt"), instant(d, "finishedAt"),
                d.getString("error"));
    }

    private static long count(Document d, String key) {
        return d.get(key) instanceof Number n ? n.longValue() : 0L;
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }

    /** All requests are on the topic: the real total (reports stored meanwhile included) is now known. */
    public void queued(String jobId, long queued) {
        jobs.updateOne(eq("_id", jobId), Updates.combine(Updates.set("queued", queued), Updates.set("total", queued),
                Updates.set("state", "RUNNING")));
        finishIfDone(jobId);
    }

    public void failed(String jobId, String reason) {
        jobs.updateOne(eq("_id", jobId), Updates.combine(Updates.set("state", "FAILED"), Updates.set("error", reason)));
    }

    /** One document re-checked. */
    public void progress(String jobId, boolean changed) {
        jobs.findOneAndUpdate(eq("_id", jobId), Updates.combine(Updates.inc("done", 1L), Updates.inc("changed", changed ? 1L : 0L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        finishIfDone(jobId);
    }

    private void finishIfDone(String jobId) {
        Document job = jobs.find(eq("_id", jobId)).first();
        if (job != null && "RUNNING".equals(job.getString("state"))
                && ((Number) job.get("done")).longValue() >= ((Number) job.get("queued")).longValue()) {
            jobs.updateOne(eq("_id", jobId), Updates.combine(Updates.set("state", "DONE"), Updates.set("finishedAt", new Date())));
        }
    }
}
