package io.gongkai.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.gongkai.model.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real services the pipeline needs, in this order of preference:
 * <ol>
 *   <li>existing servers named by {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI};</li>
 *   <li>where a Docker engine answers (and {@code GONGKAI_E2E_CONTAINERS} is not {@code false}), Kafka and
 *       MongoDB containers through Testcontainers;</li>
 *   <li>otherwise, as on the build machines here, a KRaft Kafka broker in this JVM and mongo-java-server,
 *       which speaks the MongoDB wire protocol to the services' real driver.</li>
 * </ol>
 * It prints which one it chose. The topics are created before the services start: a consumer that subscribes
 * to a topic not yet there only notices it at its next metadata refresh, minutes later.
 */
final class Infrastructure implements AutoCloseable {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:7.0";

    final String kafkaBootstrapServers;
    final String mongoUri;
    private final List<AutoCloseable> started;

    private Infrastructure(String kafkaBootstrapServers, String mongoUri, List<AutoCloseable> started) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.started = started;
    }

    static Infrastructure start() throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS");
        String mongoUri = env("MONGODB_URI");
        boolean containers = (bootstrap == null || mongoUri == null) && dockerAvailable();

        if (bootstrap != null) {
            say("Kafka: existing broker at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)");
        } else if (containers) {
            KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
            kafka.start();
            started.add(kafka::stop);
            bootstrap = kafka.getBootstrapServers();
            say("Kafka: Testcontainers " + KAFKA_IMAGE + " at " + bootstrap);
        } else {
            KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    // One broker: the group coordinator's own topics must not ask for three replicas.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            started.add(kafka);
            bootstrap = kafka.bootstrapServers();
            say("Kafka: no Docker engine, so a KRaft broker in this JVM at " + bootstrap);
        }
        createTopics(bootstrap);

        if (mongoUri != null) {
            say("MongoDB: existing server (MONGODB_URI)");
        } else if (containers) {
            MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
            mongo.start();
            started.add(mongo::stop);
            mongoUri = mongo.getReplicaSetUrl();
            say("MongoDB: Testcontainers " + MONGO_IMAGE + " (replica set) at " + mongoUri);
        } else {
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            started.add(mongo::shutdownNow);
            mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
            say("MongoDB: no Docker engine, so mongo-java-server (wire protocol) at " + mongoUri);
        }
        return new Infrastructure(bootstrap, mongoUri, started);
    }

    static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : Topics.ALL) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("GONGKAI_E2E_CONTAINERS"))) {
            return false;
        }
        if (!dockerEndpointConfigured()) {
            // Asking Testcontainers where no engine can be would log an ERROR with a stack trace for a normal case.
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Whether any place Testcontainers looks for a Docker engine exists: DOCKER_HOST, its config, or a socket. */
    private static boolean dockerEndpointConfigured() {
        if (env("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                Path.of(home, ".testcontainers.properties"), Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"), Path.of(home, ".colima", "default", "docker.sock"),
                Path.of(home, ".rd", "docker.sock")));
        String runtime = env("XDG_RUNTIME_DIR");
        if (runtime != null) {
            candidates.add(Path.of(runtime, "docker.sock"));
            candidates.add(Path.of(runtime, "podman", "podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static void say(String line) {
        System.out.println("[e2e] " + line);
    }

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
