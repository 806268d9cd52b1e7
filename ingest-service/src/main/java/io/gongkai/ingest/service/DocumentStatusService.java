package io.gongkai.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.ingest.repository.DocumentRepository;
import io.gongkai.ingest.repository.ListingRepository;
import io.gongkai.model.Finding;
import io.gongkai.model.GovernmentNames;
import io.gongkai.model.Region;
import io.gongkai.model.Report;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import io.gongkai.model.events.DocumentStatus;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.jboss.logging.Logger;

/** Follows each document through the pipeline from the events of the later topics. */
@ApplicationScoped
public class DocumentStatusService {

    private static final Logger LOG = Logger.getLogger(DocumentStatusService.class);
    /** Finding codes of validate-service (docs/checks.md) that the overview counts. */
    static final String LATE_PUBLICATION = "LATE_PUBLICATION";
    static final String COPIED_TEXT = "COPIED_TEXT";

    private final DocumentRepository documents;
    private final ListingRepository listing;
    private final ObjectMapper json;

    public DocumentStatusService(DocumentRepository documents, ListingRepository listing, ObjectMapper json) {
        this.documents = documents;
        this.listing = listing;
        this.json = json;
    }

    public void onExtracted(ExtractedEvent event) {
        boolean changed;
        if (ExtractedEvent.FAILED.equals(event.status())) {
            changed = documents.transition(event.documentId(), DocumentStatus.FAILED,
                    new Document("error", event.error()).append("detectedType", event.detectedType()), null);
        } else {
            Document fields = summary(event.report()).append("detectedType", event.detectedType()).append("encoding", event.encoding());
            // reports.validated carries the report without these (ValidatedEvent#of); the pages show them.
            Binary reading = event.report() == null ? null : DocumentRepository.packReading(jsonBytes(orderedMap(
                    "provenance", event.report().provenance(), "extractionFindings", event.report().extractionFindings())));
            if (reading != null) {
                fields.append(DocumentRepository.READING, reading);
            }
            changed = documents.transition(event.documentId(), DocumentStatus.EXTRACTED, fields, null);
            if (!changed && reading != null) {
                // already past EXTRACTED (reports.validated was applied first): the reading is still kept
                documents.storeReading(event.documentId(), reading);
            }
        }
        listing.refresh(event.documentId());
        LOG.debugf("document %s %s (%s)", event.documentId(), event.status(), changed ? "applied" : "not newer");
    }

    public void onValidated(ValidatedEvent event) {
        Document fields = summary(event.report())
                .append(DocumentRepository.PAYLOAD, DocumentRepository.packPayload(jsonBytes(orderedMap(
                        "report", event.report(), "findings", event.findings()))))
                .append("errors", event.findings().stream().filter(f -> f.severity().name().equals("error")).count())
                .append("warnings", event.findings().stream().filter(f -> f.severity().name().equals("warning")).count())
                .append("ruleSetVersion", event.ruleSetVersion())
                .append("validationVersion", event.version())
                .append("validatedAt", Date.from(event.validatedAt()));
        fields.putAll(reviewSummary(event.findings()));
        boolean changed = documents.transition(event.documentId(), DocumentStatus.VALIDATED, fields, event.version());
        // the workbench's slim listing follows the read model; refreshed even when the event changed nothing, so a
        // redelivery after a crash between the two writes mends the row (an unchanged row is not rewritten)
        listing.refresh(event.documentId());
        LOG.debugf("document %s VALIDATED v%d (%s)", event.documentId(), event.version(), changed ? "applied" : "not newer");
    }

    /**
     * The fields the list endpoint and the workbench filter, sort and count on, beside the packed report: its region's
     * chain of division codes from the province down (grouping levels left out), so that a region matches every report
     * placed in it or under it and the overview can group by the division just below.
     */
    static Document summary(Report report) {
        Document d = new Document();
        if (report != null) {
            d.append("agency", report.agency()).append("year", report.year()).append("templateVersion", report.templateVersion())
                    .append("administrativeLevel", report.administrativeLevel())
                    .append("regionCodes", regionCodes(report.region()))
                    .append("government", GovernmentNames.isGovernment(report.agency()));
        }
        return d;
    }

    static List<String> regionCodes(Region region) {
        Divisions divisions = Divisions.get();
        Division division = region == null ? null : divisions.byAnyCode(region.code());
        return division == null ? List.of() : divisions.chain(division).stream().map(Division::gbCode).toList();
    }

    /**
     * What the workbench counts per report without unpacking it: whether it was published late or its text copied,
     * and each finding as {@code severity:code} (for the problem list's counts and filters).
     */
    static Document reviewSummary(List<Finding> findings) {
        List<String> keys = findings.stream().map(f -> (f.severity() == null ? "info" : f.severity().name()) + ":" + f.code()).toList();
        return new Document("late", findings.stream().anyMatch(f -> LATE_PUBLICATION.equals(f.code())))
                .append("copied", findings.stream().anyMatch(f -> COPIED_TEXT.equals(f.code())))
                .append("problemKeys", keys)
                .append("problems", keys.size());
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** A value's JSON form, packed as is, so the stored shape is exactly the published one. */
    private byte[] jsonBytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
