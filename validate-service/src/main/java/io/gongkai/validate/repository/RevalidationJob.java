package io.gongkai.validate.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A re-validation job as stored ({@code revalidationJobs}) and as the admin API shows it.
 *
 * @param state  QUEUEING (requests going onto reports.revalidate), RUNNING, DONE or FAILED
 * @param total  the stored reports when queued (first an estimate, then what was queued)
 * @param done   requests checked so far
 * @param changed requests whose outcome changed (and were republished)
 * @param error  why queueing failed, when FAILED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevalidationJob(String jobId, String state, String ruleSetVersion, long total, long queued, long done, long changed,
        Instant startedAt, Instant finishedAt, String error) {
}
