package io.gongkai.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Submits files and folders of any size to ingest-service with bounded concurrency, then waits for their
 * results and prints them. With {@code --journal} it can be stopped and run again: it sends only what the
 * journal lacks.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit documents (files, or folders walked for .txt .md .html .htm .pdf .docx .doc) and wait for their results.")
final class SubmitCommand implements Callable<Integer> {

    static final String FINAL_VALIDATED = "VALIDATED";
    static final String FINAL_FAILED = "FAILED";

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders.")
    List<Path> paths;

    @Option(names = "--url", defaultValue = "${env:GONGKAI_URL:-http://127.0.0.1:8080}", description = "ingest-service (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", defaultValue = "${env:GONGKAI_TOKEN}", description = "Submit token (default: $GONGKAI_TOKEN).")
    String token;

    @Option(names = "--concurrency", defaultValue = "4", description = "Submits in flight at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--batch", defaultValue = "1",
            description = "Files per request: above 1, POST /api/documents/batch with up to this many files (1 to 500, "
                    + "at most 48 MB a request; default ${DEFAULT-VALUE}: one POST /api/documents per file).")
    int batch;

    /** A batch request stays under ingest-service's 60 MB body limit (quarkus.http.limits.max-body-size). */
    static final long BATCH_MAX_BYTES = 48L << 20;

    @Option(names = "--journal", description = "Record accepted files here and skip those already recorded (resume).")
    Path journal;

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait for every result (default); --no-wait stops after the submits.")
    boolean await;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for the results (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--patience", defaultValue = "600",
            description = "Seconds to keep asking a busy front door (429/503, Retry-After honoured) per file (default ${DEFAULT-VALUE}).")
    long patienceSeconds;

    @Option(names = "--table-limit", defaultValue = "100", description = "Print a row per file up to this many files, else totals (default ${DEFAULT-VALUE}).")
    int tableLimit;

