package io.gongkai.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.gongkai.bench.ReportVariants.Format;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./gongkai bench}: the whole pipeline under load, measured from its own events. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Pushes N distinct generated reports through a running Gongkai and prints throughput, latency "
                + "(receivedAt of reports.raw to validatedAt of reports.validated, and per stage, split at the record time of "
                + "reports.extracted), CPU and peak RSS per process, bytes per "
                + "report per topic and in the store, and the ratio to the raw broker.")
public final class BenchCommand implements Callable<Integer> {

    private static final Pattern DOCUMENT_ID = Pattern.compile("\"documentId\"\\s*:\\s*\"([0-9a-f]{32})\"");
    private static final List<String> DATABASES = List.of("gongkai-ingest", "gongkai-validate");

    @Option(names = {"-n", "--reports"}, description = "reports to push and measure (default ${DEFAULT-VALUE})")
    long reports = 2000;

    @Option(names = {"-c", "--concurrency"}, description = "submits in flight at most (default ${DEFAULT-VALUE})")
    int concurrency = 16;

    @Option(names = "--rate", description = "offered reports per second; 0: as fast as the concurrency allows (default ${DEFAULT-VALUE})")
    double rate = 0;

    @Option(names = "--mix", description = "formats in percent, e.g. text=60,html=20,pdf=20 (default ${DEFAULT-VALUE})")
    String mix = "text=100";

    @Option(names = "--preload", description = "reports written straight into the store before the measured run, as if they had gone "
            + "through the pipeline: one cycle of seeds (every sample in every year) goes through it, the rest are copies of "
            + "their entries (rounded up to whole cycles; text variants; default ${DEFAULT-VALUE})")
    long preload = 0;

    @Option(names = "--preload-through-pipeline", description = "reports pushed (and waited for) before the measured run, to fill "
            + "the store the slow way (default ${DEFAULT-VALUE})")
    long preloadThroughPipeline = 0;

    @Option(names = "--findings", description = "print the measured run's findings by code (read back through the API), "
            + "to compare a preloaded store with one filled through the pipeline")
    boolean findings;

    @Option(names = "--years-per-agency", description = "successive years generated per made-up agency (default ${DEFAULT-VALUE})")
    int yearsPerAgency = 4;

    @Option(names = "--raw-kafka-records", description = "records for the raw-broker baseline; 0 skips it (default ${DEFAULT-VALUE})")
    long rawKafkaRecords = 20000;

    @Option(names = "--timeout", description = "seconds to wait for the last result after the last submit (default ${DEFAULT-VALUE})")
    long timeoutSeconds = 900;

    @Option(names = "--ingest", required = true, description = "ingest-service base URL")
    String ingest;

    @Option(names = "--kafka", required = true, description = "bootstrap servers")
    String kafka;

    @Option(names = "--mongo", required = true, description = "MongoDB URI")
    String mongo;

    @Option(names = "--token", defaultValue = "${env:GONGKAI_TOKEN}", description = "submit token (default: $GONGKAI_TOKEN)")
    String token;

    @Option(names = "--state", required = true, description = "./gongkai's state directory (.gongkai)")
    Path state;

    @Option(names = "--samples", required = true, description = "directory of sample .txt reports")
    Path samples;

    @Option(names = "--kafka-lib", required = true, description = "Kafka's jars (for ProducerPerformance/ConsumerPerformance)")
    Path kafkaLib;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ReportVariants variants = new ReportVariants(samples, yearsPerAgency);
        Map<Format, Integer> formats = parseMix(mix);
        long cycle = variants.cycle();
        long preloaded = preload == 0 ? 0 : Math.max(2, (preload + cycle - 1) / cycle) * cycle; // seeds and whole cycles of copies
        long before = preloaded + preloadThroughPipeline;
        long first = nextIndex(before + reports, preloaded > 0 ? cycle : 1);
        System.out.printf("gongkai bench: %d reports (%s), concurrency %d, offered rate %s, preload %d (through the pipeline %d), %d samples x %d years per agency%n",
                reports, mix, concurrency, rate > 0 ? rate + "/s" : "unbounded", preloaded, preloadThroughPipeline, variants.sampleCount(),
                yearsPerAgency);
        System.out.printf("machine: %s, %s%n", ProcessSampler.machineLoad(), Runtime.getRuntime().availableProcessors() + " cpus");

