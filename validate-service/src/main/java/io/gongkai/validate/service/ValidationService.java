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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
     * The checks of one batch of incoming records: each record's own check first, in order, then the stored neighbours
     * they affect, each checked once ({@link #recheck}) after every record's own check. Checked per record, a neighbour
     * two records of the batch affect was checked (and often republished) twice, the first time with what only the
     * second record's check would change again; a neighbour that is itself a later record of the batch was checked
     * again although its own check came after.
     * <p>
     * For one thread and one batch; a batch that comes again (its transaction aborted) starts a new one.
     */
    public final class Batch {
        /** The batch's records (topic/partition@offset): none is committed yet, so a claim of any is of an aborted attempt. */
        private final Set<String> records;
        /** Neighbours to check again at the end → the record that affected them last (their events' claimant). */
        private final Map<String, String> rechecks = new LinkedHashMap<>();
        /** The (document, version) pairs this attempt publishes already: a later check of the same pair adds nothing. */
        private final Set<String> publishing = new HashSet<>();
        /** The summaries of the batch's own documents, read with one query; a document checked since is read again. */
        private final Map<String, ValidatedReport> summaries = new HashMap<>();
        private final Set<String> summarised = new HashSet<>();
        /** The reads of the re-checks at the end: an agency's neighbours ask for the same agency-years and bands. */
        private final ValidatedReportRepository.Reads reads = reports.reads();
        /** The stored entries of the re-checks, read at the first of them. */
        private Map<String, ValidatedReport> rechecked;

        private Batch(Collection<String> records) {
            this.records = records.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        }

        /** The documents to check again, in the order first affected. */
        public List<String> rechecks() {
            return List.copyOf(rechecks.keySet());
        }

        /** The incoming record whose transaction carries {@code documentId}'s re-check (null outside transactions). */
        public String claimantOf(String documentId) {
            return rechecks.get(documentId);
        }
    }

    /**
     * A new batch.
     *
     * @param claimants the batch's incoming records (topic/partition@offset; empty outside transactions)
     * @param documentIds the documents of its extracted events, whose stored summaries are read at once
     */
    public Batch batch(Collection<String> claimants, Collection<String> documentIds) {
        Batch batch = new Batch(claimants);
        List<String> ids = documentIds.stream().filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            reports.findSummaries(ids).forEach(s -> batch.summaries.put(s.documentId(), s));
            batch.summarised.addAll(ids);
        }
        return batch;
    }

    /**
     * One record on its own: its check, then those of the stored reports it affects ({@link #validate(ExtractedEvent,
     * String, Batch)} and {@link #recheck} in a batch of one).
     */
    public List<ValidatedEvent> validate(ExtractedEvent extracted, String claimant) {
        Batch batch = batch(claimant == null ? List.of() : List.of(claimant), List.of());
        List<ValidatedEvent> events = new ArrayList<>(validate(extracted, claimant, batch));
        for (String neighbour : batch.rechecks()) {
            recheck(neighbour, batch).ifPresent(events::add);
        }
        return events;
    }

    /**
     * A record's own check; the stored reports whose findings it may change are added to the batch's re-checks.
     *
     * @param claimant the incoming record (topic/partition@offset) whose Kafka transaction will carry the events: each
     *                 is claimed for it in the store before returning (see {@link #alreadyPublished}); null outside
     *                 transactions, where the caller records {@link #published} after the broker's acknowledgement
     * @return the report's own event, unless subscribers already have that version; empty for an extraction that failed
     *         (nothing to check)
     */
    public List<ValidatedEvent> validate(ExtractedEvent extracted, String claimant, Batch batch) {
        if (!ExtractedEvent.EXTRACTED.equals(extracted.status()) || extracted.report() == null) {
            return List.of();
        }
        String documentId = extracted.documentId();
        ValidatedReportRepository.Reads reads = reports.reads();
        Optional<ValidatedReport> stored = batch.summarised.contains(documentId) ? Optional.ofNullable(batch.summaries.get(documentId))
                : reports.findSummary(documentId);
        boolean wasVersion = stored.map(s -> isVersion(documentId, s.agencyKey().local(), s.year(), reads)).orElse(false);
        // Checked now, after every record of the batch before it: no re-check of it for them.
        batch.rechecks.remove(documentId);
        batch.summarised.remove(documentId);
        Outcome own = check(documentId, extracted.sha256(), extracted.report(), stored, false, null, claimant, batch, reads);
        for (String neighbour : affected(documentId, extracted.report(), own.valuesDigest(), own.event().findings(), wasVersion, reads)) {
            batch.rechecks.remove(neighbour); // to the end: the order they were last affected in
            batch.rechecks.put(neighbour, claimant);
        }
        own.published().ifPresent(e -> batch.publishing.add(e.documentId() + "@" + e.version()));
        return own.published().stream().toList();
    }

    /**
     * Checks again a stored report the batch's records affected, claimed for the record that affected it last; the
     * event when its findings changed (or an earlier change never reached the broker), else empty.
     */
    public Optional<ValidatedEvent> recheck(String documentId, Batch batch) {
        if (batch.rechecked == null) {
            // the entries of every document to check again, and their narrative entries, in one query each
            Map<String, ValidatedReport> read = new HashMap<>();
            List<String> ids = batch.rechecks();
            reports.findAll(ids).forEach(r -> read.put(r.documentId(), r));
            reports.readNarratives(ids, batch.reads);
            batch.rechecked = read;
        }
        ValidatedReport entry = batch.rechecked.remove(documentId);
        Optional<ValidatedReport> stored = entry == null ? reports.find(documentId) : Optional.of(entry);
        return recheck(stored, batch.claimantOf(documentId), batch, batch.reads);
    }

    /**
     * Checks a stored report again; the event when its findings (or the rule set) changed, or when an earlier change was
     * stored but never reached the broker (a crash between the two); else empty. {@code claimant} as in {@link #validate}.
     */
    public Optional<ValidatedEvent> revalidate(String documentId, String claimant) {
        Batch batch = batch(claimant == null ? List.of() : List.of(claimant), List.of());
        return recheck(reports.find(documentId), claimant, batch, batch.reads);
    }

    private Optional<ValidatedEvent> recheck(Optional<ValidatedReport> stored, String claimant, Batch batch,
            ValidatedReportRepository.Reads reads) {
        if (stored.isEmpty() || stored.get().report() == null) {
            return Optional.empty();
        }
        ValidatedReport s = stored.get();
        Optional<ValidatedEvent> event = check(s.documentId(), s.sha256(), s.report(), stored, true, reports.storedSignature(s, reads),
                claimant, batch, reads).published();
        // added once the check succeeded: a check tried again after a store error must still publish
        event.ifPresent(e -> batch.publishing.add(e.documentId() + "@" + e.version()));
        return event;
    }

    /**
     * Whether subscribers have this (document, version) or will have it from another record's transaction. A claim
     * (publishedVersion, publishedBy) is written before its transaction commits. If the transaction committed, its
     * record's offset was committed with it and that record never comes again: any other record skips the version. If
     * it aborted (a crash, a broker outage), its record comes again, in this batch: the batch publishes again, and
     * nothing else did in between. Within the batch, a (document, version) is published once.
     */
    private static boolean alreadyPublished(Optional<ValidatedReport> stored, String documentId, long version, String claimant,
            Batch batch) {
        if (batch.publishing.contains(documentId + "@" + version)) {
            return true;
        }
        Long published = stored.map(ValidatedReport::publishedVersion).orElse(null);
        String by = stored.map(ValidatedReport::publishedBy).orElse(null);
        boolean ownClaim = claimant != null && by != null && (claimant.equals(by) || batch.records.contains(by));
        return published != null && published >= version && !ownClaim;
    }

    /** Subscribers have this version now. */
    public void published(ValidatedEvent event) {
        reports.markPublished(event.documentId(), event.version());
    }

    /**
     * A check's event, whether this check publishes it (claimed for its record) or subscribers have it, and the report's
     * {@link Renditions#valuesDigest} (which {@link #affected} compares with the renditions of its year).
     */
    private record Outcome(ValidatedEvent event, boolean publish, String valuesDigest) {
        Optional<ValidatedEvent> published() {
            return publish ? Optional.of(event) : Optional.empty();
        }
    }

    /**
     * Checks a report and stores the outcome, with the claim of its event when this check publishes it (one write).
     *
     * @param storedReport whether {@code report} is the one {@code stored} holds (a re-check): when the outcome and
     *                     everything derived from the report are unchanged too, only the check's time is written
     * @param signature    the report's narrative signature as the store holds it, when it is known to be the one of this
     *                     report (a re-check); null to compute it
     */
    private Outcome check(String documentId, String sha256, Report report, Optional<ValidatedReport> stored,
            boolean storedReport, ValidatedReportRepository.StoredSignature signature, String claimant, Batch batch,
            ValidatedReportRepository.Reads reads) {
        StoreReportHistory history = new StoreReportHistory(reports, documentId, peers::distribution, reads);
        if (signature != null) {
            history.knownSignature(report, signature.signature());
        }
        if (report.year() != null && report.agency() != null && !report.agency().isBlank()) {
            // the agency-years the history rules ask for (the renditions of the year, the years next to it), at once,
            // then the history entries of all three years' versions, at once
            String local = names.key(report.agency()).local();
            List<Integer> years = List.of(report.year() - 1, report.year(), report.year() + 1);
            reports.readAgencyYears(local, years, reads);
            reports.readHistories(local, years, reads);
        }
        List<Finding> findings = catalogue.check(report, history);
        String digest = reports.findingsDigest(findings);
        long version = stored.map(d -> sameOutcome(d, digest) ? d.version() : d.version() + 1).orElse(1L);
        Instant now = Instant.now();
        ValidatedEvent event = ValidatedEvent.of(documentId, sha256, report, findings, RuleCatalogue.VERSION, version, now);
        boolean publish = !alreadyPublished(stored, documentId, version, claimant, batch);
        // the claim goes with the entry's own write: before the Kafka transaction that carries the event commits
        Long publishedVersion = publish && claimant != null ? Long.valueOf(version) : stored.map(ValidatedReport::publishedVersion).orElse(null);
        String publishedBy = publish && claimant != null ? claimant : stored.map(ValidatedReport::publishedBy).orElse(null);
        AgencyKey key = names.key(report.agency());
        String reportKey = Renditions.reportKey(report, names);
        String valuesDigest = Renditions.valuesDigest(report);
        if (storedReport && stored.isPresent() && unchanged(stored.get(), sha256, key, reportKey, valuesDigest, digest, version)) {
            // The same report, findings, keys and version: the entry, its agency-year list and its narrative bands
            // would be written again as they are.
            reports.touch(documentId, now, publish && claimant != null ? version : null, publishedBy, reads);
            return new Outcome(event, publish, valuesDigest);
        }
        reports.upsert(new ValidatedReport(documentId, sha256, report.agency(), key, report.year(),
                reportKey, valuesDigest, report, findings, digest, RuleCatalogue.VERSION, version,
                publishedVersion, publishedBy, now), stored, reads);
        if (stored.isEmpty()) {
            peers.record(report);
        }
        NarrativeSignature narrative = signature != null ? signature.signature() : history.signatureOf(report);
        if (signature == null || !signature.describes(report.agency(), key, report.year())) {
            reports.saveNarrative(documentId, sha256, report.agency(), key, report.year(), narrative, stored.isEmpty(), reads);
        }
        if (stored.isEmpty() || version != stored.get().version()) {
            findings.forEach(f -> metrics.counter("gongkai.findings", "code", f.code(), "severity", f.severity().name()).increment());
        }
        return new Outcome(event, publish, valuesDigest);
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
    private Set<String> affected(String documentId, Report report, String digest, List<Finding> findings, boolean wasVersion,
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
