package io.gongkai.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts a re-validation of the whole store (validate-service's admin API) and follows it until it ends. */
@Command(name = "revalidate", mixinStandardHelpOptions = true,
        description = "Re-check every stored report with the current rules and follow the job.")
final class RevalidateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", defaultValue = "${env:GONGKAI_VALIDATE_URL:-http://127.0.0.1:8082}", description = "validate-service (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", defaultValue = "${env:GONGKAI_ADMIN_TOKEN}", description = "Admin token (default: $GONGKAI_ADMIN_TOKEN).")
    String token;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to follow the job (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (token == null || token.isBlank()) {
            System.err.println("revalidate: no admin token (--token or GONGKAI_ADMIN_TOKEN)");
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI jobs = url.resolve("/api/admin/revalidate");
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(jobs).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        String job = started.statusCode() == 202 ? JSON.readTree(started.body()).path("jobId").asText(null) : null;
        if (job == null) {
            System.err.printf("revalidate failed: HTTP %d: %s%n", started.statusCode(), IngestClient.problem(started.body()));
            return 1;
        }
        System.out.println("re-validation job " + job + " started");
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(jobs + "/" + job)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode d = r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
            String state = d.path("state").asText("?");
            System.out.printf("%s  %s/%s re-checked, %s changed%n", state, d.path("done").asText("0"),
                    d.path("total").asText("?"), d.path("changed").asText("0"));
            if (state.equals("DONE")) {
                return 0;
            }
            if (state.equals("FAILED")) {
                System.err.println("revalidate: " + d.path("error").asText("the job failed"));
                return 1;
            }
            if (System.nanoTime() > deadline) {
                System.err.printf("not done after %d s; follow it at %s/%s%n", timeoutSeconds, jobs, job);
                return 1;
            }
            Thread.sleep(2000); // a job over the whole store takes a while: look again in two seconds
        }
    }
}