        try (EventWatcher events = new EventWatcher(kafka); MongoClient store = MongoClients.create(mongo)) {
            if (preloaded > 0) {
                preloadStore(variants, events, store, first, preloaded);
            }
            if (preloadThroughPipeline > 0) {
                System.out.printf("preloading %d reports through the pipeline…%n", preloadThroughPipeline);
                Pushed pre = push(variants, formats, first + preloaded, preloadThroughPipeline, 0, null, events);
                awaitResults(pre.documentIds(), events, "preload");
                System.out.printf("preload done: %d accepted, %d errors%n", pre.documentIds().size(), pre.errors());
            }
            // The measured run's documents are made before it starts: a PDF takes the bench tens of milliseconds of CPU,
            // which would otherwise compete with the services for the same cores and slow the pacing.
            long madeAt = System.nanoTime();
            List<byte[]> bodies = new ArrayList<>();
            for (long i = 0; i < reports; i++) {
                bodies.add(variants.variant(first + before + i, formatOf(first + before + i, formats)));
            }
            System.out.printf("made %d documents (%.1f MB) in %.1f s%n", reports, bodies.stream().mapToLong(b -> b.length).sum() / 1e6,
                    (System.nanoTime() - madeAt) / 1e9);
            events.resetCounts();
            Map<String, Long> storeBefore = storeBytes(store);
            long filesBefore = directoryBytes(state.resolve("mongo"));
            ProcessSampler processes = new ProcessSampler(state.resolve("pids"), "ingest", "extract", "validate", "kafka", "mongo");
            processes.start();
            System.out.printf("machine before the run: %s%n", ProcessSampler.machineLoad());

            long started = System.nanoTime();
            Pushed run;
            double submitSeconds;
            try (Progress progress = new Progress(events, processes, started)) {
                run = push(variants, formats, first + before, reports, rate, bodies, events);
                submitSeconds = (System.nanoTime() - started) / 1e9;
                awaitResults(run.documentIds(), events, "run");
            }
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            String loadAfter = ProcessSampler.machineLoad();
            Map<String, ProcessSampler.Usage> usage = processes.usage();
            Map<String, Long> storeAfter = storeBytes(store);
            long filesAfter = directoryBytes(state.resolve("mongo"));

            report(run, events, submitSeconds, wallSeconds, usage, storeBefore, storeAfter, filesAfter - filesBefore, loadAfter);
            if (findings) {
                printFindings(run.documentIds());
            }
        }
        return 0;
    }

    /**
     * {@link StorePreload}: one cycle of seeds through the pipeline (text), waited for until validate publishes no more
     * re-checks, then {@code total} minus the seeds written as copies of their entries.
     */
    private void preloadStore(ReportVariants variants, EventWatcher events, MongoClient store, long first, long total)
            throws IOException, InterruptedException {
        long cycle = variants.cycle();
        StorePreload preloader = new StorePreload(store, DATABASES, variants);
        Map<String, Document> peersBefore = preloader.peerValues();
        System.out.printf("preload: %d seeds through the pipeline, then %d copies straight into the store…%n", cycle, total - cycle);
        Pushed seeded = push(variants, Map.of(Format.TEXT, 100), first, cycle, 0, null, events);
        if (seeded.errors() > 0 || seeded.documentIds().size() != cycle) {
            throw new IllegalStateException("preload: " + seeded.documentIds().size() + " of " + cycle + " seeds accepted, "
                    + seeded.errors() + " errors");
        }
        awaitResults(seeded.documentIds(), events, "seeds");
        awaitQuiet(events);
        List<StorePreload.Seed> seeds = new ArrayList<>();
        for (long i = first; i < first + cycle; i++) {
            String sha = StorePreload.sha256(variants.variant(i, Format.TEXT));
            String id = seeded.documentIds().stream().filter(sha::startsWith).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed document named after " + sha));
            seeds.add(preloader.seed(i, id));
        }
        StorePreload.Result result = preloader.preload(seeds, first + cycle, total - cycle, peersBefore,
                new IngestListing(store, DATABASES.get(0)), System.out::println);
        System.out.printf("preload done: %d reports stored (%d seeds, %d copies: %d entries in %.1f s, %.0f reports/s)%n", total, cycle,
                result.reports(), result.entries(), result.seconds(), result.reports() / result.seconds());
        checkCopies(variants, seeds, first + cycle, total - cycle);
    }

    /**
     * Reads a copy of each seed back through ingest's API, as a reviewer would: it must be a validated report of its own
     * county, with as many findings as its seed (the preload fails otherwise).
     */
    private void checkCopies(ReportVariants variants, List<StorePreload.Seed> seeds, long from, long count)
            throws IOException, InterruptedException {
        long cycle = variants.cycle();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int checked = 0;
        for (StorePreload.Seed seed : seeds) {
            long index = from + count - cycle + Math.floorMod(seed.index() - from, cycle); // the last copy of this seed
            String id = StorePreload.sha256(variants.variant(index, Format.TEXT)).substring(0, seed.documentId().length());
            var copy = json.readTree(get("/api/documents/" + id));
            var original = json.readTree(get("/api/documents/" + seed.documentId()));
            String agency = copy.path("report").path("agency").asText();
            if (!"VALIDATED".equals(copy.path("status").asText()) || !agency.contains(variants.place(index))
                    || copy.path("findings").size() != original.path("findings").size()) {
                throw new IllegalStateException("preloaded report " + id + " (variant " + index + ") reads as " + copy.path("status")
                        + " of " + agency + " with " + copy.path("findings").size() + " findings; its seed has "
                        + original.path("findings").size());
            }
            checked++;
        }
        System.out.printf("preload checked: the last copy of each of the %d seeds reads through the API as a validated report of its "
                + "county with its seed's findings%n", checked);
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(ingest + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + answer.statusCode());
        }
        return answer.body();
    }

    /** Waits until no validated record came for 5 s: the seeds' neighbours' re-checks are stored too. */
    private static void awaitQuiet(EventWatcher events) throws InterruptedException {
        long last = events.seen()[2];
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 5_000_000_000L) {
            Thread.sleep(250); // polling the watcher's count
            long now = events.seen()[2];
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /**
     * Every 10 s of the measured run: what ingest accepted so far (reports.raw), extracted and validated, the queues
     * between them, the submit retries (429/503) and the services' resident memory, to show a queue that grows.
     */
    private final AtomicLong acceptedSoFar = new AtomicLong();
    private final AtomicLong retriesSoFar = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    private final class Progress implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Progress(EventWatcher events, ProcessSampler processes, long started) {
            long[] base = events.seen();
            acceptedSoFar.set(0);
            retriesSoFar.set(0);
            throttled.set(0);
            System.out.println("  t s   accepted  raw  extracted  validated  queue raw->ext  ext->val  retries  RSS MB now (ingest extract validate)");
            timer.scheduleAtFixedRate(() -> {
                long[] now = events.seen();
                long raw = now[0] - base[0];
                long ext = now[1] - base[1];
                long val = now[2] - base[2];
                System.out.printf("  %4.0f %9d %5d %10d %10d %14d %9d %8d  %s%n", (System.nanoTime() - started) / 1e9, acceptedSoFar.get(), raw,
                        ext, val, raw - ext, ext - val, retriesSoFar.get(), processes.rssNowMb("ingest", "extract", "validate"));
            }, 10, 10, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private record Pushed(List<String> documentIds, long duplicates, long errors, long retries) {
    }

    /** Submits {@code count} variants from {@code from} on, at most {@code concurrency} at a time, at the offered rate. */
    private Pushed push(ReportVariants variants, Map<Format, Integer> formats, long from, long count, double offered,
            List<byte[]> made, EventWatcher events) throws InterruptedException {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (long i; (i = next.getAndIncrement()) < count; ) {
                        if (offered > 0) {
                            long due = t0 + (long) (i * 1e9 / offered);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing the offered load
                            }
                        }
                        Format format = formatOf(from + i, formats);
                        byte[] body = made != null ? made.get((int) i) : variants.variant(from + i, format);
                        submit(body, format, "bench-" + (from + i) + format.extension, ids, duplicates, errors, retries);
                        if (i > 0 && i % 1000 == 0) {
                            System.out.printf("  submitted %d/%d, validated %d%n", i, count, events.countDone(ids));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return new Pushed(new ArrayList<>(ids), duplicates.get(), errors.get(), retries.get());
    }

    private void submit(byte[] body, Format format, String fileName, ConcurrentLinkedQueue<String> ids, AtomicLong duplicates,
            AtomicLong errors, AtomicLong retries) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/api/documents"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", format.contentType)
                .header("X-File-Name", fileName)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202 || r.statusCode() == 200) {
                    Matcher m = DOCUMENT_ID.matcher(r.body());
                    if (m.find()) {
                        if (r.statusCode() == 200) {
                            duplicates.incrementAndGet();
                        } else {
                            ids.add(m.group(1));
                            acceptedSoFar.incrementAndGet();
                        }
                        return;
                    }
                }
                if (r.statusCode() != 429 && r.statusCode() != 503) {
                    errors.incrementAndGet();
                    System.err.printf("  %s: HTTP %d %s%n", fileName, r.statusCode(), r.body());
                    return;
                }
                retries.incrementAndGet();
                retriesSoFar.incrementAndGet();
                if (r.statusCode() == 429) {
                    throttled.incrementAndGet();
                }
                long after = r.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, after) * 1000); // the server asked to come back later
            } catch (IOException e) {
                retries.incrementAndGet();
                Thread.sleep(1000); // connection refused or reset: the front door is busy or restarting
            }
        }
        errors.incrementAndGet();
    }

    private void awaitResults(List<String> ids, EventWatcher events, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long lastPrinted = System.nanoTime();
        while (true) {
            long done = events.countDone(ids);
            if (done >= ids.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                System.out.printf("  %s: timed out with %d of %d results%n", what, done, ids.size());
                return;
            }
            if (System.nanoTime() - lastPrinted > 10_000_000_000L) {
                System.out.printf("  %s: %d/%d validated%n", what, done, ids.size());
                lastPrinted = System.nanoTime();
            }
            Thread.sleep(100); // the watcher thread fills the map; this only looks at it
        }
    }

    private void report(Pushed run, EventWatcher events, double submitSeconds, double wallSeconds,
            Map<String, ProcessSampler.Usage> usage, Map<String, Long> storeBefore, Map<String, Long> storeAfter, long storeFileBytes,
            String loadAfter) throws IOException, InterruptedException {
        List<Long> latencies = new ArrayList<>();
        List<Long> toExtracted = new ArrayList<>();
        List<Long> toValidated = new ArrayList<>();
        Instant firstReceived = null;
        Instant lastValidated = null;
        long missing = 0;
        long failed = 0;
        for (String id : run.documentIds()) {
            Instant received = events.receivedAt(id);
            Instant validated = events.validatedAt(id);
            if (validated == null || received == null) {
                missing++;
                continue;
            }
            if (validated.equals(Instant.EPOCH)) {
                failed++;
                continue;
            }
            latencies.add(Duration.between(received, validated).toMillis());
            Instant extracted = events.extractedAt(id);
            if (extracted != null) {
                toExtracted.add(Duration.between(received, extracted).toMillis());
                toValidated.add(Duration.between(extracted, validated).toMillis());
            }
            firstReceived = firstReceived == null || received.isBefore(firstReceived) ? received : firstReceived;
            lastValidated = lastValidated == null || validated.isAfter(lastValidated) ? validated : lastValidated;
        }
        long n = run.documentIds().size();
        System.out.println();
        System.out.printf("accepted %d, duplicates %d, errors %d, retries %d, extraction failed %d, no result %d%n", n, run.duplicates(),
                run.errors(), run.retries(), failed, missing);
        System.out.printf("submit: %.1f s, %.1f reports/s offered; HTTP 429 answers %d%n", submitSeconds, n / submitSeconds, throttled.get());
        double span = firstReceived == null ? Double.NaN : Duration.between(firstReceived, lastValidated).toMillis() / 1000.0;
        double throughput = latencies.size() / span;
        System.out.printf("end to end: %.1f reports/s (first receivedAt to last validatedAt: %d in %.1f s; bench wall %.1f s)%n",
                throughput, latencies.size(), span, wallSeconds);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("latency receivedAt -> validatedAt: p50 %s  p90 %s  p99 %s  max %s%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.length == 0 ? "-" : ms(sorted[sorted.length - 1]));
        // Time per stage, from the same events: the record timestamp of reports.extracted splits the total.
        long[] extract = toExtracted.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] validate = toValidated.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  stage receivedAt -> extracted (reports.extracted record time): p50 %s  p99 %s%n", pct(extract, 50),
                pct(extract, 99));
        System.out.printf("  stage extracted -> validatedAt: p50 %s  p99 %s%n", pct(validate, 50), pct(validate, 99));
        System.out.println("process     CPU s   CPU ms/report   peak RSS MB (instances summed; largest instance)");
        double cpuTotal = 0;
        for (var e : usage.entrySet()) {
            ProcessSampler.Usage u = e.getValue();
            cpuTotal += u.cpuSeconds();
            String name = u.instances() > 1 ? e.getKey() + " x" + u.instances() : e.getKey();
            System.out.printf("%-10s %7.1f %14.2f %12.0f%s%s%n", name, u.cpuSeconds(), 1000 * u.cpuSeconds() / n, u.peakRssKb() / 1024.0,
                    u.instances() > 1 ? String.format(" (largest %.0f)", u.largestPeakRssKb() / 1024.0) : "",
                    u.peakSinceStart() ? " (since start)" : "");
        }
        System.out.printf("%-10s %7.1f %14.2f%n", "all", cpuTotal, 1000 * cpuTotal / n);
        System.out.println("topic                 records   bytes/report   bytes/record");
        long largestRecord = 0;
        for (String topic : EventWatcher.TOPICS) {
            long b = events.bytes(topic);
            long r = events.records(topic);
            largestRecord = Math.max(largestRecord, r == 0 ? 0 : b / r);
            System.out.printf("%-20s %8d %14d %14d%n", topic, r, n == 0 ? 0 : b / n, r == 0 ? 0 : b / r);
        }
        for (String db : DATABASES) {
            long delta = storeAfter.getOrDefault(db, 0L) - storeBefore.getOrDefault(db, 0L);
            System.out.printf("store %-16s %d bytes/report (dbStats dataSize, %d after)%n", db, n == 0 ? 0 : delta / n,
                    storeAfter.getOrDefault(db, 0L));
        }
        System.out.printf("store files (.gongkai/mongo): %d bytes/report%n", n == 0 ? 0 : storeFileBytes / n);
        System.out.printf("machine after the run: %s%n", loadAfter);
        if (rawKafkaRecords > 0 && largestRecord > 0) {
            RawKafkaBaseline.Result raw = new RawKafkaBaseline(kafka, kafkaLib).measure("bench.raw-kafka", rawKafkaRecords,
                    (int) largestRecord);
            System.out.printf("raw broker, %d records of %d bytes (lz4, acks=all): produce %.0f/s, consume %.0f/s%n", rawKafkaRecords,
                    largestRecord, raw.producedPerSecond(), raw.consumedPerSecond());
            System.out.printf("  ProducerPerformance: %s%n  ConsumerPerformance: %s%n", raw.producerLine(), raw.consumerLine());
            System.out.printf("pipeline / raw broker: %.4f of produce, %.4f of consume%n", throughput / raw.producedPerSecond(),
                    throughput / raw.consumedPerSecond());
        }
    }

    /** The run's findings by severity and code, as {@code GET /api/documents/{id}} shows them. */
    private void printFindings(List<String> ids) throws IOException, InterruptedException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, Long> byCode = new java.util.TreeMap<>();
        long reportsWithFindings = 0;
        for (String id : ids) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/documents/" + id))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                byCode.merge("(HTTP " + answer.statusCode() + ")", 1L, Long::sum);
                continue;
            }
            var found = json.readTree(answer.body()).path("findings");
            if (!found.isEmpty()) {
                reportsWithFindings++;
            }
            for (var f : found) {
                byCode.merge(f.path("severity").asText() + " " + f.path("code").asText(), 1L, Long::sum);
            }
        }
        System.out.printf("findings of the run's %d reports (%d with findings), by severity and code:%n", ids.size(), reportsWithFindings);
        byCode.forEach((code, n) -> System.out.printf("  %-40s %d%n", code, n));
    }

    private static String pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return "-";
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return ms(sorted[Math.max(0, Math.min(sorted.length - 1, i))]);
    }

    private static String ms(long millis) {
        return millis >= 10_000 ? String.format("%.1f s", millis / 1000.0) : millis + " ms";
    }

    private static Map<String, Long> storeBytes(MongoClient store) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String db : DATABASES) {
            try {
                Document stats = store.getDatabase(db).runCommand(new Document("dbStats", 1));
                Object size = stats.get("dataSize");
                out.put(db, size instanceof Number num ? num.longValue() : 0L);
            } catch (RuntimeException e) {
                out.put(db, 0L);
            }
        }
        return out;
    }

    private static long directoryBytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /**
     * The first unused variant index, a multiple of {@code align} (a preload's seeds are then one agency's years);
     * variants never repeat across runs on one state directory (ingest deduplicates).
     */
    private long nextIndex(long count, long align) throws IOException {
        Path f = state.resolve("bench-next-index");
        long stored = Files.exists(f) ? Long.parseLong(Files.readString(f).strip()) : 0;
        long first = (stored + align - 1) / align * align;
        Files.writeString(f, String.valueOf(first + count));
        return first;
    }

    static Map<Format, Integer> parseMix(String mix) {
        Map<Format, Integer> out = new LinkedHashMap<>();
        for (String part : mix.split(",")) {
            String[] kv = part.split("=");
            out.put(Format.valueOf(kv[0].strip().toUpperCase()), Integer.parseInt(kv[1].strip()));
        }
        if (out.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new CommandLine.ParameterException(new CommandLine(new BenchCommand()), "--mix must add up to 100: " + mix);
        }
        return out;
    }

    /** Spreads the formats evenly over the indices (index mod 100 against the cumulative percentages). */
    static Format formatOf(long index, Map<Format, Integer> formats) {
        long slot = Math.floorMod(index * 37, 100);
        int cumulative = 0;
        for (var e : formats.entrySet()) {
            cumulative += e.getValue();
            if (slot < cumulative) {
                return e.getKey();
            }
        }
        return Format.TEXT;
    }
}
