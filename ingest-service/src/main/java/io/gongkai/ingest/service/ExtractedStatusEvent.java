package io.gongkai.ingest.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.gongkai.model.Region;
import io.gongkai.model.events.PipelineEvent;

/**
 * What ingest reads of a {@code reports.extracted} record ({@code ExtractedEvent}): the status, the fields of the
 * listing, and the reading (provenance, extraction findings) kept as Jackson tokens, to be packed as they came. The
 * tables, units and sections (most of a ~52 KB record besides the provenance) are skipped unbound: ingest takes the
 * report from {@code reports.validated}. Binding the whole report, then writing its provenance back to JSON, was a
 * tenth of ingest's CPU in a bench profile (docs/performance.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractedStatusEvent(String documentId, String status, String error, String detectedType, String encoding,
        Reading report) implements PipelineEvent {

    /** The report's listing fields and its reading, as tokens (null when the record has none). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reading(String agency, Integer year, String administrativeLevel, String templateVersion, Region region,
            TokenBuffer provenance, TokenBuffer extractionFindings) {
    }
}
