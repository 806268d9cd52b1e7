package io.gongkai.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The HTTP calls of a submit: POST a file to ingest-service and read a document's state. A busy front door
 * (429 or 503) is asked again after its {@code Retry-After}, a refused connection after a second, until
 * {@code patience} runs out; any other answer is final.
 */
final class IngestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer to one submit: the document's id when accepted (new or the same bytes again), else why not. */
    record Submitted(Path file, String documentId, boolean duplicate, int retries, String error) {
        boolean accepted() {
            return documentId != null;
        }
    }

    /** Waits between tries; tests give one that does not wait. */
    interface Pause {
        void seconds(long s) throws InterruptedException;
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;
    private final Duration patience;
    private final Pause pause;

    IngestClient(URI base, String token, Duration patience, Pause pause) {
        this.base = Objects.requireNonNull(base);
        this.token = token;
        this.patience = patience;
        this.pause = pause;
    }

    Submitted submit(Path file) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/documents"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", DocumentFiles.mediaType(file) == null ? "application/octet-stream"
                        : DocumentFiles.mediaType(file))
                .header("X-File-Name", URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(() -> request.POST(HttpRequest.BodyPublishers.ofFile(file)).build(), new Outcome<>() {
            @Override
            public Submitted answered(HttpResponse<String> r, int retries) throws IOException {
                int status = r.statusCode();
                if (status == 200 || status == 201 || status == 202) {
                    String id = JSON.readTree(r.body()).path("documentId").asText(null);
                    return id == null ? new Submitted(file, null, false, retries, "HTTP " + status + " without a documentId")
                            : new Submitted(file, id, status == 200, retries, null);
                }
                return new Submitted(file, null, false, retries, "HTTP " + status + ": " + problem(r.body()));
            }

            @Override
            public Submitted gaveUp(String reason, int retries) {
                return new Submitted(file, null, false, retries, reason);
            }
        });
    }

    /** A request built anew for each attempt (a body publisher is read once). */
    private interface RequestMaker {
        HttpRequest make() throws IOException;
    }

    /** What the front door's final answer (any status but 429 and 503) becomes, or the last reason once it gives up. */
    private interface Outcome<T> {
        T answered(HttpResponse<String> answer, int retries) throws IOException;

        T gaveUp(String reason, int retries);
    }

    /**
     * Sends the request until the front door answers other than busy: a 429 or 503 (nothing of the request was taken,
     * or what was is the same bytes again) is asked again after its {@code Retry-After}, no answer at all after a
     * second, until {@code patience} is spent.
     */
    private <T> T send(RequestMaker request, Outcome<T> outcome) throws InterruptedException {
        long giveUp = System.nanoTime() + patience.toNanos();
        int retries = 0;
        while (true) {
            long wait;
            String busy;
            try {
                HttpResponse<String> r = http.send(request.make(), HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status != 429 && status != 503) {
                    return outcome.answered(r, retries);
                }
                busy = "HTTP " + status + ": " + problem(r.body());
                wait = Math.max(1, r.headers().firstValueAsLong("Retry-After").orElse(1));
            } catch (ConnectException e) {
                busy = "no answer from " + base;
                wait = 1;
            } catch (IOException e) {
                busy = e.getClass().getSimpleName() + ": " + e.getMessage();
                wait = 1;
            }
            if (System.nanoTime() + wait * 1_000_000_000L > giveUp) {
                return outcome.gaveUp(busy + " (gave up after " + patience.toSeconds() + " s)", retries);
            }
            retries++;
            pause.seconds(wait); // the server said when to come back
        }
    }

    /**
     * Sends files in one {@code POST /api/documents/batch} (multipart, a field {@code file} per file, streamed from
     * disk) and returns one answer per file, in the files' order. A busy front door (429, 503: nothing of the request
     * was taken, or what was is the same bytes again) is asked again after its {@code Retry-After}, the whole batch; a
     * refusal of the whole request (400, 413 …) is every file's answer; a file refused on its own gets its problem,
     * except a file the service could not take in time (its item is a 503 or 429 problem): that one is sent again on
     * its own, honouring the front door's Retry-After, so a slow moment does not fail it for the whole run.
     */
    List<Submitted> submitBatch(List<Path> files) throws InterruptedException {
        List<Submitted> answers = sendBatch(files);
        List<Submitted> out = new ArrayList<>(answers.size());
        for (Submitted s : answers) {
            out.add(s.error() != null && s.error().startsWith(BUSY_ITEM) ? submit(s.file()) : s);
        }
        return out;
    }

    /** The error of a batch item the service could not take for now (its problem's status 429 or 503). */
    private static final String BUSY_ITEM = "busy: ";

    private List<Submitted> sendBatch(List<Path> files) throws InterruptedException {
        String boundary = "gongkai-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/documents/batch"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(() -> request.POST(multipart(boundary, files)).build(), new Outcome<>() {
            @Override
            public List<Submitted> answered(HttpResponse<String> r, int retries) throws IOException {
                return r.statusCode() == 200 ? items(files, JSON.readTree(r.body()).path("items"), retries)
                        : all(files, retries, "HTTP " + r.statusCode() + ": " + problem(r.body()));
            }

            @Override
            public List<Submitted> gaveUp(String reason, int retries) {
                return all(files, retries, reason);
            }
        });
    }

    /** The answer's items matched to the files by position (the service answers in the order the request carried). */
    private static List<Submitted> items(List<Path> files, JsonNode items, int retries) {
        if (!items.isArray() || items.size() != files.size()) {
            return all(files, retries, "the batch answer has " + items.size() + " items for " + files.size() + " files");
        }
        List<Submitted> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode item = items.get(i);
            String id = item.path("documentId").asText(null);
            if (id != null && !item.has("problem")) {
                out.add(new Submitted(files.get(i), id, !item.path("created").asBoolean(true), retries, null));
            } else {
                JsonNode p = item.path("problem");
                int status = p.path("status").asInt();
                out.add(new Submitted(files.get(i), null, false, retries, (status == 429 || status == 503 ? BUSY_ITEM : "")
                        + "HTTP " + p.path("status").asText("?") + ": " + problem(p.toString())));
            }
        }
        return out;
    }

    private static List<Submitted> all(List<Path> files, int retries, String error) {
        return files.stream().map(f -> new Submitted(f, null, false, retries, error)).toList();
    }

    /** A multipart/form-data body, each file streamed from disk when sent (a batch may be tens of MB). */
    static HttpRequest.BodyPublisher multipart(String boundary, List<Path> files) throws IOException {
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Path f : files) {
            String type = DocumentFiles.mediaType(f) == null ? "application/octet-stream" : DocumentFiles.mediaType(f);
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + formName(f.getFileName().toString()) + "\"\r\nContent-Type: " + type + "\r\n\r\n";
            parts.add(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8));
            parts.add(HttpRequest.BodyPublishers.ofFile(f));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n", StandardCharsets.UTF_8));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** A file name as browsers put it in a form (UTF-8, with quote and line breaks percent-encoded, as the HTML spec says). */
    static String formName(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The document's state as the read API shows it, or null when it does not answer (yet). */
    JsonNode document(String documentId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/documents/" + documentId))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The title and detail of a problem+json answer, else the start of the body. */
    static String problem(String body) {
        try {
            JsonNode p = JSON.readTree(body);
            String title = p.path("title").asText("");
            String detail = p.path("detail").asText("");
            String s = (title + (detail.isEmpty() ? "" : ": " + detail)).trim();
            if (!s.isEmpty()) {
                return s;
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: show the text
        }
        String s = body == null ? "" : body.strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
