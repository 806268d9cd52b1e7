package io.gongkai.validate.service;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.mapping.RuleSettingsMapper;
import io.gongkai.validate.repository.StoreReportHistory;
import io.gongkai.validate.repository.ValidatedReport;
import io.gongkai.validate.repository.ValidatedReportRepository;
import io.gongkai.rules.AgencyKey;
import io.gongkai.rules.AgencyNames;
import io.gongkai.rules.CopiedTextRule;
import io.gongkai.rules.NarrativeSignature;
import io.gongkai.rules.Renditions;
import io.gongkai.rules.RuleCatalogue;
import io.gongkai.rules.RuleSettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks reports against the rule catalogue, with the store as the history the cross-report rules compare with, and
 * stores the outcome. The version of a stored result grows only when its findings or the rule set change, so a
 * redelivered event is stored again unchanged (idempotent) and not published twice, while a real change supersedes what
 * subscribers hold. Reports arrive in any order: when a year arrives, the same agency's stored previous and next years
 * (and a same-year report it was found to copy) are checked again, and republished where their findings changed.
 */
@ApplicationScoped
public class ValidationService {

    private final ValidatedReportRepository reports;
    private final MeterRegistry metrics;
    private final PeerStatistics peers;
    private final RuleCatalogue catalogue;
    private final AgencyNames names;

    public ValidationService(ValidatedReportRepository reports, MeterRegistry metrics, PeerStatistics peers,
            ValidateConfig config) {
        this.reports = reports;
        this.metrics = metrics;
        this.peers = peers;
        RuleSettings settings = RuleSettingsMapper.settings(config);
        this.catalogue = new RuleCatalogue(settings);
        this.names = settings.agencies();
    }

    /**
     * @param claimant the incoming record (topic/partition@offset) whose Kafka transaction will carry the events: each
     *                 is claimed for it in the store before returning (see {@link #alreadyPublished}); null outside
     *                 transactions, where the caller records {@link #published} after the broker's acknowledgement
     * @return the events to publish: the report's own first (unless subscribers already have that version), then those
     *         of stored reports whose findings changed because of it; empty for an extraction that failed (nothing to check)
     */
    public List<ValidatedEvent> validate(ExtractedEvent extracted, String claimant) {
        if (!ExtractedEvent.EXTRACTED.equals(extracted.status()) || extracted.report() == null) {
            return List.of();
        }
        List<ValidatedEvent> events = new ArrayList<>();
        String documentId = extracted.documentId();
        ValidatedReportRepository.Reads reads = reports.reads();
        Optional<ValidatedReport> stored = reports.findSummary(documentId);
        boolean wasVersion = stored.map(s -> isVersion(documentId, s.agencyKey().local(), s.year(), reads)).orElse(false);
        ValidatedEvent own = check(documentId, extracted.sha256(), extracted.report(), stored, false, reads);
        // A redelivered or repeated extraction whose outcome subscribers already hold is stored again but not republished.
        if (!alreadyPublished(stored, own, claimant)) {
            events.add(claim(own, claimant));
        }
        for (String neighbour : affected(documentId, extracted.report(), own.findings(), wasVersion, reads)) {
            revalidate(neighbour, claimant, reads).ifPresent(events::add);
        }
        return events;
    }

    /**
     * Checks a stored report again; the event when its findings (or the rule set) changed, or when an earlier change was
     * stored but never reached the broker (a crash between the two); else empty. {@code claimant} as in {@link #validate}.
     */
    public Optional<ValidatedEvent> revalidate(String documentId, String claimant) {
        return revalidate(documentId, claimant, reports.reads());
    }

    private Optional<ValidatedEvent> revalidate(String documentId, String claimant, ValidatedReportRepository.Reads reads) {
        Optional<ValidatedReport> stored = reports.find(documentId);
        if (stored.isEmpty() || stored.get().report() == null) {
            return Optional.empty();
        }
        ValidatedEvent event = check(documentId, stored.get().sha256(), stored.get().report(), stored, true, reads);
        return alreadyPublished(stored, event, claimant) ? Optional.empty() : Optional.of(claim(event, claimant));
    }

    /**
     * Whether subscribers have this (document, version) or will have it from another record's transaction. A claim
     * (publishedVersion, publishedBy) is written before its transaction commits. If the transaction committed, its
     * record's offset was committed with it and that record never comes again: any other record skips the version. If
     * it aborted (a crash, a broker outage), the record comes again and finds its own claim: it publishes again, and
     * nothing else did in between.
     */
    private static boolean alreadyPublished(Optional<ValidatedReport> stored, ValidatedEvent event, String claimant) {
        Long published = stored.map(ValidatedReport::publishedVersion).orElse(null);
        boolean ownClaim = claimant != null && claimant.equals(stored.map(ValidatedReport::publishedBy).orElse(null));
        return published != null && published >= event.version() && !ownClaim;
    }

    private ValidatedEvent claim(ValidatedEvent event, String claimant) {
        if (claimant != null) {
            reports.claimPublished(event.documentId(), event.version(), claimant);
        }
        return event;
    }

    /** Subscribers have this version now. */
    public void published(ValidatedEvent event) {
        reports.markPublished(event.documentId(), event.version());
    }

