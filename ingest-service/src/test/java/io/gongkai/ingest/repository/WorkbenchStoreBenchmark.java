package io.gongkai.ingest.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.ingest.service.DocumentStatusService;
import io.gongkai.ingest.web.ProblemFilter;
import io.gongkai.ingest.web.ProblemList;
import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import io.gongkai.model.Severity;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import io.gongkai.model.events.RawDocumentEvent;
import io.gongkai.model.events.ValidatedEvent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The workbench's reads against a full store: preloads N validated reports into the embedded MongoDB-protocol server
 * with its H2 file backend (as {@code ./gongkai up} runs it) through the read model's own writing code
 * ({@link DocumentRepository}, {@link DocumentStatusService}: the stored shape is exactly the live one), then times the
 * queries behind each page and prints the medians of five runs, warm and cold. A benchmark, not a test: it runs only when asked,
 * {@code -Dworkbench.bench.reports=100000}, and asserts nothing about time. Command in docs/workbench.md.
 */
class WorkbenchStoreBenchmark {

    @Test
    void pageQueriesOnAFullStore() throws Exception {
        String n = System.getProperty("workbench.bench.reports");
        Assumptions.assumeTrue(n != null, "a benchmark: run with -Dworkbench.bench.reports=N");
        int reports = Integer.parseInt(n);
        Path dir = Files.createTempDirectory("workbench-bench");
        MongoServer server = new MongoServer(new H2Backend(dir.resolve("data.mv").toString()));
        var address = server.bind();
        try (MongoClient mongo = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            IngestConfig config = config();
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).findAndRegisterModules();
            DocumentRepository documents = new DocumentRepository(mongo, config);
            ListingRepository listing = new ListingRepository(mongo, config);
            DocumentStatusService statuses = new DocumentStatusService(documents, listing, json);
            WorkbenchRepository workbench = new WorkbenchRepository(mongo, config, json, listing);
            ProblemList problems = new ProblemList(workbench);

            System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
            long start = System.nanoTime();
            preload(reports, documents, statuses, mongo, listing);
            System.out.printf("preloaded %,d reports in %.0f s (H2 file %,d MB)%n", reports, (System.nanoTime() - start) / 1e9,
                    Files.size(dir.resolve("data.mv")) / 1_000_000);
            listing.rows();
            System.out.printf("listing: %,d buckets of at most %d rows%n", listing.buckets(), ListingRepository.MAX_ROWS);

            ReportFilter all = ReportFilter.none();
            ReportFilter county = all.inRegion("410724");
            ReportFilter province = all.inRegion("410000");
            List<ReportListing> first = workbench.list(all, ReportSort.RECEIVED, false, null, true, 21);
            ListCursor second = WorkbenchRepository.cursorOf(first.get(19), ReportSort.RECEIVED);
            WorkbenchRepository.ProblemPage problemFirst = workbench.problemPage(all, null, null, null, 20);

            ReportFilter year = new ReportFilter(null, 2023, null, null, false, false, null, false, null, false, false);
            ReportFilter agency = new ReportFilter("财政局", null, null, null, true, false, null, false, null, false, false);
            time("/reports first page (20 rows + 1)", listing, () -> workbench.list(all, ReportSort.RECEIVED, false, null, true, 21));
            time("/reports next page (keyset)", listing, () -> workbench.list(all, ReportSort.RECEIVED, false, second, true, 21));
            time("/reports page 200 (jump)", listing, () -> workbench.list(all, ReportSort.RECEIVED, false, null, true, 199 * 20, 21));
            time("/reports sorted by errors", listing, () -> workbench.list(all, ReportSort.ERRORS, false, null, true, 21));
            time("/reports sorted by agency", listing, () -> workbench.list(all, ReportSort.AGENCY, true, null, true, 21));
            time("/reports count (all)", listing, () -> workbench.count(all));
            time("/reports?year=2023 page + count", listing, () -> List.of(workbench.list(year, ReportSort.RECEIVED, false, null, true, 21),
                    workbench.count(year)));
            time("/reports?agency=财政局&errors=1 page+count", listing, () -> List.of(workbench.list(agency, ReportSort.RECEIVED, false, null,
                    true, 21), workbench.count(agency)));
            time("/reports?region=410000 page", listing, () -> workbench.list(province, ReportSort.RECEIVED, false, null, true, 21));
            time("/reports?region=410000 count", listing, () -> workbench.count(province));
            time("/reports?region=410724 page", listing, () -> workbench.list(county, ReportSort.RECEIVED, false, null, true, 21));
            time("/problems first page (rows + total)", listing, () -> problems.page(new ProblemFilter(all, null, null), null, 20));
            List<String> problemIds = problemFirst.reports().stream().map(WorkbenchRepository.ReportFindings::documentId).toList();
            time("/problems first page: its rows' places", listing, () -> workbench.problemPage(all, null, null, null, 20));
            time("/problems first page: its " + problemIds.size() + " reports read", listing, () -> workbench.withFindings(problemIds));
            time("/problems next page (keyset)", listing, () -> workbench.problemPage(all, null, null, problemFirst.next(), 20));
            time("/problems total (count)", listing, () -> workbench.countProblems(all, null, null));
            time("/problems?region=410724 first page", listing, () -> problems.page(new ProblemFilter(county, null, null), null, 20));
            time("/problems?code=COPIED_TEXT first page", listing, () -> problems.page(new ProblemFilter(all, null, "COPIED_TEXT"), null, 20));
            time("/overview levels x years", listing, () -> workbench.countByLevelAndYear(null));
            time("/overview?region=410000 below", listing, () -> workbench.countBelow("410000", 2023));
            time("/overview?region=410000 governments", listing, () -> workbench.governmentsWithReport("410000", 2023));
            time("/overview years", listing, () -> workbench.years(null));
            time("/overview (all its queries)", listing, () -> List.of(workbench.years(null), workbench.countBelow(null, 2023),
                    workbench.countByLevelAndYear(null)));
            time("/agency?name=… (its rows)", listing, () -> workbench.sameAgency(first.get(0).agency(), first.get(0).documentId()));
            // one event's write into the listing (cold: its bucket read from the store first), what issue 14 wants flat:
            // later revisions of the newest reports, made beforehand so that only the write is timed
            List<ListingRow> newest = listing.newestFirst().subList(0, 40);
            int[] next = {0};
            time("one event's listing write", listing, () -> {
                ListingRow r = newest.get(next[0]++ % newest.size());
                listing.put(List.of(rewritten(r)));
                return null;
            });
            // a report validated again while the pages are read: its bucket is read again, the others come from memory
            time("/reports first page after one write", listing, () -> {
                listing.put(List.of(rewritten(newest.get(next[0]++ % newest.size()))));
                return workbench.list(all, ReportSort.RECEIVED, false, null, true, 21);
            });
            System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            server.shutdownNow();
            Files.deleteIfExists(dir.resolve("data.mv"));
            Files.deleteIfExists(dir);
        }
    }

    private static final int RUNS = 5;

    /**
     * Median of {@value #RUNS} runs, warm (the listing's rows of unchanged buckets held in memory, as between two
     * requests) and cold (nothing held: every bucket read from the store, as on the first request after a start).
     */
    private static void time(String what, ListingRepository listing, Supplier<?> query) {
        long[] warm = new long[RUNS];
        long[] cold = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            listing.forgetCached();
            cold[i] = run(query);
            warm[i] = run(query);
        }
        Arrays.sort(warm);
        Arrays.sort(cold);
        System.out.printf("%-44s warm median %,6d ms (max %,d)   cold median %,6d ms (max %,d)%n", what, warm[RUNS / 2], warm[RUNS - 1],
                cold[RUNS / 2], cold[RUNS - 1]);
    }

    private static long run(Supplier<?> query) {
        long t = System.nanoTime();
        query.get();
        return Duration.ofNanos(System.nanoTime() - t).toMillis();
    }

    private static int rewrites;

    /** A report's row at a later revision (another validation), as the consumer would copy it. */
    private static ListingRow rewritten(ListingRow r) {
        rewrites++;
        return new ListingRow(r.id(), r.status(), r.file(), r.received(), r.agency(), r.year(), r.level(), r.template(), r.errors(),
                r.warnings(), r.error(), r.regions(), r.late(), r.copied(), r.government(), r.problems(), r.rev() + 1000 + rewrites);
    }

    /**
     * Reports written through the read model's own code ({@code -Dworkbench.bench.written}, 500 by default); the rest
     * of the store is copies of them (see {@link #copy}).
     */
    private static final int WRITTEN = Integer.getInteger("workbench.bench.written", 500);

    /**
     * Reports spread over every county of the division list and six years; a fifth with errors, some late or copied.
     * The first {@link #WRITTEN} go through the read model's own code (five round trips each); the others are copies of
     * those stored documents, inserted in batches, each with its own id, receipt time, county, year and flags: the
     * same stored shape and size, at a fraction of the time.
     */
    private static void preload(int count, DocumentRepository documents, DocumentStatusService statuses, MongoClient mongo,
            ListingRepository listing) {
        write(Math.min(count, WRITTEN), documents, statuses);
        MongoCollection<Document> stored = mongo.getDatabase("gongkai-ingest").getCollection("documents");
        List<Document> originals = stored.find().into(new ArrayList<>());
        List<Division> counties = counties();
        Random random = new Random(11);
        List<Document> batch = new ArrayList<>();
        List<ListingRow> rows = new ArrayList<>();
        for (int i = WRITTEN; i < count; i++) {
            batch.add(copy(originals.get(i % originals.size()), i, counties.get(i % counties.size()), random));
            if (batch.size() == 1_000 || i == count - 1) {
                stored.insertMany(batch);
                batch.forEach(d -> rows.add(ListingRow.of(d)));
                batch.clear();
            }
            if (rows.size() == 25_000 || i == count - 1) {
                // the slim listing's rows of the copies, in bulk: one write per bucket per 25,000 rows
                listing.put(rows);
                rows.clear();
            }
        }
    }

    private static Document copy(Document original, int i, Division county, Random random) {
        Document d = new Document(original);
        d.put("_id", id(i));
        d.put("sha256", id(i) + id(i));
        d.put("receivedAt", java.util.Date.from(BASE.plusSeconds(i)));
        d.put("year", 2019 + i % 6);
        d.put("agency", county.name() + (i % 3 == 0 ? "人民政府" : "财政局"));
        d.put("government", i % 3 == 0);
        d.put("regionCodes", Divisions.get().chain(county).stream().map(Division::gbCode).toList());
        d.put("late", random.nextInt(8) == 0);
        d.put("copied", random.nextInt(10) == 0);
        return d;
    }

    private static String id(int i) {
        return (HexFormat.of().toHexDigits(i) + HexFormat.of().toHexDigits((long) i * 2654435761L) + HexFormat.of().toHexDigits(i)).substring(0, 32);
    }

    private static final Instant BASE = Instant.parse("2024-03-01T00:00:00Z");

    private static List<Division> counties() {
        List<Division> counties = new ArrayList<>(Divisions.get().atLevel(AdministrativeLevel.COUNTY));
        // Henan first, so that the region figures above have reports to find
        counties.sort((a, b) -> Boolean.compare(!a.code().startsWith("41"), !b.code().startsWith("41")));
        return counties;
    }

    private static void write(int count, DocumentRepository documents, DocumentStatusService statuses) {
        Divisions divisions = Divisions.get();
        List<Division> counties = counties();
        Random random = new Random(7);
        Instant base = BASE;
        for (int i = 0; i < count; i++) {
            String id = id(i);
            Division county = counties.get(i % counties.size());
            int year = 2019 + i % 6;
            boolean government = i % 3 == 0;
            String agency = county.name() + (government ? "人民政府" : "财政局");
            Instant received = base.plusSeconds(i);
            documents.insertIfAbsent(new RawDocumentEvent(id, id + id, 40_000, "report-" + i + ".txt", "text/plain", null, null, received));
            List<Finding> findings = new ArrayList<>();
            if (random.nextInt(5) == 0) {
                findings.add(new Finding("APPLICATIONS_TOTAL_ROW", Severity.error, List.of("applications.totalHandled.naturalPerson"),
                        "（七）总计 自然人 29，但各项之和为 1。"));
            }
            if (random.nextInt(8) == 0) {
                findings.add(new Finding("LATE_PUBLICATION", Severity.warning, List.of("publishedOn", "year"), "发布日期晚于法定时限"));
            }
            if (random.nextInt(10) == 0) {
                findings.add(new Finding("COPIED_TEXT", Severity.warning, List.of("sections.1"), "文字与上一年度大量相同"));
            }
            statuses.onValidated(new ValidatedEvent(id, id + id, report(agency, year, divisions.region(county), random), findings, "rules-1", 1,
                    received.plusSeconds(30)));
        }
    }

    /** About the stored size of a real report (12-16 KB packed): 4,000 characters that deflate poorly. */
    private static Report report(String agency, int year, io.gongkai.model.Region region, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            text.append((char) (0x4E00 + random.nextInt(3000)));
        }
        Map<String, Map<String, BigDecimal>> applications = Map.of(
                "newReceived", Map.of("naturalPerson", new BigDecimal(28), "total", new BigDecimal(28)),
                "totalHandled", Map.of("naturalPerson", new BigDecimal(29), "total", new BigDecimal(29)));
        Map<String, Provenance> provenance = Map.of(
                "applications.totalHandled.naturalPerson", new Provenance(null, 4, 0, "（七）总计", "29"));
        return new Report(agency, year, AdministrativeLevel.COUNTY, null, "2021", Map.of(), applications, Map.of(), provenance, Map.of(),
                List.of(new Section(1, "一、总体情况", 1, 2, text.toString())), List.of(), region, null);
    }

    private static IngestConfig config() {
        return ListingRepositoryTest.config();
    }
}
