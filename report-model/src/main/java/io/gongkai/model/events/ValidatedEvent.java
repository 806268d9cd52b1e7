package io.gongkai.model.events;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code reports.validated}: a report and its findings. {@code version} grows each time the same
 * document is checked again with a different outcome (a neighbouring year arrived, the rules changed),
 * so subscribers keep the highest version they have seen.
 *
 * <p>The report is sent without what only reading the source needs, which would travel again with every version:
 * its {@code provenance} (where each value was read; on {@code reports.extracted} and in the front door's API) and its
 * {@code extractionFindings} (already among {@code findings}). See {@link #of}.
 */
public record ValidatedEvent(
        String documentId,
        String sha256,
        Report report,
        List<Finding> findings,
        String ruleSetVersion,
        long version,
        Instant validatedAt) implements PipelineEvent {

    /** The event for a checked report: the report without its provenance and extraction findings (see above). */
    public static ValidatedEvent of(String documentId, String sha256, Report report, List<Finding> findings, String ruleSetVersion,
            long version, Instant validatedAt) {
        Report lean = new Report(report.agency(), report.year(), report.administrativeLevel(), report.publishedOn(),
                report.templateVersion(), report.activeDisclosure(), report.applications(), report.reviewsAndLawsuits(), Map.of(),
                report.units(), report.sections(), List.of(), report.region(), report.agencyResolution());
        return new ValidatedEvent(documentId, sha256, lean, findings, ruleSetVersion, version, validatedAt);
    }
}
