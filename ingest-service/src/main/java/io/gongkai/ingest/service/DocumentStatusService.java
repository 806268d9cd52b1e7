package io.gongkai.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.ingest.repository.DocumentRepository;
import io.gongkai.ingest.repository.ListingRepository;
import io.gongkai.ingest.repository.StatusUpdate;
import io.gongkai.model.Finding;
import io.gongkai.model.GovernmentNames;
import io.gongkai.model.Region;
import io.gongkai.model.Report;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        apply(List.of(extracted(event)));
    }

    public void onValidated(ValidatedEvent event) {
        apply(List.of(validated(event)));
    }

    /**
     * Applies a batch of updates (from {@link #extracted} and {@link #validated}) in their order: one read and one bulk
     * write of the read model, then the named documents' rows of the workbench's slim listing (one read, then one write
     * per bucket touched). The rows are refreshed even when an update changed nothing, so a redelivery after a crash
     * between the two writes mends the row (an unchanged row is not rewritten).
     */
    public void apply(List<StatusUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        listing.put(documents.listingRows(documents.apply(updates)));
        LOG.debugf("%d status update(s) applied", updates.size());
    }

    /** What reports.extracted tells of a document (pure: no store access). */
    public StatusUpdate extracted(ExtractedEvent event) {
        if (ExtractedEvent.FAILED.equals(event.status())) {
            return StatusUpdate.failed(event.documentId(), event.error(), event.detectedType());
        }
        // reports.validated carries the report without these (ValidatedEvent#of); the pages show them.
        Binary reading = event.report() == null ? null : DocumentRepository.packReading(jsonBytes(orderedMap(
                "provenance", event.report().provenance(), "extractionFindings", event.report().extractionFindings())));
        return StatusUpdate.extracted(event.documentId(), summary(event.report()), event.detectedType(), event.encoding(), reading);
    }

    /**
     * The same as {@link #extracted(ExtractedEvent)} from the fields ingest needs of the record: the reading is packed
     * from the record's own tokens, so it is the JSON that {@link #extracted(ExtractedEvent)} packs, without binding the
     * report first.
     */
    public StatusUpdate extracted(ExtractedStatusEvent event) {
        if (ExtractedEvent.FAILED.equals(event.status())) {
            return StatusUpdate.failed(event.documentId(), event.error(), event.detectedType());
        }
        ExtractedStatusEvent.Reading report = event.report();
        if (report == null) {
            return StatusUpdate.extracted(event.documentId(), null, event.detectedType(), event.encoding(), null);
        }
        // A report without them is read with empty ones (Report's constructor): the same here.
        Binary reading = DocumentRepository.packReading(jsonBytes(orderedMap(
                "provenance", report.provenance() == null ? Map.of() : report.provenance(),
                "extractionFindings", report.extractionFindings() == null ? List.of() : report.extractionFindings())));
        StatusUpdate.Summary summary = new StatusUpdate.Summary(report.agency(), report.year(), report.templateVersion(),
                report.administrativeLevel(), regionCodes(report.region()), GovernmentNames.isGovernment(report.agency()));
        return StatusUpdate.extracted(event.documentId(), summary, event.detectedType(), event.encoding(), reading);
    }

    /** What reports.validated tells of a document (pure: no store access). */
    public StatusUpdate validated(ValidatedEvent event) {
        List<Finding> findings = event.findings();
        Binary payload = DocumentRepository.packPayload(jsonBytes(orderedMap("report", event.report(), "findings", findings)));
        List<String> keys = findings.stream().map(f -> (f.severity() == null ? "info" : f.severity().name()) + ":" + f.code()).toList();
        StatusUpdate.Validation validation = new StatusUpdate.Validation(
                findings.stream().filter(f -> f.severity() != null && f.severity().name().equals("error")).count(),
                findings.stream().filter(f -> f.severity() != null && f.severity().name().equals("warning")).count(),
                event.ruleSetVersion(), event.version(), event.validatedAt(),
                findings.stream().anyMatch(f -> LATE_PUBLICATION.equals(f.code())),
                findings.stream().anyMatch(f -> COPIED_TEXT.equals(f.code())), keys);
        return StatusUpdate.validated(event.documentId(), summary(event.report()), payload, validation);
    }

    /**
     * The fields the list endpoint and the workbench filter, sort and count on, beside the packed report: its region's
     * chain of division codes from the province down (grouping levels left out), so that a region matches every report
     * placed in it or under it and the overview can group by the division just below. Null without a report.
     */
    static StatusUpdate.Summary summary(Report report) {
        return report == null ? null : new StatusUpdate.Summary(report.agency(), report.year(), report.templateVersion(),
                report.administrativeLevel(), regionCodes(report.region()), GovernmentNames.isGovernment(report.agency()));
    }

    static List<String> regionCodes(Region region) {
        Divisions divisions = Divisions.get();
        Division division = region == null ? null : divisions.byAnyCode(region.code());
        return division == null ? List.of() : divisions.chain(division).stream().map(Division::gbCode).toList();
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
