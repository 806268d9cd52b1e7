package io.gongkai.validate.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Report;
import io.gongkai.validate.rules.AgencyKey;
import io.gongkai.validate.rules.NarrativeCandidate;
import io.gongkai.validate.rules.NarrativeSignature;
import io.gongkai.validate.rules.PeerDistribution;
import io.gongkai.validate.rules.ReportHistory;
import io.gongkai.validate.rules.StoredReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.bson.Document;

/** The rules' view of the store while one document is checked: everything but that document. */
public final class StoreReportHistory implements ReportHistory {

    private final ValidatedReportRepository repository;
    private final ObjectMapper json;
    private final String excludedDocumentId;
    private final BiFunction<String, String, Optional<PeerDistribution>> peers;

    public StoreReportHistory(ValidatedReportRepository repository, ObjectMapper json, String excludedDocumentId,
            BiFunction<String, String, Optional<PeerDistribution>> peers) {
        this.repository = repository;
        this.json = json;
        this.excludedDocumentId = excludedDocumentId;
        this.peers = peers;
    }

    @Override
    public List<StoredReport> reportsOf(AgencyKey agency, int year) {
        List<StoredReport> out = new ArrayList<>();
        for (Document d : repository.byAgencyAndYear(agency.local(), year)) {
            if (!d.getString("_id").equals(excludedDocumentId)) {
                out.add(new StoredReport(d.getString("_id"), new AgencyKey(d.getString("agencyKey"), d.getString("agencyLocalKey")),
                        report(d, json)));
            }
        }
        return out;
    }

    @Override
    public List<NarrativeCandidate> narrativesSharingABand(NarrativeSignature signature) {
        List<NarrativeCandidate> out = new ArrayList<>();
        for (Document d : repository.narrativesSharingABand(signature.bandKeys(), excludedDocumentId)) {
            NarrativeSignature other = NarrativeSignature.fromList(d.getList("minHashes", Integer.class));
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

    /** The report a stored entry holds. */
    public static Report report(Document stored, ObjectMapper json) {
        try {
            return json.readValue(stored.get("report", Document.class).toJson(), Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report " + stored.get("_id") + " cannot be read", e);
        }
    }
}
