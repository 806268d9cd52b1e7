package io.gongkai.validate.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gongkai.messaging.EventJson;
import io.gongkai.messaging.OutageRetry;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.service.RevalidationJobs;
import io.gongkai.validate.service.ValidationService;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * What one incoming record of each topic yields: the reports.validated events to publish, each claimed for the record
 * (see {@link ValidationService#validate}). MongoDB outages are waited out here rather than dead-lettering a report
 * that was accepted; what still fails is dead-lettered by {@link ValidatedBatches}.
 */
@ApplicationScoped
public class RecordChecks {

    private final ValidationService validation;
    private final RevalidationJobs jobs;
    private final EventJson json;

    public RecordChecks(ValidationService validation, RevalidationJobs jobs, EventJson json) {
        this.validation = validation;
        this.jobs = jobs;
        this.json = json;
    }

    /** reports.extracted: the report's own result, then those of stored neighbours whose findings it changed. */
    @ApplyGuard(OutageRetry.NAME)
    public List<ValidatedEvent> extracted(String payload, String claimant) throws JsonProcessingException {
        return validation.validate(json.read(payload, ExtractedEvent.class), claimant);
    }

    /** reports.revalidate: one document of a re-validation job, checked again; its event when the outcome changed. */
    @ApplyGuard(OutageRetry.NAME)
    public List<ValidatedEvent> revalidation(String payload, String claimant) throws JsonProcessingException {
        RevalidationRequest request = json.read(payload, RevalidationRequest.class);
        if (request.jobId() == null || request.documentId() == null) {
            throw new IllegalArgumentException("a re-validation request needs jobId and documentId");
        }
        Optional<ValidatedEvent> changed = validation.revalidate(request.documentId(), claimant);
        jobs.progress(request.jobId(), changed.isPresent());
        return changed.stream().toList();
    }
}
