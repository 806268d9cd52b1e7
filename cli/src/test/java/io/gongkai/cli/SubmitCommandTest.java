package io.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The submit command against a stand-in of ingest-service's two calls (POST /api/documents, GET
 * /api/documents/{id}) that is busy at first: what a crawler operator relies on is that every file ends
 * accepted, that the front door's Retry-After is honoured, and that a second run with the journal resends nothing.
 */
class SubmitCommandTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, AtomicInteger> postsByFile = new ConcurrentHashMap<>();
    private final AtomicInteger gets = new AtomicInteger();
    private final List<Long> pauses = new CopyOnWriteArrayList<>();
    /** The file names of each batch request, as the stand-in read them from the multipart body. */
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/documents", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        if (x.getRequestURI().getPath().equals("/api/documents/batch")) {
            handleBatch(x);
            return;
        }
        String file = java.net.URLDecoder.decode(String.valueOf(x.getRequestHeaders().getFirst("X-File-Name")), StandardCharsets.UTF_8);
        if (x.getRequestMethod().equals("POST")) {
            x.getRequestBody().readAllBytes();
            int sent = postsByFile.computeIfAbsent(file, k -> new AtomicInteger()).incrementAndGet();
            if (!"Bearer secret".equals(x.getRequestHeaders().getFirst("Authorization"))) {
                answer(x, 401, "{\"title\":\"Unauthorized\",\"detail\":\"no token\"}", null);
            } else if (file.startsWith("bad")) {
                answer(x, 415, "{\"title\":\"Unsupported Media Type\",\"detail\":\"不是年度报告\"}", null);
            } else if (sent == 1) {
                answer(x, 429, "{\"title\":\"Too Many Requests\"}", "3");
            } else {
                answer(x, 202, "{\"documentId\":\"id-" + file.hashCode() + "\"}", null);
            }
        } else {
            // the first look finds it still extracting; later ones VALIDATED
            String body = gets.incrementAndGet() <= 1 ? "{\"status\":\"EXTRACTED\"}"
                    : "{\"status\":\"VALIDATED\",\"report\":{\"agency\":\"获嘉县人民政府\",\"year\":2023,\"templateVersion\":\"2021\"},"
                            + "\"findings\":[{\"severity\":\"error\"},{\"severity\":\"warning\"},{\"severity\":\"warning\"}]}";
            answer(x, 200, body, null);
        }
    }

    /**
     * POST /api/documents/batch as ingest-service answers it: busy (429, Retry-After 5) the first time, then one item per
     * file in the order sent, a document id for each, a problem for a file named bad*, a 503 problem for a file named slow*
     * (the service could not take it in time).
     */
    private void handleBatch(HttpExchange x) throws IOException {
        String type = x.getRequestHeaders().getFirst("Content-Type");
        String boundary = type.substring(type.indexOf("boundary=") + 9);
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"file\"; filename=\"([^\"]*)\"\r\n"
                + "Content-Type: [^\r]+\r\n\r\n2023年政府信息公开工作年度报告 [^\r]+\r\n--" + java.util.regex.Pattern.quote(boundary)).matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        if (!"Bearer secret".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            answer(x, 401, "{\"title\":\"Unauthorized\"}", null);
            return;
        }
        if (batches.isEmpty() && pauses.isEmpty()) {
            pauses.add(-1L); // marks the busy answer given, so the next request is taken
            answer(x, 429, "{\"title\":\"Pipeline behind\"}", "5");
            return;
        }
        batches.add(names);
        StringBuilder items = new StringBuilder();
        for (String n : names) {
            postsByFile.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
            items.append(items.isEmpty() ? "" : ",").append(n.startsWith("bad")
                    ? "{\"fileName\":\"" + n + "\",\"problem\":{\"title\":\"Empty document\",\"status\":400,\"detail\":\"no bytes\"}}"
                    : n.startsWith("slow")
                    ? "{\"fileName\":\"" + n + "\",\"problem\":{\"title\":\"Not read in time\",\"status\":503}}"
                    : "{\"fileName\":\"" + n + "\",\"documentId\":\"id-" + n.hashCode() + "\",\"status\":\"RECEIVED\",\"created\":true}");
        }
        answer(x, 200, "{\"items\":[" + items + "]}", null);
    }

    private static void answer(HttpExchange x, int status, String body, String retryAfter) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        if (retryAfter != null) {
            x.getResponseHeaders().add("Retry-After", retryAfter);
        }
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        SubmitCommand command = new SubmitCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        command.terminal = false;
        command.pause = pauses::add;
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort()).toString();
    }

    private Path folder(String... names) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (String n : names) {
            Files.writeString(docs.resolve(n), "2023年政府信息公开工作年度报告 " + n);
        }
        Files.writeString(docs.resolve("notes.xyz"), "not a format the service reads");
        return docs;
    }

    @Test
    void everyFileOfAFolderEndsAcceptedAfterTheFrontDoorAsksToComeBack() throws IOException {
        Path docs = folder("a.txt", "b.html", "报告c.txt");
        Run r = run("--url", url(), "--token", "secret", "--concurrency", "2", docs.toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals(3, postsByFile.size(), "notes.xyz is not a document the service reads");
        postsByFile.forEach((f, n) -> assertEquals(2, n.get(), f + ": sent again once after the 429"));
        assertTrue(pauses.stream().filter(p -> p == 3L).count() >= 3, "each 429 waited its Retry-After of 3 s: " + pauses);
        String[] lines = r.out().strip().split("\n");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[3].startsWith("报告c.txt"), r.out());
        // the columns line up in a terminal: 获嘉县人民政府 starts at the same cell on every row
        int col = ResultTable.width(lines[1].substring(0, lines[1].indexOf("获嘉县")));
        int col3 = ResultTable.width(lines[3].substring(0, lines[3].indexOf("获嘉县")));
        assertEquals(col, col3, r.out());
        assertTrue(lines[1].matches(".*获嘉县人民政府\\s+2023\\s+2021\\s+1\\s+2\\s+VALIDATED"), lines[1]);
    }

    @Test
    void aJournalLetsASecondRunSendOnlyWhatTheFirstDidNot() throws IOException {
        Path docs = folder("a.txt", "b.txt");
        Path journal = dir.resolve("state/journal.tsv");
        assertEquals(0, run("--url", url(), "--token", "secret", "--journal", journal.toString(), docs.toString()).exit());
        Files.writeString(docs.resolve("c.txt"), "2023年政府信息公开工作年度报告 c");
        // a kill while writing leaves half a line: that file is sent again
        Files.writeString(journal, "id-x\t" + docs.resolve("zzz.txt").toAbsolutePath(), java.nio.file.StandardOpenOption.APPEND);

        Run second = run("--url", url(), "--token", "secret", "--journal", journal.toString(), docs.toString());

        assertEquals(0, second.exit(), second.err());
        assertEquals(2, postsByFile.get("a.txt").get(), "a.txt was not sent again");
        assertEquals(2, postsByFile.get("c.txt").get(), "c.txt, new, was sent");
        assertTrue(second.err().contains("2 of 3 files were accepted in an earlier run"), second.err());
    }

    @Test
    void aRefusedFileIsShownWithTheProblemAndTheRunFails() throws IOException {
        Path docs = folder("bad.txt", "good.txt");
        Run r = run("--url", url(), "--token", "secret", docs.toString());

        assertEquals(1, r.exit());
        assertTrue(r.out().contains("HTTP 415: Unsupported Media Type: 不是年度报告"), r.out());
        assertEquals(1, postsByFile.get("bad.txt").get(), "a refusal is final: not sent again");
        assertTrue(r.out().contains("VALIDATED"), "the other file went on: " + r.out());
    }

    @Test
    void aBatchRunSendsNFilesPerRequestAndJournalsEachFile() throws IOException {
        Path docs = folder("a.txt", "bad.txt", "c.txt", "d.txt", "报告 \"e\".txt");
        Path journal = dir.resolve("journal.tsv");

        Run r = run("--url", url(), "--token", "secret", "--batch", "2", "--concurrency", "1", "--journal", journal.toString(),
                docs.toString());

        assertEquals(1, r.exit(), "bad.txt was refused: " + r.err());
        assertEquals(List.of(List.of("a.txt", "bad.txt"), List.of("c.txt", "d.txt"), List.of("报告 %22e%22.txt")), batches,
                "two files a request, in order, the last alone; a quote in a name encoded as browsers do");
        assertTrue(pauses.contains(5L), "the busy answer's Retry-After of 5 s was waited: " + pauses);
        assertTrue(r.out().contains("HTTP 400: Empty document: no bytes"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("c.txt") && l.endsWith("VALIDATED")), r.out());
        assertEquals(4, Files.readAllLines(journal).size(), "each accepted file journalled with its id, not the refused one");

        // Run again: only the refused file goes, in a batch of its own.
        batches.clear();
        Run second = run("--url", url(), "--token", "secret", "--batch", "2", "--journal", journal.toString(), docs.toString());
        assertEquals(List.of(List.of("bad.txt")), batches);
        assertTrue(second.err().contains("4 of 5 files were accepted in an earlier run"), second.err());
    }

    @Test
    void aBatchFileTheServiceCouldNotTakeInTimeIsSentAgainAlone() throws IOException {
        Path docs = folder("a.txt", "slow.txt");

        Run r = run("--url", url(), "--token", "secret", "--batch", "2", docs.toString());

        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(2, postsByFile.get("slow.txt").get(), "in the batch, then once on its own");
        assertEquals(1, postsByFile.get("a.txt").get(), "accepted in the batch: not sent again");
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("slow.txt") && l.endsWith("VALIDATED")), r.out());
    }

    @Test
    void aBatchSizeOutOfRangeIsAUsageError() throws IOException {
        Run r = run("--url", url(), "--batch", "501", folder("a.txt").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--batch must be 1 to 500"), r.err());
    }

    @Test
    void aMissingPathIsAUsageError() {
        Run r = run("--url", url(), dir.resolve("nowhere").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file or directory"), r.err());
    }
}
