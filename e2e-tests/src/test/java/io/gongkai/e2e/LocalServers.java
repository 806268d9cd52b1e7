package io.gongkai.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Kafka broker (KRaft, single node) and a MongoDB-protocol server (mongo-java-server on an H2 file), each its own
 * process started from local-services' jars exactly as {@code ./gongkai up} starts them, so that either can be stopped
 * ({@code kill -9} or {@code SIGTERM}) and started again on the same port with the same data, as a real broker or
 * store restarts. The in-JVM broker of {@link Infrastructure} cannot be restarted on its port.
 */
final class LocalServers implements AutoCloseable {

    private final Path lib;
    private final Path dir;
    final int kafkaPort;
    private final int controllerPort;
    final int mongoPort;
    private Process kafka;
    private Process mongo;

    private LocalServers(Path lib, Path dir) throws IOException {
        this.lib = lib;
        this.dir = dir;
        this.kafkaPort = freePort();
        this.controllerPort = freePort();
        this.mongoPort = freePort();
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** Formats a fresh broker and store under {@code dir}, starts both and creates the topics. */
    static LocalServers start(Path root, Path dir) throws Exception {
        Path lib = root.resolve("local-services/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: package local-services first (./mvnw verify does)");
        }
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        LocalServers servers = new LocalServers(lib, dir);
        try {
            servers.formatKafka();
            servers.startKafka();
            servers.startMongo();
            servers.awaitKafka(Duration.ofSeconds(180));
            servers.awaitMongo(Duration.ofSeconds(120));
            Infrastructure.createTopics(servers.kafkaBootstrapServers());
            return servers;
        } catch (Exception | Error e) {
            servers.close();
            throw e;
        }
    }

    /** Stops the broker ({@code kill -9} when {@code kill9}, else {@code SIGTERM}) and starts it again on its port and data. */
    void restartKafka(boolean kill9) throws Exception {
        stop(kafka, kill9);
        startKafka();
        awaitKafka(Duration.ofSeconds(180));
    }

    /** Stops the store with {@code SIGTERM} (its H2 file committed and closed) and starts it again on its port and file. */
    void restartMongo() throws Exception {
        stop(mongo, false);
        startMongo();
        awaitMongo(Duration.ofSeconds(120));
    }

    private void formatKafka() throws Exception {
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + kafkaPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("kafka-data"),
                "num.partitions=3",
                "offsets.topic.num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=10485760",
                "replica.fetch.max.bytes=10485760", ""));
        Process format = java("kafka-format", "-Xmx256m", "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", dir.resolve("server.properties").toString());
        if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("Kafka storage format failed:\n" + tail("kafka-format"));
        }
    }

    private void startKafka() throws IOException {
        kafka = java("kafka", "-Xmx512m", "kafka.Kafka", dir.resolve("server.properties").toString());
    }

    private void startMongo() throws IOException {
        mongo = java("mongo", "-Xmx384m", "io.gongkai.local.MongoServerMain", "--host", "127.0.0.1", "--port",
                String.valueOf(mongoPort), "--h2", dir.resolve("mongo/data.mv").toString());
    }

    private void awaitKafka(Duration timeout) {
        AtomicReference<Exception> last = new AtomicReference<>();
        try {
            await("Kafka answering").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!kafka.isAlive()) {
                    throw new IllegalStateException("Kafka exited with " + kafka.exitValue() + ":\n" + tail("kafka"));
                }
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000"))) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return true;
                } catch (Exception e) {
                    last.set(e);
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Kafka not ready after " + timeout + " (" + last.get() + "):\n" + tail("kafka"));
        }
    }

    private void awaitMongo(Duration timeout) {
        try {
            await("the MongoDB-protocol server answering").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!mongo.isAlive()) {
                    throw new IllegalStateException("the MongoDB-protocol server exited with " + mongo.exitValue() + ":\n" + tail("mongo"));
                }
                if (!tail("mongo").contains("ready on")) {
                    return false;
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", mongoPort), 1000);
                    return true;
                } catch (IOException notYet) {
                    return false; // the ready line came before the port
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the MongoDB-protocol server was not ready after " + timeout + ":\n" + tail("mongo"));
        }
    }

    private Process java(String name, String heap, String mainClass, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, heap, "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private String classpath() throws IOException {
        StringBuilder cp = new StringBuilder(lib.resolve("*").toString());
        try (Stream<Path> jars = Files.list(lib.getParent())) {
            jars.filter(p -> p.getFileName().toString().matches("local-services-.*\\.jar")).findFirst()
                    .ifPresent(jar -> cp.append(java.io.File.pathSeparator).append(jar));
        }
        return cp.toString();
    }

    String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void stop(Process process, boolean kill9) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (kill9) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(kafka, false);
        stop(mongo, false);
    }
}
