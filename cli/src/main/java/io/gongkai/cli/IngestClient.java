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
import java.util.Objects;

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
        long giveUp = System.nanoTime() + patience.toNanos();
        int retries = 0;
        while (true) {
            long wait;
            String busy;
            try {
                HttpResponse<String> r = http.send(request.POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status == 200 || status == 201 || status == 202) {
                    String id = JSON.readTree(r.body()).path("documentId").asText(null);
                    return id == null ? new Submitted(file, null, false, retries, "HTTP " + status + " without a documentId")
                            : new Submitted(file, id, status == 200, retries, null);
                }
                if (status != 429 && status != 503) {
                    return new Submitted(file, null, false, retries, "HTTP " + status + ": " + problem(r.body()));
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
                return new Submitted(file, null, false, retries, busy + " (gave up after " + patience.toSeconds() + " s)");
            }
            retries++;
            pause.seconds(wait); // the server said when to come back
        }
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
