package io.gongkai.model.events;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.time.Instant;
import java.util.List;

/**
 * {@code reports.validated}: a report and its findings. {@code version} grows each time the same
 * document is checked again with a different outcome (a neighbouring year arrived, the rules changed),
 * so subscribers keep the highest version they have seen.
 */
public record ValidatedEvent(
        String documentId,
        String sha256,
        Report report,
        List<Finding> findings,
        String ruleSetVersion,
        long version,
        Instant validatedAt) implements PipelineEvent {
}
