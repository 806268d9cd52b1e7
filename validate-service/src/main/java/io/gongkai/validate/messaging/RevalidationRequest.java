package io.gongkai.validate.messaging;

import io.gongkai.model.events.PipelineEvent;

/** One document to check again, as part of a re-validation job (topic reports.revalidate, keyed by document id). */
public record RevalidationRequest(String jobId, String documentId) implements PipelineEvent {
}
