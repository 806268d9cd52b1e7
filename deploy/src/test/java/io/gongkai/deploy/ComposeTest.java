package io.gongkai.deploy;

import static io.gongkai.deploy.Manifests.map;
import static io.gongkai.deploy.Manifests.str;
import static io.gongkai.deploy.Manifests.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.gongkai.model.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml against the code (no Docker engine here, so `docker compose config` cannot run):
 * the services are built from their Dockerfiles, publish their quarkus.http.port, set only configuration they
 * read, and every topic they use is created before they start.
 */
class ComposeTest {

    static final Path COMPOSE = Path.of("compose", "compose.yaml");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return (Map<String, Object>) Kustomize.parse(Files.readString(COMPOSE)).get(0);
    }

    @Test
    void theServicesAreBuiltFromTheirDockerfilesAndConfiguredAsTheCodeReads() throws IOException {
        var services = map(compose(), "services");
        List<String> problems = new ArrayList<>();
        for (ServiceSource service : ServiceSource.all()) {
            var s = map(services, service.module());
            if (s.isEmpty()) {
                problems.add("no Compose service " + service.module());
                continue;
            }
            Path context = COMPOSE.getParent().resolve(str(s, "build", "context")).toAbsolutePath().normalize();
            if (!context.equals(service.dir())) {
                problems.add(service.module() + ": build context " + context + " is not " + service.dir());
            }
            if (!Files.isRegularFile(context.resolve(String.valueOf(str(s, "build", "dockerfile"))))) {
                problems.add(service.module() + ": no Dockerfile " + str(s, "build", "dockerfile") + " in " + context);
            }
            for (String variable : map(s, "environment").keySet()) {
                if (service.whyRead(variable) == null) {
                    problems.add(service.module() + ": " + variable + " is no configuration the service reads");
                }
            }
            String published = strings(s, "ports").stream().findFirst().orElse("");
            if (!published.endsWith(":" + service.httpPort())) {
                problems.add(service.module() + ": ports " + strings(s, "ports") + " do not publish quarkus.http.port "
                        + service.httpPort());
            }
            if (!"service_completed_successfully".equals(str(s, "depends_on", "kafka-init", "condition"))) {
                problems.add(service.module() + " does not wait for kafka-init (the topics)");
            }
        }
        if (!problems.isEmpty()) {
            fail("deploy/compose/compose.yaml:\n  - " + String.join("\n  - ", problems));
        }
    }

    @Test
    void kafkaInitCreatesEveryTopicTheServicesUse() throws IOException {
        String script = String.join("\n", strings(compose(), "services", "kafka-init", "command"));
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*create\\s+(\\S+)\\s").matcher(script);
        while (m.find()) {
            created.add(m.group(1));
        }
        Set<String> used = new TreeSet<>(Topics.ALL);
        ServiceSource.all().forEach(s -> used.addAll(s.topics()));
        assertEquals(used, created, "topics kafka-init creates vs. topics the services use");
    }

    @Test
    void theImagesAreTheOnesTheProjectTestsAgainst() throws IOException {
        var services = map(compose(), "services");
        assertEquals("apache/kafka:4.1.1", str(services, "kafka", "image"));
        assertEquals("mongo:7.0", str(services, "mongo", "image"));
    }
}