    PrintStream out = System.out;
    PrintStream err = System.err;
    boolean terminal = System.console() != null;
    IngestClient.Pause pause = s -> Thread.sleep(s * 1000);

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || concurrency > 64) {
            err.println("--concurrency must be 1 to 64");
            return 2;
        }
        if (batch < 1 || batch > 500) {
            err.println("--batch must be 1 to 500");
            return 2;
        }
        List<Path> files;
        try {
            files = DocumentFiles.collect(paths);
        } catch (IllegalArgumentException e) {
            err.println("submit: " + e.getMessage());
            return 2;
        }
        if (files.isEmpty()) {
            err.println("submit: no documents found in " + paths);
            return 2;
        }
        IngestClient client = new IngestClient(url, token, Duration.ofSeconds(patienceSeconds), pause);
        Map<Path, IngestClient.Submitted> submitted = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try (SubmitJournal log = journal == null ? null : new SubmitJournal(journal)) {
            List<Path> toSend = new ArrayList<>();
            for (Path f : files) {
                String known = log == null ? null : log.documentId(f);
                if (known != null) {
                    submitted.put(f, new IngestClient.Submitted(f, known, true, 0, null));
                } else {
                    toSend.add(f);
                }
            }
            if (toSend.size() < files.size()) {
                err.printf("  %d of %d files were accepted in an earlier run (journal %s); sending the other %d%n",
                        files.size() - toSend.size(), files.size(), journal, toSend.size());
            }
            Progress progress = new Progress("submitted", toSend.size(), err, terminal);
            List<Future<List<IngestClient.Submitted>>> answers = new ArrayList<>();
            for (List<Path> chunk : chunks(toSend)) {
                answers.add(pool.submit(() -> {
                    List<IngestClient.Submitted> got = chunk.size() == 1 && batch == 1 ? List.of(client.submit(chunk.getFirst()))
                            : client.submitBatch(chunk);
                    for (IngestClient.Submitted s : got) { // the journal and the progress per file, batch or not
                        if (s.accepted() && log != null) {
                            log.accepted(s.file(), s.documentId());
                        }
                        progress.step(s.accepted());
                        if (!s.accepted()) {
                            err.printf("%n  %s: %s%n", s.file().getFileName(), s.error());
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<IngestClient.Submitted>> a : answers) {
                for (IngestClient.Submitted s : a.get()) {
                    submitted.put(s.file(), s);
                }
            }
            if (!toSend.isEmpty()) {
                progress.maybePrint(true);
            }
        }
        Map<Path, JsonNode> results = new ConcurrentHashMap<>();
        boolean allFinal = true;
        if (await) {
            allFinal = awaitResults(client, pool, submitted, results);
        }
        pool.shutdownNow();
        print(files, submitted, results);
        boolean allAccepted = submitted.values().stream().allMatch(IngestClient.Submitted::accepted);
        return allAccepted && allFinal ? 0 : 1;
    }

    /** The files to send, a request's worth each: one file, or up to {@code --batch} files and 48 MB. */
    List<List<Path>> chunks(List<Path> files) throws java.io.IOException {
        List<List<Path>> out = new ArrayList<>();
        List<Path> current = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            long size = java.nio.file.Files.size(f);
            if (!current.isEmpty() && (current.size() == batch || bytes + size > BATCH_MAX_BYTES)) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(f);
            bytes += size;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private boolean awaitResults(IngestClient client, ExecutorService pool, Map<Path, IngestClient.Submitted> submitted,
            Map<Path, JsonNode> results) throws Exception {
        List<IngestClient.Submitted> pending = new ArrayList<>();
        submitted.values().stream().filter(IngestClient.Submitted::accepted).forEach(pending::add);
        Progress progress = new Progress("results", pending.size(), err, terminal);
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (!pending.isEmpty()) {
            List<Future<IngestClient.Submitted>> checks = new ArrayList<>();
            for (IngestClient.Submitted s : pending) {
                checks.add(pool.submit(() -> {
                    JsonNode d = client.document(s.documentId());
                    if (d != null) {
                        results.put(s.file(), d);
                    }
                    String status = d == null ? "" : d.path("status").asText();
                    boolean done = status.equals(FINAL_VALIDATED) || status.equals(FINAL_FAILED);
                    if (done) {
                        progress.step(true);
                    }
                    return done ? null : s;
                }));
            }
            List<IngestClient.Submitted> still = new ArrayList<>();
            for (Future<IngestClient.Submitted> c : checks) {
                IngestClient.Submitted s = c.get();
                if (s != null) {
                    still.add(s);
                }
            }
            pending = still;
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                progress.maybePrint(true);
                err.printf("  %d not done after %d s%n", pending.size(), timeoutSeconds);
                return false;
            }
            pause.seconds(1); // the pipeline works asynchronously: look again in a second
        }
        progress.maybePrint(true);
        return true;
    }

    private void print(List<Path> files, Map<Path, IngestClient.Submitted> submitted, Map<Path, JsonNode> results) {
        if (files.size() > tableLimit) {
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            long errors = 0;
            long warnings = 0;
            for (Path f : files) {
                IngestClient.Submitted s = submitted.get(f);
                JsonNode d = results.get(f);
                String status = !s.accepted() ? "NOT SUBMITTED" : d == null ? "NO ANSWER" : d.path("status").asText("?");
                byStatus.merge(status, 1, Integer::sum);
                errors += d == null ? 0 : count(d, "error");
                warnings += d == null ? 0 : count(d, "warning");
            }
            out.printf("%n%d files: %s; %d error and %d warning findings%n", files.size(), byStatus, errors, warnings);
            return;
        }
        ResultTable table = new ResultTable("file", "agency", "year", "template", "errors", "warnings", "status");
        for (Path f : files) {
            IngestClient.Submitted s = submitted.get(f);
            JsonNode d = results.get(f);
            String name = f.getFileName().toString();
            if (!s.accepted()) {
                table.add(name, "", "", "", "", "", s.error());
            } else if (d == null) {
                table.add(name, "", "", "", "", "", await ? "no answer" : "submitted " + s.documentId());
            } else {
                JsonNode r = d.path("report");
                String status = d.path("status").asText("?");
                if (status.equals(FINAL_FAILED) && d.hasNonNull("error")) {
                    status += ": " + d.path("error").asText();
                }
                table.add(name, r.path("agency").asText(""), r.path("year").asText(""), r.path("templateVersion").asText(""),
                        String.valueOf(count(d, "error")), String.valueOf(count(d, "warning")), status);
            }
        }
        out.println();
        out.print(table.render());
    }

    private static long count(JsonNode d, String severity) {
        long n = 0;
        for (JsonNode f : d.path("findings")) {
            if (severity.equals(f.path("severity").asText())) {
                n++;
            }
        }
        return n;
    }
}
