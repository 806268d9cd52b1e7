package io.gongkai.validate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.repository.ValidatedReportRepository;
import io.gongkai.validate.rules.RuleCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Checks an extracted report against the rule catalogue and stores the outcome. The version of a stored
 * result grows only when its findings or the rule set change, so a redelivered event is stored and
 * published again unchanged (idempotent), while a real change supersedes what subscribers hold.
 */
@ApplicationScoped
public class ValidationService {

    private final ValidatedReportRepository reports;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final RuleCatalogue catalogue = new RuleCatalogue();

    public ValidationService(ValidatedReportRepository reports, ObjectMapper json, MeterRegistry metrics) {
        this.reports = reports;
        this.json = json;
        this.metrics = metrics;
    }

    /** @return the event to publish, or empty for an extraction that failed (nothing to check) */
    public Optional<ValidatedEvent> validate(ExtractedEvent extracted) {
        if (!ExtractedEvent.EXTRACTED.equals(extracted.status()) || extracted.report() == null) {
            return Optional.empty();
        }
        Report report = extracted.report();
        List<Finding> findings = catalogue.check(report);
        Document findingsDoc = toDocument(new FindingList(findings));
        Optional<Document> stored = reports.find(extracted.documentId());
        long version = stored.map(d -> sameOutcome(d, findingsDoc) ? d.getLong("version") : d.getLong("version") + 1)
                .orElse(1L);
        Instant now = Instant.now();
        reports.upsert(extracted.documentId(), new Document("sha256", extracted.sha256())
                .append("agency", report.agency())
                .append("year", report.year())
                .append("report", toDocument(report))
                .append("findings", findingsDoc.get("findings"))
                .append("ruleSetVersion", RuleCatalogue.VERSION)
                .append("version", version)
                .append("validatedAt", Date.from(now)));
        findings.forEach(f -> metrics.counter("gongkai.findings", "code", f.code(), "severity", f.severity().name()).increment());
        return Optional.of(new ValidatedEvent(extracted.documentId(), extracted.sha256(), report, findings,
                RuleCatalogue.VERSION, version, now));
    }

    private static boolean sameOutcome(Document stored, Document findings) {
        return RuleCatalogue.VERSION.equals(stored.getString("ruleSetVersion"))
                && findings.get("findings").equals(stored.get("findings"));
    }

    private record FindingList(List<Finding> findings) {
    }

    private Document toDocument(Object value) {
        try {
            return Document.parse(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