    /**
     * @param storedReport whether {@code report} is the one {@code stored} holds (a re-check): when the outcome and
     *                     everything derived from the report are unchanged too, only the check's time is written
     */
    private ValidatedEvent check(String documentId, String sha256, Report report, Optional<ValidatedReport> stored,
            boolean storedReport, ValidatedReportRepository.Reads reads) {
        StoreReportHistory history = new StoreReportHistory(reports, documentId, peers::distribution, reads);
        if (report.year() != null && report.agency() != null && !report.agency().isBlank()) {
            // the agency-years the history rules ask for (the renditions of the year, the years next to it), at once
            reports.readAgencyYears(names.key(report.agency()).local(),
                    List.of(report.year() - 1, report.year(), report.year() + 1), reads);
        }
        List<Finding> findings = catalogue.check(report, history);
        String digest = reports.findingsDigest(findings);
        long version = stored.map(d -> sameOutcome(d, digest) ? d.version() : d.version() + 1).orElse(1L);
        Instant now = Instant.now();
        AgencyKey key = names.key(report.agency());
        String reportKey = Renditions.reportKey(report, names);
        String valuesDigest = Renditions.valuesDigest(report);
        if (storedReport && stored.isPresent() && unchanged(stored.get(), sha256, key, reportKey, valuesDigest, digest, version)) {
            // The same report, findings, keys and version: the entry, its agency-year list and its narrative bands
            // would be written again as they are.
            reports.touch(documentId, now, reads);
            return ValidatedEvent.of(documentId, sha256, report, findings, RuleCatalogue.VERSION, version, now);
        }
        reports.upsert(new ValidatedReport(documentId, sha256, report.agency(), key, report.year(),
                reportKey, valuesDigest, report, findings, digest, RuleCatalogue.VERSION, version,
                stored.map(ValidatedReport::publishedVersion).orElse(null), stored.map(ValidatedReport::publishedBy).orElse(null), now),
                stored, reads);
        if (stored.isEmpty()) {
            peers.record(report);
        }
        reports.saveNarrative(documentId, report.agency(), key, report.year(), NarrativeSignature.of(report), reads);
        if (stored.isEmpty() || version != stored.get().version()) {
            findings.forEach(f -> metrics.counter("gongkai.findings", "code", f.code(), "severity", f.severity().name()).increment());
        }
        return ValidatedEvent.of(documentId, sha256, report, findings, RuleCatalogue.VERSION, version, now);
    }

    private static boolean unchanged(ValidatedReport stored, String sha256, AgencyKey key, String reportKey, String valuesDigest,
            String findingsDigest, long version) {
        return version == stored.version() && sameOutcome(stored, findingsDigest) && Objects.equals(sha256, stored.sha256())
                && Objects.equals(key, stored.agencyKey()) && Objects.equals(reportKey, stored.reportKey())
                && Objects.equals(valuesDigest, stored.valuesDigest());
    }

    /** Whether the document is one of the {@link ValidatedReportRepository#versions} of its agency-year. */
    private boolean isVersion(String documentId, String agencyLocalKey, Integer year, ValidatedReportRepository.Reads reads) {
        return agencyLocalKey != null && year != null && ValidatedReportRepository
                .versions(reports.idsByAgencyAndYear(agencyLocalKey, year, reads)).stream().anyMatch(e -> e.documentId().equals(documentId));
    }

    /**
     * The stored reports whose outcome may depend on this one: when it is (or was) one of the versions the rules compare
     * with, the agency's previous and next year and the other renditions of the same year whose values differ; and
     * copies named. A copy of stored values, or a version beyond {@link Renditions#MAX_VERSIONS}, is compared with by
     * no other report, so it changes none of their findings: re-checking every stored copy on every arrival made a flood
     * of copies quadratic.
     */
    private Set<String> affected(String documentId, Report report, List<Finding> findings, boolean wasVersion,
            ValidatedReportRepository.Reads reads) {
        Set<String> out = new LinkedHashSet<>();
        if (report.year() != null && report.agency() != null && !report.agency().isBlank()) {
            AgencyKey key = names.key(report.agency());
            List<ValidatedReportRepository.AgencyYearEntry> sameYear = reports.idsByAgencyAndYear(key.local(), report.year(), reads);
            boolean isVersion = ValidatedReportRepository.versions(sameYear).stream().anyMatch(e -> e.documentId().equals(documentId));
            if (isVersion || wasVersion) {
                for (int year : new int[] {report.year() - 1, report.year() + 1}) {
                    for (ValidatedReportRepository.AgencyYearEntry e : reports.idsByAgencyAndYear(key.local(), year, reads)) {
                        if (key.sameAgency(e.agency())) {
                            out.add(e.documentId());
                        }
                    }
                }
                String digest = Renditions.valuesDigest(report);
                for (ValidatedReportRepository.AgencyYearEntry e : sameYear) {
                    if (key.sameAgency(e.agency()) && !digest.equals(e.valuesDigest())) {
                        out.add(e.documentId());
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

    private static boolean sameOutcome(ValidatedReport stored, String findingsDigest) {
        return RuleCatalogue.VERSION.equals(stored.ruleSetVersion()) && findingsDigest.equals(stored.findingsDigest());
    }
}
