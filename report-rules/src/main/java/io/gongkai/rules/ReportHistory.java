package io.gongkai.rules;

import io.gongkai.model.Report;
import java.util.List;
import java.util.Optional;

/**
 * What the store knows beyond the report being checked, for the rules that compare reports: the same agency's
 * other years, narratives that may be copies, and what bodies of the same level usually report. Implemented at the
 * edge by the repository (MongoDB) and in tests by plain lists; every answer leaves out the report being checked.
 */
public interface ReportHistory {

    /** No other report known: the cross-report rules then say nothing. */
    ReportHistory NONE = new ReportHistory() {
        @Override
        public List<StoredReport> reportsOf(AgencyKey agency, int year) {
            return List.of();
        }

        @Override
        public List<NarrativeCandidate> narrativesSharingABand(NarrativeSignature signature) {
            return List.of();
        }

        @Override
        public Optional<PeerDistribution> peers(String administrativeLevel, String path) {
            return Optional.empty();
        }
    };

    /**
     * Stored reports for that year whose agency may be this one: at least those with the same {@link AgencyKey#local()};
     * the caller keeps those that {@link AgencyKey#sameAgency} accepts.
     */
    List<StoredReport> reportsOf(AgencyKey agency, int year);

    /**
     * The signature of the narrative of the report being checked ({@link NarrativeSignature#of}): an implementation that
     * holds the signature of a stored report checked again may answer with it instead of signing the text again.
     */
    default NarrativeSignature signatureOf(Report report) {
        return NarrativeSignature.of(report);
    }

    /** Stored narratives sharing at least one LSH band with the signature (candidates, not yet compared). */
    List<NarrativeCandidate> narrativesSharingABand(NarrativeSignature signature);

    /** The distribution of a value over stored reports of that level; empty while too few reports are stored. */
    Optional<PeerDistribution> peers(String administrativeLevel, String path);
}
