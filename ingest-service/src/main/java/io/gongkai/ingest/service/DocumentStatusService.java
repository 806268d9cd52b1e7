package io.gongkai.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.ingest.repository.DocumentRepository;
import io.gongkai.model.Report;
import io.gongkai.model.events.DocumentStatus;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.bson.Document;
import org.jboss.logging.Logger;

/** Follows each document through the pipeline from the events of the later topics. */
@ApplicationScoped
public class DocumentStatusService {

    private static final Logger LOG = Logger.getLogger(DocumentStatusService.class);

    private final DocumentRepository documents;
    private final ObjectMapper json;

    public DocumentStatusService(DocumentRepository documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    public void onExtracted(ExtractedEvent event) {
        boolean changed;
        if (ExtractedEvent.FAILED.equals(event.status())) {
            changed = documents.transition(event.documentId(), DocumentStatus.FAILED,
                    new Document("error", event.error()).append("detectedType", event.detectedType()), null);
        } else {
            changed = documents.transition(event.documentId(), DocumentStatus.EXTRACTED, summary(event.report())
                    .append("detectedType", event.detectedType()).append("encoding", event.encoding()), null);
            if (event.report() != null) {
                // reports.validated carries the report without these (ValidatedEvent#of); the pages show them.
                documents.storeReading(event.documentId(), new Document("provenance", toDocument(event.report().provenance()))
                        .append("extractionFindings", event.report().extractionFindings().stream().map(this::toDocument).toList()));
            }
        }
        LOG.debugf("document %s %s (%s)", event.documentId(), event.status(), changed ? "applied" : "not newer");
    }

    public void onValidated(ValidatedEvent event) {
        Document fields = summary(event.report())
                .append("report", toDocument(event.report()))
                .append("findings", event.findings().stream().map(this::toDocument).toList())
                .append("errors", event.findings().stream().filter(f -> f.severity().name().equals("error")).count())
                .append("warnings", event.findings().stream().filter(f -> f.severity().name().equals("warning")).count())
                .append("ruleSetVersion", event.ruleSetVersion())
                .append("validationVersion", event.version())
                .append("validatedAt", Date.from(event.validatedAt()));
        boolean changed = documents.transition(event.documentId(), DocumentStatus.VALIDATED, fields, event.version());
        LOG.debugf("document %s VALIDATED v%d (%s)", event.documentId(), event.version(), changed ? "applied" : "not newer");
    }

    /** The fields the list endpoint filters on. */
    private static Document summary(Report report) {
        Document d = new Document();
        if (report != null) {
            d.append("agency", report.agency()).append("year", report.year()).append("templateVersion", report.templateVersion())
                    .append("administrativeLevel", report.administrativeLevel());
        }
        return d;
    }

    /** Stores a value as BSON through its JSON form, so the stored shape is exactly the published one. */
    private Document toDocument(Object value) {
        try {
            return Document.parse(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
