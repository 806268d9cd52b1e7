package io.gongkai.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** One packaged service (quarkus-run.jar) started as its own process, as it runs in production. */
final class ServiceProcess implements AutoCloseable {

    /** An environment entry whose value is passed to the service's JVM as options. */
    static final String JVM_OPTIONS = "GONGKAI_E2E_JVM_OPTIONS";

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private Path root;
    private Map<String, String> env;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** {@code SIGTERM}: Quarkus shuts down gracefully (in-flight requests and messages finish first). */
    void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM; log:\n" + tail());
        }
    }

    /** The same service started again with the same environment (on a new port). */
    ServiceProcess restart() throws IOException {
        return start(root, name, env);
    }

    static ServiceProcess start(Path root, String name, Map<String, String> env) throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        int port = freePort();
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m"));
        // Extra JVM options (e.g. -Dkafka.session.timeout.ms=6000 so a killed consumer's partitions move on sooner).
        String options = env.getOrDefault(JVM_OPTIONS, "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // Multipart bodies are buffered here, not in the machine's /tmp.
        builder.environment().put("QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY", logs.resolve(name + "-uploads").toString());
        Files.writeString(log, "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder.Redirect append = ProcessBuilder.Redirect.appendTo(log.toFile());
        builder.redirectOutput(append);
        ServiceProcess started = new ServiceProcess(name, port, builder.start(), log);
        started.root = root;
        started.env = Map.copyOf(env);
        return started;
    }

    /** Waits until the service's readiness check (Kafka and MongoDB really reached) answers 200. */
    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
                }
                try {
                    HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
                    last.set(r.body());
                    return r.statusCode() == 200;
                } catch (IOException e) {
                    last.set(e.toString());
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not ready after " + timeout + ": " + last.get() + "\nlog:\n" + tail());
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
