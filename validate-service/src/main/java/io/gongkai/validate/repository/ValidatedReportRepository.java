package io.gongkai.validate.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.common.store.PackedJson;
import io.gongkai.model.CellPath;
import io.gongkai.model.Finding;
import io.gongkai.model.Region;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.rules.AgencyKey;
import io.gongkai.rules.NarrativeSignature;
import io.gongkai.rules.Renditions;
import io.gongkai.rules.RuleCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * validate-service's store, laid out so that every query on the hot path is a look-up by {@code _id} (a single value or
 * {@code $in}): the embedded MongoDB-protocol server answers only those from an index (it scans for anything else,
 * secondary indexes included), and a real MongoDB answers them from the {@code _id} index. Keys are built from what is
 * looked up:
 * <ul>
 * <li>{@code reports}: one entry per document id with its version and agency key, its report and findings packed in one
 * binary ({@link PackedJson});</li>
 * <li>{@code reportsByAgencyYear}: {@code _id} = local agency key {@code |} year, listing the document ids (with their
 * full agency key and values digest) of that agency and year in the order stored: the cross-year rules' history
 * look-up, which reads only the {@link #versions} of each agency;</li>
 * <li>{@code narratives}: {@code _id} = document id, the MinHash signature of its narrative and its LSH band keys;</li>
 * <li>{@code narrativeBands}: {@code _id} = band key, the documents having it (at most {@link #BAND_CAPACITY}: a band
 * shared by more is boilerplate): the COPIED_TEXT candidates' look-up;</li>
 * <li>{@code peerValues}: {@code _id} = administrative level, per OUTLIER path a histogram value → count, kept by
 * {@code $inc} as reports are first stored: the per-level statistics without a scan.</li>
 * </ul>
 * Every filter is an equality on a typed value computed here, never request input.
 */
@ApplicationScoped
public class ValidatedReportRepository {

    /** Candidates for COPIED_TEXT are capped, as is each band's list of documents. */
    static final int MAX_CANDIDATES = 200;
    static final int BAND_CAPACITY = 200;
    /** A report's report and findings, packed (see {@link PackedJson}). */
    private static final String PAYLOAD = "payload";
    /**
     * What the cross-year and rendition rules read of a stored report (the history look-up), packed apart from
     * {@link #PAYLOAD}: the report without its section texts and with the provenance of its blank cells only (the one
     * thing they read of it: whether a blank was printed blank), a fraction of the whole.
     */
    private static final String HISTORY = "history";

    /**
     * A stored report's id, agency and {@link Renditions#valuesDigest} (null for entries stored before it was kept), as
     * the history look-up lists them.
     */
    public record AgencyYearEntry(String documentId, AgencyKey agency, String valuesDigest) {
    }

    private final MongoCollection<Document> reports;
    private final MongoCollection<Document> byAgencyYear;
    private final MongoCollection<Document> narratives;
    private final MongoCollection<Document> bands;
    private final MongoCollection<Document> peerValues;
    private final AtomicBoolean indexed = new AtomicBoolean();
    private final ObjectMapper json;

    public ValidatedReportRepository(MongoClient mongo, ValidateConfig config, ObjectMapper json) {
        this.json = json;
        var db = mongo.getDatabase(config.storage().database());
        this.reports = db.getCollection("reports");
        this.byAgencyYear = db.getCollection("reportsByAgencyYear");
        this.narratives = db.getCollection("narratives");
        this.bands = db.getCollection("narrativeBands");
        this.peerValues = db.getCollection("peerValues");
    }

    /** For queries off the hot path (listing by agency on a real MongoDB); the hot path needs only {@code _id}. */
    private void ensureIndexes() {
        if (indexed.compareAndSet(false, true)) {
            try {
                reports.createIndex(Indexes.ascending("agency", "year"));
                reports.createIndex(Indexes.ascending("sha256"));
            } catch (RuntimeException e) {
                indexed.set(false);
                throw e;
            }
        }
    }

    private MongoCollection<Document> reports() {
        ensureIndexes();
        return reports;
    }

    /** The stored result with its report. */
    public Optional<ValidatedReport> find(String documentId) {
        return Optional.ofNullable(reports().find(eq("_id", documentId)).projection(Projections.exclude(HISTORY)).first())
                .map(d -> entry(d, true));
    }

    /** The stored result without its report (version, digest, agency): what a new check compares with. */
    public Optional<ValidatedReport> findSummary(String documentId) {
        return Optional.ofNullable(reports().find(eq("_id", documentId)).projection(Projections.exclude(PAYLOAD, HISTORY, "report", "findings"))
                .first()).map(d -> entry(d, false));
    }

    /** {@link #findSummary} of several documents in one query (those stored; in no particular order). */
    public List<ValidatedReport> findSummaries(List<String> documentIds) {
        List<ValidatedReport> out = new ArrayList<>();
        reports().find(in("_id", documentIds)).projection(Projections.exclude(PAYLOAD, HISTORY, "report", "findings"))
                .forEach(d -> out.add(entry(d, false)));
        return out;
    }

    /** {@link #find} of several documents in one query (those stored; in no particular order). */
    public List<ValidatedReport> findAll(List<String> documentIds) {
        List<ValidatedReport> out = new ArrayList<>();
        if (!documentIds.isEmpty()) {
            reports().find(in("_id", documentIds)).projection(Projections.exclude(HISTORY)).forEach(d -> out.add(entry(d, true)));
        }
        return out;
    }

    private ValidatedReport entry(Document d, boolean withReport) {
        Report report = null;
        if (withReport) {
            try {
                Binary payload = d.get(PAYLOAD, Binary.class);
                if (payload != null) {
                    report = json.readValue(PackedJson.unpackJson(payload), Payload.class).report();
                } else if (d.get("report") instanceof Document legacy) { // stored by an earlier version, as a tree
                    report = json.readValue(legacy.toJson(), Report.class);
                }
            } catch (IOException e) {
                throw new IllegalStateException("stored report " + d.get("_id") + " cannot be read", e);
            }
        }
        Number published = d.get("publishedVersion", Number.class);
        Date validatedAt = d.getDate("validatedAt");
        return new ValidatedReport(d.getString("_id"), d.getString("sha256"), d.getString("agency"),
                new AgencyKey(d.getString("agencyKey"), d.getString("agencyLocalKey")), d.getInteger("year"), d.getString("reportKey"),
                d.getString("valuesDigest"), report, null,
                d.getString("findingsDigest"), d.getString("ruleSetVersion"), d.get("version", Number.class).longValue(),
                published == null ? null : published.longValue(), d.getString("publishedBy"), validatedAt == null ? null : validatedAt.toInstant());
    }

    /** What the payload binary holds. */
    private record Payload(Report report, List<Finding> findings) {
    }

    /**
     * A report as the history look-up keeps it: without section texts, and with the provenance of its blank cells
     * only (for {@code Cells.term}: whether a blank was printed blank); values, region, dates and extraction findings
     * whole.
     */
    static Report historyView(Report report) {
        Map<String, Provenance> blanks = new HashMap<>();
        report.provenance().forEach((path, provenance) -> {
            if (CellPath.tryParse(path).map(report::value).orElse(null) == null) {
                blanks.put(path, provenance);
            }
        });
        return new Report(report.agency(), report.year(), report.administrativeLevel(), report.publishedOn(),
                report.templateVersion(), report.activeDisclosure(), report.applications(), report.reviewsAndLawsuits(), blanks,
                report.units(), List.of(), report.extractionFindings(), report.region(), report.agencyResolution());
    }

    private Report readHistory(String documentId, Binary history) {
        try {
            return json.readValue(PackedJson.unpackJson(history), Report.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored report " + documentId + " cannot be read", e);
        }
    }

    private static ValidatedReport withReport(ValidatedReport e, Report report) {
        return new ValidatedReport(e.documentId(), e.sha256(), e.agency(), e.agencyKey(), e.year(), e.reportKey(), e.valuesDigest(),
                report, e.findings(), e.findingsDigest(), e.ruleSetVersion(), e.version(), e.publishedVersion(), e.publishedBy(),
                e.validatedAt());
    }

    /** The digest {@link ValidatedReport#findingsDigest()} holds for these findings. */
    public String findingsDigest(List<Finding> findings) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(findings)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores a result and keeps the agency-year look-up current.
     *
     * @param previous the result stored before, if any (its agency key and year are moved when they changed)
     */
    public void upsert(ValidatedReport entry, Optional<ValidatedReport> previous, Reads reads) {
        String documentId = entry.documentId();
        reads.histories.remove(documentId);
        Binary payload;
        try {
            payload = PackedJson.packJson(json.writeValueAsBytes(new Payload(entry.report(), entry.findings())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Binary history = null;
        if (entry.report() != null) {
            try {
                history = PackedJson.packJson(json.writeValueAsBytes(historyView(entry.report())));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Document doc = new Document("_id", documentId).append("sha256", entry.sha256()).append("agency", entry.agency())
                .append("agencyKey", entry.agencyKey().full()).append("agencyLocalKey", entry.agencyKey().local())
                .append("year", entry.year()).append("findingsDigest", entry.findingsDigest())
                .append("ruleSetVersion", entry.ruleSetVersion()).append("version", entry.version())
                .append("validatedAt", Date.from(entry.validatedAt())).append(PAYLOAD, payload);
        if (history != null) {
            doc.append(HISTORY, history);
        }
        // What the agencies directory reads, beside the packed payload (AgencyDirectoryRepository).
        doc.append("reportKey", entry.reportKey()).append("valuesDigest", entry.valuesDigest());
        if (entry.report() != null) {
            Region region = entry.report().region();
            doc.append("region", region == null ? null : new Document("code", region.code()).append("province", region.province())
                    .append("city", region.city()).append("county", region.county()).append("township", region.township()));
            doc.append("administrativeLevel", entry.report().administrativeLevel());
            doc.append("publishedOn", entry.report().publishedOn() == null ? null : entry.report().publishedOn().toString());
        }
        if (entry.publishedVersion() != null) {
            doc.append("publishedVersion", entry.publishedVersion());
        }
        if (entry.publishedBy() != null) {
            doc.append("publishedBy", entry.publishedBy());
        }
        reports().replaceOne(eq("_id", documentId), doc, new ReplaceOptions().upsert(true));
        String key = agencyYearKey(entry.agencyKey().local(), entry.year());
        String before = previous.map(p -> agencyYearKey(p.agencyKey().local(), p.year())).orElse(null);
        String agencyKey = entry.agencyKey().full();
        // A changed digest moves the entry to the end of its list (pull, then add): a re-extraction that changed a
        // document's values makes it a later version.
        boolean changed = previous.isEmpty() || !Objects.equals(before, key)
                || !Objects.equals(agencyKey, previous.get().agencyKey().full())
                || !Objects.equals(entry.valuesDigest(), previous.get().valuesDigest());
        if (!changed) {
            return;
        }
        reads.lists.remove(before);
        reads.lists.remove(key);
        if (before != null) {
            byAgencyYear.updateOne(eq("_id", before), Updates.pull("documents", new Document("d", documentId)));
        }
        if (key != null) {
            byAgencyYear.updateOne(eq("_id", key), Updates.addToSet("documents", new Document("d", documentId).append("k", agencyKey)
                    .append("v", entry.valuesDigest())), new UpdateOptions().upsert(true));
        }
    }

    /**
     * Records an unchanged re-check: only its time moves (the history look-up orders an agency-year's reports by it),
     * where {@link #upsert} would write the same entry again, packing the report twice. {@code claimedVersion} (when not
     * null) and {@code claimant} are the claim of its event, written in the same update as {@link #upsert} writes it
     * with the entry: before the Kafka transaction of the incoming record {@code claimant} that carries the event
     * commits, so that if the transaction aborts the record comes again and recognises its own claim (ValidationService).
     */
    public void touch(String documentId, Instant validatedAt, Long claimedVersion, String claimant, Reads reads) {
        reads.histories.remove(documentId);
        Bson update = Updates.set("validatedAt", Date.from(validatedAt));
        if (claimedVersion != null) {
            update = Updates.combine(update, Updates.set("publishedVersion", claimedVersion), Updates.set("publishedBy", claimant));
        }
        reports().updateOne(eq("_id", documentId), update);
    }

    private static String agencyYearKey(String agencyLocalKey, Integer year) {
        return agencyLocalKey == null || agencyLocalKey.isEmpty() || year == null ? null : agencyLocalKey + "|" + year;
    }

    /**
     * What the checks of one incoming event read of the agency-year lists, the history entries, the narrative bands and
     * the narrative entries, each read once: the event's own check, the look-up of the neighbours it affects and their
     * re-checks ask for the same agency-years again and again (a report's year is its neighbours' previous or next year),
     * and an agency's reports share most of their narrative's bands. {@link #upsert}, {@link #touch} and
     * {@link #saveNarrative} evict what they change, so a read through it answers what the store holds. For one thread
     * and one event only, or the re-checks at the end of one batch (ValidationService.Batch).
     */
    public static final class Reads {
        private final Map<String, List<AgencyYearEntry>> lists = new HashMap<>();
        private final Map<String, ValidatedReport> histories = new HashMap<>();
        /** Band keys asked → each band's documents, in the order the store returned the bands (it decides the cap). */
        private final Map<List<String>, List<List<String>>> bandLists = new HashMap<>();
        /** Narrative entries by document id (without their bands); null for an id that has none. */
        private final Map<String, Document> narratives = new HashMap<>();
        /**
         * Band key → its count {@code n} as read with its documents (0 for a band asked that does not exist): what
         * {@link #saveNarrative} checks against {@link #BAND_CAPACITY} for the bands it adds a document to, which are
         * those the check's COPIED_TEXT look-up has just read.
         */
        private final Map<String, Integer> bandSizes = new HashMap<>();
    }

    /** A new, empty {@link Reads}. */
    public Reads reads() {
        return new Reads();
    }

    /** {@link #idsByAgencyAndYear(String, int)}, read once per {@code reads}. */
    public List<AgencyYearEntry> idsByAgencyAndYear(String agencyLocalKey, int year, Reads reads) {
        String key = agencyYearKey(agencyLocalKey, year);
        if (key == null) {
            return List.of();
        }
        List<AgencyYearEntry> cached = reads.lists.get(key);
        if (cached == null) {
            cached = List.copyOf(idsByAgencyAndYear(agencyLocalKey, year));
            reads.lists.put(key, cached);
        }
        return cached;
    }

    /**
     * Reads into {@code reads}, in one round trip, the agency-year lists of these years not read yet: a check asks for
     * its year and the two next to it one after the other, and most of those lists do not exist, which costs a round
     * trip each all the same.
     */
    public void readAgencyYears(String agencyLocalKey, List<Integer> years, Reads reads) {
        Map<String, Integer> unread = new HashMap<>();
        for (int year : years) {
            String key = agencyYearKey(agencyLocalKey, year);
            if (key != null && !reads.lists.containsKey(key)) {
                unread.put(key, year);
            }
        }
        if (unread.isEmpty()) {
            return;
        }
        Map<String, List<AgencyYearEntry>> found = new HashMap<>();
        byAgencyYear.find(in("_id", List.copyOf(unread.keySet())))
                .forEach(index -> found.put(index.getString("_id"), List.copyOf(entries(index, agencyLocalKey))));
        unread.keySet().forEach(key -> reads.lists.put(key, found.getOrDefault(key, List.of())));
    }

    /**
     * Reads into {@code reads}, in one query, the history entries of the {@link #versions} of these agency-years not
     * read yet (their lists read with {@link #readAgencyYears} first): the history rules ask for each year in turn
     * ({@link #byAgencyAndYear}), a round trip each. Entries stored without a history entry are left to
     * {@link #byAgencyAndYear}, which reads them whole.
     */
    public void readHistories(String agencyLocalKey, List<Integer> years, Reads reads) {
        Set<String> unread = new LinkedHashSet<>();
        for (int year : years) {
            for (AgencyYearEntry e : versions(idsByAgencyAndYear(agencyLocalKey, year, reads))) {
                if (!reads.histories.containsKey(e.documentId())) {
                    unread.add(e.documentId());
                }
            }
        }
        if (unread.isEmpty()) {
            return;
        }
        reports().find(in("_id", List.copyOf(unread))).projection(Projections.exclude(PAYLOAD, "report", "findings")).forEach(d -> {
            if (d.get(HISTORY) instanceof Binary history) {
                ValidatedReport read = withReport(entry(d, false), readHistory(d.getString("_id"), history));
                reads.histories.put(read.documentId(), read);
            }
        });
    }

    /** The ids and agencies of the stored reports of that year whose agency has this local key. */
    public List<AgencyYearEntry> idsByAgencyAndYear(String agencyLocalKey, int year) {
        String key = agencyYearKey(agencyLocalKey, year);
        Document index = key == null ? null : byAgencyYear.find(eq("_id", key)).first();
        return index == null ? List.of() : entries(index, agencyLocalKey);
    }

    private static List<AgencyYearEntry> entries(Document index, String agencyLocalKey) {
        List<AgencyYearEntry> out = new ArrayList<>();
        for (Document e : index.getList("documents", Document.class)) {
            out.add(new AgencyYearEntry(e.getString("d"), new AgencyKey(e.getString("k"), agencyLocalKey), e.getString("v")));
        }
        return out;
    }

    /**
     * The versions among one agency-year's entries: per agency, the first stored entry of each values digest, at most
     * {@link Renditions#MAX_VERSIONS} (an entry without a digest counts as a version of its own).
     */
    public static List<AgencyYearEntry> versions(List<AgencyYearEntry> entries) {
        Map<String, Set<String>> digests = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        List<AgencyYearEntry> out = new ArrayList<>();
        for (AgencyYearEntry e : entries) {
            String agency = String.valueOf(e.agency().full());
            Set<String> seen = digests.computeIfAbsent(agency, a -> new HashSet<>());
            int count = counts.getOrDefault(agency, 0);
            if (count < Renditions.MAX_VERSIONS && (e.valuesDigest() == null || seen.add(e.valuesDigest()))) {
                counts.put(agency, count + 1);
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Stored results (with their reports) for that year whose agency has this local key, newest first: only the
     * {@link #versions}, so a flood of copies of one report costs a bounded read.
     */
    public List<ValidatedReport> byAgencyAndYear(String agencyLocalKey, int year, Reads reads) {
        List<String> ids = versions(idsByAgencyAndYear(agencyLocalKey, year, reads)).stream().map(AgencyYearEntry::documentId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ValidatedReport> out = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (String id : ids) {
            ValidatedReport known = reads.histories.get(id);
            if (known != null) {
                out.add(known);
            } else {
                unread.add(id);
            }
        }
        List<String> older = new ArrayList<>();
        // the small history entries, not the whole payloads; entries stored before they were kept are read whole
        if (!unread.isEmpty()) {
            reports().find(in("_id", unread)).projection(Projections.exclude(PAYLOAD, "report", "findings")).forEach(d -> {
                if (d.get(HISTORY) instanceof Binary history) {
                    ValidatedReport read = withReport(entry(d, false), readHistory(d.getString("_id"), history));
                    reads.histories.put(read.documentId(), read);
                    out.add(read);
                } else {
                    older.add(d.getString("_id"));
                }
            });
        }
        if (!older.isEmpty()) {
            reports().find(in("_id", older)).forEach(d -> out.add(entry(d, true)));
        }
        out.sort(Comparator.comparing(ValidatedReport::validatedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /**
     * Keeps the report's narrative signature (or forgets it, when the report has too little narrative) and its bands.
     *
     * @param firstStored whether the document's entry was stored just now for the first time: then it has no narrative
     *                    entry to replace (one is written only after its report entry, see ValidationService, and report
     *                    entries are never removed), and none is read
     */
    public void saveNarrative(String documentId, String sha256, String agency, AgencyKey key, Integer year,
            NarrativeSignature signature, boolean firstStored, Reads reads) {
        reads.narratives.remove(documentId);
        Document old = firstStored ? null : narratives.find(eq("_id", documentId)).projection(Projections.include("bands")).first();
        Set<String> oldBands = old == null ? Set.of() : new LinkedHashSet<>(old.getList("bands", String.class, List.of()));
        Set<String> newBands = signature == null ? Set.of() : new LinkedHashSet<>(signature.bandKeys());
        if (signature == null) {
            if (!firstStored) {
                narratives.deleteOne(eq("_id", documentId));
            }
        } else {
            Document doc = new Document("_id", documentId).append("agency", agency).append("agencyKey", key.full())
                    .append("agencyLocalKey", key.local()).append("year", year).append("minHashes", new Binary(signature.toBytes()))
                    // whose signature it is: a re-check of the same report under the same rules reads it instead of
                    // signing the narrative again (storedSignature)
                    .append("sha256", sha256).append("ruleSetVersion", RuleCatalogue.VERSION)
                    .append("bands", signature.bandKeys());
            narratives.replaceOne(eq("_id", documentId), doc, new ReplaceOptions().upsert(true));
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (String band : oldBands) {
            if (!newBands.contains(band)) {
                updates.add(new UpdateOneModel<>(eq("_id", band),
                        Updates.combine(Updates.pull("documents", documentId), Updates.inc("n", -1))));
            }
        }
        List<String> added = newBands.stream().filter(b -> !oldBands.contains(b)).toList();
        if (!added.isEmpty()) {
            Map<String, Integer> sizes = new HashMap<>();
            if (reads.bandSizes.keySet().containsAll(added)) {
                // read with the bands' documents by this check's COPIED_TEXT look-up, and not written since
                added.forEach(band -> sizes.put(band, reads.bandSizes.get(band)));
            } else {
                bands.find(in("_id", added)).projection(Projections.include("n"))
                        .forEach(d -> sizes.put(d.getString("_id"), bandSize(d)));
            }
            for (String band : added) {
                if (sizes.getOrDefault(band, 0) < BAND_CAPACITY) {
                    updates.add(new UpdateOneModel<>(eq("_id", band),
                            Updates.combine(Updates.addToSet("documents", documentId), Updates.inc("n", 1)), new UpdateOptions().upsert(true)));
                }
            }
        }
        if (!updates.isEmpty()) {
            Set<String> changed = new HashSet<>(oldBands);
            changed.addAll(newBands);
            reads.bandLists.keySet().removeIf(asked -> asked.stream().anyMatch(changed::contains));
            reads.bandSizes.keySet().removeAll(changed);
            bands.bulkWrite(updates);
        }
    }

    /** A band entry's count of documents added minus removed ({@code n}; 0 when absent). */
    private static int bandSize(Document band) {
        Number n = band.get("n", Number.class);
        return n == null ? 0 : n.intValue();
    }

    /** Narratives sharing at least one band key with these, other than the excluded document's. */
    public List<Document> narrativesSharingABand(List<String> bandKeys, String excludedDocumentId, Reads reads) {
        List<List<String>> lists = reads.bandLists.get(bandKeys);
        if (lists == null) {
            List<List<String>> read = new ArrayList<>();
            Map<String, Integer> sizes = new HashMap<>();
            bandKeys.forEach(key -> sizes.put(key, 0));
            bands.find(in("_id", bandKeys)).forEach(band -> {
                read.add(List.copyOf(band.getList("documents", String.class, List.of())));
                sizes.put(band.getString("_id"), bandSize(band));
            });
            reads.bandSizes.putAll(sizes);
            lists = read;
            reads.bandLists.put(List.copyOf(bandKeys), lists);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (List<String> documents : lists) {
            for (String id : documents) {
                if (!id.equals(excludedDocumentId) && ids.size() < MAX_CANDIDATES) {
                    ids.add(id);
                }
            }
        }
        List<String> unread = ids.stream().filter(id -> !reads.narratives.containsKey(id)).toList();
        if (!unread.isEmpty()) {
            unread.forEach(id -> reads.narratives.put(id, null));
            // without their band keys: the rule needs the signature, agency and year
            narratives.find(in("_id", unread)).projection(Projections.exclude("bands"))
                    .forEach(d -> reads.narratives.put(d.getString("_id"), d));
        }
        List<Document> out = new ArrayList<>();
        for (String id : ids) {
            Document d = reads.narratives.get(id);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** Reads into {@code reads}, in one query, the narrative entries of these documents not read yet (without their bands). */
    public void readNarratives(List<String> documentIds, Reads reads) {
        List<String> unread = documentIds.stream().filter(id -> !reads.narratives.containsKey(id)).toList();
        if (!unread.isEmpty()) {
            unread.forEach(id -> reads.narratives.put(id, null));
            narratives.find(in("_id", unread)).projection(Projections.exclude("bands"))
                    .forEach(d -> reads.narratives.put(d.getString("_id"), d));
        }
    }

    /**
     * A stored narrative signature and what its entry says of its report: {@link #saveNarrative} would write the entry
     * as it is when {@link #describes} holds.
     */
    public record StoredSignature(NarrativeSignature signature, String agency, String agencyKey, String agencyLocalKey, Integer year) {

        public boolean describes(String agency, AgencyKey key, Integer year) {
            return Objects.equals(this.agency, agency) && Objects.equals(agencyKey, key.full())
                    && Objects.equals(agencyLocalKey, key.local()) && Objects.equals(this.year, year);
        }
    }

    /**
     * The narrative signature the store holds for this stored report, when its entry was written for the same bytes
     * under the current rules (so for the same report and the same signing); null when unknown (no entry: too little
     * narrative, or none read into {@code reads}; an entry of another report or of earlier rules).
     */
    public StoredSignature storedSignature(ValidatedReport stored, Reads reads) {
        Document d = reads.narratives.get(stored.documentId());
        if (d == null || stored.sha256() == null || !stored.sha256().equals(d.getString("sha256"))
                || !RuleCatalogue.VERSION.equals(d.getString("ruleSetVersion")) || !RuleCatalogue.VERSION.equals(stored.ruleSetVersion())
                || !(d.get("minHashes") instanceof Binary hashes)) {
            return null;
        }
        NarrativeSignature signature = NarrativeSignature.fromBytes(hashes.getData());
        return signature == null ? null
                : new StoredSignature(signature, d.getString("agency"), d.getString("agencyKey"), d.getString("agencyLocalKey"),
                        d.getInteger("year"));
    }

    /** Records that subscribers were sent this version (an unpublished change is sent again on the next check). */
    public void markPublished(String documentId, long version) {
        reports().updateOne(eq("_id", documentId), Updates.max("publishedVersion", version));
    }

    /** Counts a newly stored report's values into its level's histograms (path index → value → count). */
    public void addPeerValues(String level, Map<Integer, Double> valuesByPath) {
        if (valuesByPath.isEmpty()) {
            return;
        }
        List<Bson> incs = new ArrayList<>();
        valuesByPath.forEach((path, value) -> incs.add(Updates.inc("v" + path + "." + valueKey(value), 1L)));
        peerValues.updateOne(eq("_id", level), Updates.combine(incs), new UpdateOptions().upsert(true));
    }

    /** Every level's histograms: level → path index → value → count (a handful of small documents). */
    public Map<String, Map<Integer, TreeMap<Double, Long>>> peerHistograms() {
        Map<String, Map<Integer, TreeMap<Double, Long>>> out = new HashMap<>();
        for (Document level : peerValues.find()) {
            Map<Integer, TreeMap<Double, Long>> paths = new HashMap<>();
            for (var e : level.entrySet()) {
                if (e.getKey().startsWith("v") && e.getValue() instanceof Document counts) {
                    TreeMap<Double, Long> histogram = new TreeMap<>();
                    counts.forEach((value, count) -> histogram.merge(Double.parseDouble(value.replace('_', '.')),
                            ((Number) count).longValue(), Long::sum));
                    paths.put(Integer.parseInt(e.getKey().substring(1)), histogram);
                }
            }
            out.put(level.getString("_id"), paths);
        }
        return out;
    }

    /** A value as a field name: no dot (MongoDB reads dots as paths). */
    private static String valueKey(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', '_');
    }

    public long count() {
        return reports().countDocuments();
    }

    /** Every stored document id, in id order (for re-validation). */
    public void forEachDocumentId(Consumer<String> action) {
        reports().find().projection(Projections.include("_id")).sort(Sorts.ascending("_id"))
                .forEach(d -> action.accept(d.getString("_id")));
    }
}
