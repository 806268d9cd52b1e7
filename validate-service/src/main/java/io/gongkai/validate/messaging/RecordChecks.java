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
import java.util.ArrayList;
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

    /** A batch of reports.extracted records: their events as read (or why they cannot be), and the batch's checks. */
    public record ExtractedBatch(List<Object> events, ValidationService.Batch batch) {
    }

    /**
     * Reads a batch's records and the stored summaries of their documents (one query; a store that does not answer leaves
     * each record to read its own, under the outage policy).
     */
    public ExtractedBatch extractedBatch(List<String> payloads, List<String> claimants) {
        List<Object> events = new ArrayList<>(payloads.size());
        List<String> ids = new ArrayList<>();
        for (String payload : payloads) {
            try {
                ExtractedEvent event = json.read(payload, ExtractedEvent.class);
                events.add(event);
                ids.add(event.documentId());
            } catch (JsonProcessingException | RuntimeException e) {
                events.add(e);
            }
        }
        ValidationService.Batch batch;
        try {
            batch = validation.batch(claimants, ids);
        } catch (RuntimeException e) {
            batch = validation.batch(claimants, List.of());
        }
        return new ExtractedBatch(events, batch);
    }

    /**
     * reports.extracted: the report's own result; the stored neighbours whose findings it may change are checked at the
     * end of the batch ({@link #recheck}).
     */
    @ApplyGuard(OutageRetry.NAME)
    public List<ValidatedEvent> extracted(ExtractedBatch batch, int index, String claimant) throws Exception {
        Object event = batch.events().get(index);
        if (event instanceof Exception e) {
            throw e;
        }
        return validation.validate((ExtractedEvent) event, claimant, batch.batch());
    }

    /** A stored neighbour the batch's records affected, checked once after their own checks; its event when it changed. */
    @ApplyGuard(OutageRetry.NAME)
    public Optional<ValidatedEvent> recheck(ExtractedBatch batch, String documentId) {
        return validation.recheck(documentId, batch.batch());
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
