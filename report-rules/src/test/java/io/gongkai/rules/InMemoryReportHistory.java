package io.gongkai.rules;

import io.gongkai.model.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The store's answers computed over a plain list of reports: for rule tests and the corpus check. */
final class InMemoryReportHistory implements ReportHistory {

    private final List<StoredReport> reports = new ArrayList<>();
    private final AgencyNames names;
    private final String excluded;

    InMemoryReportHistory(AgencyNames names) {
        this(names, null);
    }

    private InMemoryReportHistory(AgencyNames names, String excluded) {
        this.names = names;
        this.excluded = excluded;
    }

    InMemoryReportHistory add(String documentId, Report report) {
        reports.add(0, new StoredReport(documentId, names.key(report.agency()), report)); // newest first
        return this;
    }

    /** The same reports as seen while checking {@code documentId}: without it. */
    InMemoryReportHistory without(String documentId) {
        InMemoryReportHistory view = new InMemoryReportHistory(names, documentId);
        view.reports.addAll(reports);
        return view;
    }

    private List<StoredReport> others() {
        return reports.stream().filter(r -> !r.documentId().equals(excluded)).toList();
    }

    @Override
    public List<StoredReport> reportsOf(AgencyKey agency, int year) {
        return others().stream()
                .filter(r -> r.agency().local().equals(agency.local()) && r.report().year() != null && r.report().year() == year)
                .toList();
    }

    @Override
    public List<NarrativeCandidate> narrativesSharingABand(NarrativeSignature signature) {
        Set<String> bands = new HashSet<>(signature.bandKeys());
        List<NarrativeCandidate> out = new ArrayList<>();
        for (StoredReport r : others()) {
            NarrativeSignature other = NarrativeSignature.of(r.report());
            if (other != null && other.bandKeys().stream().anyMatch(bands::contains)) {
                out.add(new NarrativeCandidate(r.documentId(), r.report().agency(), r.agency(), r.report().year(), other));
            }
        }
        return out;
    }

    @Override
    public Optional<PeerDistribution> peers(String administrativeLevel, String path) {
        double[] values = others().stream()
                .filter(r -> administrativeLevel.equals(r.report().administrativeLevel()) && r.report().hasCell(path)
                        && r.report().value(path) != null)
                .mapToDouble(r -> r.report().value(path).doubleValue())
                .toArray();
        return values.length == 0 ? Optional.empty() : Optional.of(PeerDistribution.of(values));
    }
}
