package io.gongkai.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Kafka, a MongoDB-protocol server and the three packaged services, started together and stopped together. */
final class RunningPipeline implements AutoCloseable {

    private final Infrastructure infrastructure;
    private final List<ServiceProcess> services;

    private RunningPipeline(Infrastructure infrastructure, List<ServiceProcess> services) {
        this.infrastructure = infrastructure;
        this.services = services;
    }

    /** Starts everything and waits until each service is ready; {@code submitToken} may submit documents and administer. */
    static RunningPipeline start(Path root, String submitToken) throws Exception {
        Infrastructure infrastructure = Infrastructure.start();
        List<ServiceProcess> services = new ArrayList<>();
        RunningPipeline pipeline = new RunningPipeline(infrastructure, services);
        try {
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers,
                    "MONGODB_URI", infrastructure.mongoUri,
                    "GONGKAI_AUTH_SUBMIT_TOKENS", submitToken,
                    "GONGKAI_AUTH_ADMIN_TOKENS", submitToken);
            for (String name : List.of("ingest-service", "extract-service", "validate-service")) {
                services.add(ServiceProcess.start(root, name, env));
            }
            for (ServiceProcess service : services) {
                // a build machine shared with other builds starts a service in over two minutes at times
                service.awaitReady(Duration.ofSeconds(300));
            }
            return pipeline;
        } catch (Exception | Error e) {
            pipeline.close();
            throw e;
        }
    }

    /** The ingest-service's base URL, e.g. http://127.0.0.1:41234. */
    String ingestUrl() {
        return "http://127.0.0.1:" + services.get(0).port;
    }

    /** The extract-service's base URL (health, metrics and its admin API). */
    String extractUrl() {
        return "http://127.0.0.1:" + services.get(1).port;
    }

        /** The validate-service's base URL (its admin API). */
    String validateUrl() {
        return "http://127.0.0.1:" + services.get(2).port;
    }

    String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers;
    }

    List<ServiceProcess> services() {
        return services;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        infrastructure.close();
    }
}
