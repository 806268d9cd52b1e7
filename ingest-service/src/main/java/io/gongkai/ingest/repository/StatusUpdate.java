package io.gongkai.ingest.repository;

import io.gongkai.model.events.DocumentStatus;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * One status change of a document of the read model, as learnt from reports.extracted or reports.validated: what
 * {@link DocumentRepository#apply} writes, typed, so that services never build stored documents by field name.
 *
 * @param onlyBelowVersion when not null, applied only if the stored validation version is lower
 * @param summary          the report's summary fields (null when the event has no report)
 * @param reading          the report's provenance and extraction findings, packed ({@link DocumentRepository#packReading}):
 *                         kept even when the document is already past EXTRACTED
 * @param payload          the report and findings, packed ({@link DocumentRepository#packPayload})
 */
public record StatusUpdate(String documentId, DocumentStatus next, Long onlyBelowVersion, Summary summary,
        String error, String detectedType, String encoding, Binary reading, Binary payload, Validation validation) {

    /** The fields the list endpoint and the workbench filter, sort and count on. */
    public record Summary(String agency, Integer year, String templateVersion, String administrativeLevel,
            List<String> regionCodes, boolean government) {
    }

    /**
     * A validated document's counts and review summary.
     *
     * @param problemKeys each finding as {@code severity:code}
     */
    public record Validation(long errors, long warnings, String ruleSetVersion, long version, Instant validatedAt,
            boolean late, boolean copied, List<String> problemKeys) {
    }

    public static StatusUpdate failed(String documentId, String error, String detectedType) {
        return new StatusUpdate(documentId, DocumentStatus.FAILED, null, null, error, detectedType, null, null, null, null);
    }

    public static StatusUpdate extracted(String documentId, Summary summary, String detectedType, String encoding, Binary reading) {
        return new StatusUpdate(documentId, DocumentStatus.EXTRACTED, null, summary, null, detectedType, encoding, reading, null, null);
    }

    public static StatusUpdate validated(String documentId, Summary summary, Binary payload, Validation validation) {
        return new StatusUpdate(documentId, DocumentStatus.VALIDATED, validation.version(), summary, null, null, null, null,
                payload, validation);
    }

    /** The fields set with the status (the stored shape is that of earlier versions). */
    Document fields() {
        Document d = new Document();
        if (summary != null) {
            d.append("agency", summary.agency()).append("year", summary.year()).append("templateVersion", summary.templateVersion())
                    .append("administrativeLevel", summary.administrativeLevel())
                    .append("regionCodes", summary.regionCodes())
                    .append("government", summary.government());
        }
        switch (next) {
            case FAILED -> d.append("error", error).append("detectedType", detectedType);
            case EXTRACTED -> {
                d.append("detectedType", detectedType).append("encoding", encoding);
                if (reading != null) {
                    d.append(DocumentRepository.READING, reading);
                }
            }
            case VALIDATED -> d.append(DocumentRepository.PAYLOAD, payload)
                    .append("errors", validation.errors())
                    .append("warnings", validation.warnings())
                    .append("ruleSetVersion", validation.ruleSetVersion())
                    .append("validationVersion", validation.version())
                    .append("validatedAt", Date.from(validation.validatedAt()))
                    .append("late", validation.late())
                    .append("copied", validation.copied())
                    .append("problemKeys", validation.problemKeys())
                    .append("problems", validation.problemKeys().size());
            default -> throw new IllegalArgumentException("no status update to " + next);
        }
        return d;
    }
}
