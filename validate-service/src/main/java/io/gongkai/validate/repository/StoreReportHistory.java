package io.gongkai.validate.repository;

import io.gongkai.model.Report;
import io.gongkai.rules.AgencyKey;
import io.gongkai.rules.NarrativeCandidate;
import io.gongkai.rules.NarrativeSignature;
import io.gongkai.rules.PeerDistribution;
import io.gongkai.rules.ReportHistory;
import io.gongkai.rules.StoredReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.bson.Document;
import org.bson.types.Binary;

/** The rules' view of the store while one document is checked: everything but that document. */
public final class StoreReportHistory implements ReportHistory {

    private final ValidatedReportRepository repository;
    private final String excludedDocumentId;
    private final BiFunction<String, String, Optional<PeerDistribution>> peers;
    private final ValidatedReportRepository.Reads reads;
    /** Read once per check: several rules ask for the same agency and year, and each read unpacks every report in it. */
    private final Map<String, List<StoredReport>> reportsByAgencyYear = new HashMap<>();
    /** The report being checked again and its narrative signature as the store holds it (see {@link #knownSignature}). */
    private Report signedReport;
    private NarrativeSignature signature;

    public StoreReportHistory(ValidatedReportRepository repository, String excludedDocumentId,
            BiFunction<String, String, Optional<PeerDistribution>> peers, ValidatedReportRepository.Reads reads) {
        this.repository = repository;
        this.reads = reads;
        this.excludedDocumentId = excludedDocumentId;
        this.peers = peers;
    }

    @Override
    public List<StoredReport> reportsOf(AgencyKey agency, int year) {
        return reportsByAgencyYear.computeIfAbsent(agency.local() + "|" + year, k -> read(agency, year));
    }

    private List<StoredReport> read(AgencyKey agency, int year) {
        List<StoredReport> out = new ArrayList<>();
        for (ValidatedReport stored : repository.byAgencyAndYear(agency.local(), year, reads)) {
            if (!stored.documentId().equals(excludedDocumentId) && stored.report() != null) {
                out.add(new StoredReport(stored.documentId(), stored.agencyKey(), stored.report()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The signature of this report (the stored one being checked again) is the one the store holds for it: COPIED_TEXT
     * reads it instead of signing the narrative again.
     */
    public void knownSignature(Report report, NarrativeSignature signature) {
        this.signedReport = report;
        this.signature = signature;
    }

    @Override
    public NarrativeSignature signatureOf(Report report) {
        return report == signedReport ? signature : ReportHistory.super.signatureOf(report);
    }

    @Override
    public List<NarrativeCandidate> narrativesSharingABand(NarrativeSignature signature) {
        List<NarrativeCandidate> out = new ArrayList<>();
        for (Document d : repository.narrativesSharingABand(signature.bandKeys(), excludedDocumentId, reads)) {
            // a binary since it is kept so; a list in entries stored before
            Object hashes = d.get("minHashes");
            NarrativeSignature other = hashes instanceof Binary b ? NarrativeSignature.fromBytes(b.getData())
                    : NarrativeSignature.fromList(d.getList("minHashes", Integer.class));
            if (other != null) {
                out.add(new NarrativeCandidate(d.getString("_id"), d.getString("agency"),
                        new AgencyKey(d.getString("agencyKey"), d.getString("agencyLocalKey")), d.getInteger("year"), other));
            }
        }
        return out;
    }

    @Override
    public Optional<PeerDistribution> peers(String administrativeLevel, String path) {
        return peers.apply(administrativeLevel, path);
    }
}
