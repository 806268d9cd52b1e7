package io.gongkai.validate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.mapping.RuleSettingsMapper;
import io.gongkai.validate.repository.StoreReportHistory;
import io.gongkai.validate.repository.ValidatedReportRepository;
import io.gongkai.validate.rules.AgencyKey;
import io.gongkai.validate.rules.AgencyNames;
import io.gongkai.validate.rules.CopiedTextRule;
import io.gongkai.validate.rules.NarrativeSignature;
import io.gongkai.validate.rules.Renditions;
import io.gongkai.validate.rules.RuleCatalogue;
import io.gongkai.validate.rules.RuleSettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Checks reports against the rule catalogue, with the store as the history the cross-report rules compare with, and
 * stores the outcome. The version of a stored result grows only when its findings or the rule set change, so a
 * redelivered event is stored and published again unchanged (idempotent), while a real change supersedes what
 * subscribers hold. Reports arrive in any order: when a year arrives, the same agency's stored previous and next years
 * (and a same-year report it was found to copy) are checked again, and republished where their findings changed.
 */
@ApplicationScoped
public class ValidationService {

    private final ValidatedReportRepository reports;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final PeerStatistics peers;
    private final RuleCatalogue catalogue;
    private final AgencyNames names;

    public ValidationService(ValidatedReportRepository reports, ObjectMapper json, MeterRegistry metrics, PeerStatistics peers,
            ValidateConfig config) {
        this.reports = reports;
        this.json = json;
        this.metrics = metrics;
        this.peers = peers;
        RuleSettings settings = RuleSettingsMapper.settings(config);
        this.catalogue = new RuleCatalogue(settings);
        this.names = settings.agencies();
    }

    /**
     * @return the events to publish: the report's own first, then those of stored reports whose findings changed
     *         because of it; empty for an extraction that failed (nothing to check)
     */
    public List<ValidatedEvent> validate(ExtractedEvent extracted) {
        if (!ExtractedEvent.EXTRACTED.equals(extracted.status()) || extracted.report() == null) {
            return List.of();
        }
        List<ValidatedEvent> events = new ArrayList<>();
        ValidatedEvent own = check(extracted.documentId(), extracted.sha256(), extracted.report(), reports.find(extracted.documentId()));
        events.add(own);
        for (String neighbour : affected(extracted.documentId(), extracted.report(), own.findings())) {
            revalidate(neighbour).ifPresent(events::add);
        }
        return events;
    }

    /**
     * Checks a stored report again; the event when its findings (or the rule set) changed, or when an earlier change was
     * stored but never reached the broker (a crash between the two); else empty.
     */
    public Optional<ValidatedEvent> revalidate(String documentId) {
        Optional<Document> stored = reports.find(documentId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Report report = StoreReportHistory.report(stored.get(), json);
        ValidatedEvent event = check(documentId, stored.get().getString("sha256"), report, stored);
        Number published = stored.get().get("publishedVersion", Number.class);
        boolean sent = published != null && published.longValue() >= event.version();
        return sent ? Optional.empty() : Optional.of(event);
    }

    /** Subscribers have this version now. */
    public void published(ValidatedEvent event) {
        reports.markPublished(event.documentId(), event.version());
    }

    private ValidatedEvent check(String documentId, String sha256, Report report, Optional<Document> stored) {
        StoreReportHistory history = new StoreReportHistory(reports, json, documentId, peers::distribution);
        List<Finding> findings = catalogue.check(report, history);
        Document findingsDoc = toDocument(new FindingList(findings));
        long version = stored.map(d -> sameOutcome(d, findingsDoc) ? d.getLong("version") : d.getLong("version") + 1).orElse(1L);
        Instant now = Instant.now();
        AgencyKey key = names.key(report.agency());
        Document entry = new Document("sha256", sha256)
                .append("agency", report.agency())
                .append("agencyKey", key.full())
                .append("agencyLocalKey", key.local())
                .append("year", report.year())
                .append("reportKey", Renditions.reportKey(report, names))
                .append("report", toDocument(report))
                .append("findings", findingsDoc.get("findings"))
                .append("ruleSetVersion", RuleCatalogue.VERSION)
                .append("version", version)
                .append("validatedAt", Date.from(now));
        stored.map(d -> d.get("publishedVersion")).ifPresent(p -> entry.append("publishedVersion", p));
        reports.upsert(documentId, entry);
        reports.saveNarrative(documentId, report.agency(), key, report.year(), NarrativeSignature.of(report));
        if (stored.isEmpty() || version != stored.get().getLong("version")) {
            findings.forEach(f -> metrics.counter("gongkai.findings", "code", f.code(), "severity", f.severity().name()).increment());
        }
        return new ValidatedEvent(documentId, sha256, report, findings, RuleCatalogue.VERSION, version, now);
    }

    /**
     * The stored reports whose outcome may depend on this one: the agency's previous and next year, the other renditions
     * of the same year, and copies named.
     */
    private Set<String> affected(String documentId, Report report, List<Finding> findings) {
        Set<String> out = new LinkedHashSet<>();
        if (report.year() != null && report.agency() != null && !report.agency().isBlank()) {
            AgencyKey key = names.key(report.agency());
            for (int year : new int[] {report.year() - 1, report.year(), report.year() + 1}) {
                for (Document d : reports.byAgencyAndYear(key.local(), year)) {
                    AgencyKey other = new AgencyKey(d.getString("agencyKey"), d.getString("agencyLocalKey"));
                    if (key.sameAgency(other)) {
                        out.add(d.getString("_id"));
                    }
                }
            }
        }
        for (Finding f : findings) {
            if (CopiedTextRule.CODE.equals(f.code())) {
                f.paths().stream().filter(p -> p.contains("#")).map(p -> p.substring(0, p.indexOf('#'))).forEach(out::add);
            }
        }
        out.remove(documentId);
        return out;
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
