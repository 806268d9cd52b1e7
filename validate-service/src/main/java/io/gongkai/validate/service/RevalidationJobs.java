package io.gongkai.validate.service;

import io.gongkai.validate.repository.RevalidationJob;
import io.gongkai.validate.repository.RevalidationJobRepository;
import io.gongkai.validate.repository.ValidatedReportRepository;
import io.gongkai.rules.RuleCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Re-checks every stored report after the rules changed: a job queues one request per stored document on
 * reports.revalidate (in the background, so that the HTTP answer does not wait for a million sends), the consumers of
 * that topic re-check and republish, and the job document counts their progress.
 */
@ApplicationScoped
public class RevalidationJobs {

    private static final Logger LOG = Logger.getLogger(RevalidationJobs.class);

    private final RevalidationJobRepository jobs;
    private final ValidatedReportRepository reports;
    private final ExecutorService queueing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "revalidation-queueing");
        t.setDaemon(true);
        return t;
    });

    public RevalidationJobs(RevalidationJobRepository jobs, ValidatedReportRepository reports) {
        this.jobs = jobs;
        this.reports = reports;
    }

    /** Starts a job; {@code send} puts one request (job id, document id) on the topic and waits for the broker. */
    public RevalidationJob start(BiConsumer<String, String> send) {
        String jobId = UUID.randomUUID().toString();
        jobs.create(jobId, reports.count(), RuleCatalogue.VERSION);
        queueing.submit(() -> {
            try {
                long[] queued = {0};
                reports.forEachDocumentId(documentId -> {
                    send.accept(jobId, documentId);
                    queued[0]++;
                });
                jobs.queued(jobId, queued[0]);
            } catch (RuntimeException e) {
                LOG.errorf(e, "re-validation job %s could not queue its documents", jobId);
                jobs.failed(jobId, "queueing failed: " + e.getMessage());
            }
        });
        return jobs.find(jobId).orElseThrow();
    }

    public Optional<RevalidationJob> find(String jobId) {
        return jobs.find(jobId);
    }

    public void progress(String jobId, boolean changed) {
        jobs.progress(jobId, changed);
    }
}
