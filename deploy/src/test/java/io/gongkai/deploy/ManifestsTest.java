package io.gongkai.deploy;

import static io.gongkai.deploy.Manifests.at;
import static io.gongkai.deploy.Manifests.id;
import static io.gongkai.deploy.Manifests.map;
import static io.gongkai.deploy.Manifests.maps;
import static io.gongkai.deploy.Manifests.name;
import static io.gongkai.deploy.Manifests.str;
import static io.gongkai.deploy.Manifests.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gongkai.model.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay of deploy/k8s with {@code kubectl kustomize} and checks the result against the code:
 * the services' application.properties and @ConfigMapping interfaces, report-model's Topics.ALL and the
 * Dockerfiles. Each check collects all its problems and fails with the whole list.
 */
class ManifestsTest {

    /** The only service that may be reached from outside the namespace (DESIGN.md: the front door). */
    static final String FRONT_DOOR = "ingest-service";
    /** The one other namespace allowed in: Prometheus scraping /q/metrics (components/monitoring). */
    static final Map<String, Object> PROMETHEUS_NAMESPACE = Map.of("kubernetes.io/metadata.name", "monitoring");
    static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::render);
    }

    private static void assertNone(String overlay, String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail("overlays/" + overlay + ": " + what + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    @Test
    void thereAreTheOverlaysTheReadmeNames() {
        assertTrue(overlays().containsAll(List.of("dev", "prod", "prod-hpa")), "overlays: " + overlays());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheServicesUseHasAKafkaTopic(String overlay) {
        Manifests m = rendered(overlay);
        Map<String, Map<String, Object>> kafkaTopics = kafkaTopics(m);
        Set<String> used = new TreeSet<>(Topics.ALL);
        List<String> problems = new ArrayList<>();
        for (ServiceSource service : ServiceSource.all()) {
            used.addAll(service.topics());
            for (String topic : service.topics()) {
                if (!kafkaTopics.containsKey(topic)) {
                    problems.add(service.module() + " uses " + topic + ", which has no KafkaTopic");
                }
            }
            // A producer that may send big records needs a topic (and dead-letter topics) that take them.
            for (var channel : service.channels()) {
                String size = service.properties().get("mp.messaging.outgoing." + channel.name() + ".max.request.size");
                if (channel.incoming() || size == null) {
                    continue;
                }
                for (var consumer : ServiceSource.all()) {
                    for (var in : consumer.incoming()) {
                        if (in.topic().equals(channel.topic()) && in.deadLetterTopic() != null) {
                            checkMessageSize(kafkaTopics, in.deadLetterTopic(), Long.parseLong(size), problems);
                        }
                    }
                }
                checkMessageSize(kafkaTopics, channel.topic(), Long.parseLong(size), problems);
            }
        }
        for (String topic : Topics.ALL) {
            if (!kafkaTopics.containsKey(topic)) {
                problems.add("Topics.ALL names " + topic + ", which has no KafkaTopic");
            }
        }
        Set<String> kafkas = names(m, "Kafka");
        kafkaTopics.forEach((topic, resource) -> {
            if (!used.contains(topic)) {
                problems.add("KafkaTopic " + topic + " is used by no service (stale?)");
            }
            if (!kafkas.contains(str(resource, "metadata", "labels", "strimzi.io/cluster"))) {
                problems.add("KafkaTopic " + topic + " has no strimzi.io/cluster label naming a rendered Kafka " + kafkas);
            }
        });
        assertNone(overlay, "topics", problems);
    }

    private static void checkMessageSize(Map<String, Map<String, Object>> topics, String topic, long size,
            List<String> problems) {
        var resource = topics.get(topic);
        String max = resource == null ? null : str(resource, "spec", "config", "max.message.bytes");
        if (resource != null && (max == null || Long.parseLong(max) < size)) {
            problems.add("KafkaTopic " + topic + " takes max.message.bytes=" + max + " but its producer sends up to "
                    + size + " bytes (max.request.size)");
        }
    }

    static Map<String, Map<String, Object>> kafkaTopics(Manifests m) {
        Map<String, Map<String, Object>> topics = new TreeMap<>();
        for (var t : m.ofKind("KafkaTopic")) {
            String topic = str(t, "spec", "topicName");
            topics.put(topic == null ? name(t) : topic, t);
        }
        return topics;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentsRunTheServicesAsTheirCodeSays(String overlay) {
        Manifests m = rendered(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> deployed = new TreeSet<>();
        for (var deployment : m.ofKind("Deployment")) {
            String module = name(deployment);
            deployed.add(module);
            if (!ServiceSource.MODULES.contains(module)) {
                problems.add(id(deployment) + " is not one of the service modules " + ServiceSource.MODULES);
                continue;
            }
            ServiceSource service = ServiceSource.named(module);
            var pod = Workloads.podSpec(deployment);
            var containers = Workloads.containers(deployment);
            if (containers.size() != 1) {
                problems.add(id(deployment) + " has " + containers.size() + " containers, expected 1");
                continue;
            }
            var container = containers.get(0);
            checkImage(deployment, container, service, problems);
            Integer port = Workloads.containerPort(container, "http");
            if (port == null || port != service.httpPort()) {
                problems.add(id(deployment) + ": container port \"http\" is " + port + ", quarkus.http.port is "
                        + service.httpPort());
            }
            PROBES.forEach((probe, path) -> {
                Object get = at(container, probe, "httpGet");
                if (get == null) {
                    problems.add(id(deployment) + " has no " + probe + " (httpGet " + path + ")");
                    return;
                }
                if (!path.equals(str(get, "path"))) {
                    problems.add(id(deployment) + ": " + probe + " path " + str(get, "path") + ", expected " + path);
                }
                Integer target = Workloads.containerPort(container, at(get, "port"));
                if (target == null || target != service.httpPort()) {
                    problems.add(id(deployment) + ": " + probe + " port " + at(get, "port") + " is not quarkus.http.port "
                            + service.httpPort());
                }
            });
            long grace = Long.parseLong(String.valueOf(pod.getOrDefault("terminationGracePeriodSeconds", 30)));
            if (grace <= service.shutdownTimeout().toSeconds()) {
                problems.add(id(deployment) + ": terminationGracePeriodSeconds " + grace + " is not longer than "
                        + "quarkus.shutdown.timeout " + service.shutdownTimeout());
            }
            for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                String[] path = resource.split("\\.");
                if (at(container, "resources", path[0], path[1]) == null) {
                    problems.add(id(deployment) + " sets no resources." + resource);
                }
            }
            if (!"true".equals(str(pod, "securityContext", "runAsNonRoot"))
                    && !"true".equals(str(container, "securityContext", "runAsNonRoot"))) {
                problems.add(id(deployment) + " does not require runAsNonRoot");
            }
        }
        if (!deployed.equals(new TreeSet<>(ServiceSource.MODULES))) {
            problems.add("Deployments " + deployed + ", expected one per service " + ServiceSource.MODULES);
        }
        assertNone(overlay, "Deployments", problems);
    }

    private static void checkImage(Map<String, Object> deployment, Map<String, Object> container, ServiceSource service,
            List<String> problems) {
        String image = str(container, "image");
        String repository = image == null ? "" : image.replaceFirst("[:@].*$", "");
        if (!(repository.equals("gongkai/" + service.module()) || repository.endsWith("/" + service.module()))) {
            problems.add(id(deployment) + ": image " + image + " is not the image of " + service.module());
        }
        if (image == null || !image.matches(".*(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})$") || image.endsWith(":latest")) {
            problems.add(id(deployment) + ": image " + image + " has no fixed tag or digest");
        }
        if (!service.hasDockerfile("Dockerfile.jvm")) {
            problems.add(service.module() + " has no src/main/docker/Dockerfile.jvm to build " + image + " from");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableIsAConfigurationTheServiceReads(String overlay) {
        Manifests m = rendered(overlay);
        Workloads workloads = new Workloads(m);
        List<String> problems = new ArrayList<>();
        for (var deployment : m.ofKind("Deployment")) {
            if (!ServiceSource.MODULES.contains(name(deployment))) {
                continue;
            }
            ServiceSource service = ServiceSource.named(name(deployment));
            for (var container : Workloads.containers(deployment)) {
                for (var variable : workloads.environment(container, problems)) {
                    if (service.whyRead(variable.name()) == null) {
                        problems.add(service.module() + ": " + variable.name() + " (from " + variable.source()
                                + ") is no configuration " + service.module() + " reads: not in its application.properties"
                                + " (nor a ${...} there), not a @ConfigMapping property, not a run-java.sh variable");
                    }
                }
            }
        }
        assertNone(overlay, "environment variables", problems);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferenceResolvesWithinTheOverlay(String overlay) {
        Manifests m = rendered(overlay);
        Workloads workloads = new Workloads(m);
        List<String> problems = new ArrayList<>();
        for (var deployment : m.ofKind("Deployment")) {
            for (var container : Workloads.containers(deployment)) {
                workloads.environment(container, problems);
            }
            workloads.checkVolumes(deployment, problems);
        }
        for (var service : m.ofKind("Service")) {
            var selector = map(service, "spec", "selector");
            Set<String> targets = selector.isEmpty() ? Set.of() : workloads.selectedDeployments(Map.of("matchLabels", selector));
            if (targets.size() != 1) {
                problems.add(id(service) + " selects the pods of " + targets + ", expected exactly one Deployment");
                continue;
            }
            var deployment = m.find("Deployment", targets.iterator().next()).orElseThrow();
            var container = Workloads.containers(deployment).get(0);
            for (var port : maps(service, "spec", "ports")) {
                Integer target = Workloads.containerPort(container, port.getOrDefault("targetPort", port.get("port")));
                if (target == null) {
                    problems.add(id(service) + ": targetPort " + port.get("targetPort") + " is no port of " + id(deployment));
                } else if (ServiceSource.MODULES.contains(name(deployment))
                        && target != ServiceSource.named(name(deployment)).httpPort()) {
                    problems.add(id(service) + " routes to " + target + ", not quarkus.http.port");
                }
            }
        }
        for (String kind : List.of("ScaledObject", "HorizontalPodAutoscaler")) {
            for (var scaler : m.ofKind(kind)) {
                String target = str(scaler, "spec", "scaleTargetRef", "name");
                if (m.find("Deployment", target).isEmpty()) {
                    problems.add(id(scaler) + " scales " + target + ", which is not a rendered Deployment");
                }
            }
        }
        for (var pdb : m.ofKind("PodDisruptionBudget")) {
            if (workloads.selectedDeployments(map(pdb, "spec", "selector")).isEmpty()) {
                problems.add(id(pdb) + " selects no Deployment's pods");
            }
        }
        for (var monitor : m.ofKind("ServiceMonitor")) {
            var selector = map(monitor, "spec", "selector");
            var services = m.ofKind("Service").stream()
                    .filter(s -> Manifests.selects(selector, map(s, "metadata", "labels"))).toList();
            if (services.isEmpty()) {
                problems.add(id(monitor) + " selects no Service");
            }
            for (var endpoint : maps(monitor, "spec", "endpoints")) {
                for (var s : services) {
                    if (maps(s, "spec", "ports").stream().noneMatch(p -> str(endpoint, "port").equals(str(p, "name")))) {
                        problems.add(id(monitor) + ": " + id(s) + " has no port named " + str(endpoint, "port"));
                    }
                }
            }
        }
        Set<String> kafkas = names(m, "Kafka");
        Map<String, Set<String>> roles = new HashMap<>();
        for (var pool : m.ofKind("KafkaNodePool")) {
            String cluster = str(pool, "metadata", "labels", "strimzi.io/cluster");
            if (!kafkas.contains(cluster)) {
                problems.add(id(pool) + " belongs to Kafka " + cluster + ", which is not rendered");
            }
            roles.computeIfAbsent(cluster, c -> new TreeSet<>()).addAll(strings(pool, "spec", "roles"));
        }
        for (String kafka : kafkas) {
            if (!roles.getOrDefault(kafka, Set.of()).containsAll(Set.of("broker", "controller"))) {
                problems.add("Kafka " + kafka + " has node pools with roles " + roles.get(kafka)
                        + "; KRaft needs controller and broker roles");
            }
        }
        for (var mongo : m.ofKind("MongoDBCommunity")) {
            for (var user : maps(mongo, "spec", "users")) {
                String secret = str(user, "passwordSecretRef", "name");
                String key = str(user, "passwordSecretRef", "key") == null ? "password" : str(user, "passwordSecretRef", "key");
                Map<String, String> keys = m.find("Secret", secret).isPresent() ? workloads.keys("Secret", secret) : null;
                if (keys == null || !keys.containsKey(key)) {
                    problems.add(id(mongo) + ": the password of user " + str(user, "name") + " (Secret " + secret
                            + ", key " + key + ") is not rendered");
                }
            }
        }
        assertNone(overlay, "references", problems);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesReachTheRenderedKafkaAndMongoDb(String overlay) {
        Manifests m = rendered(overlay);
        Workloads workloads = new Workloads(m);
        List<String> problems = new ArrayList<>();
        Set<String> bootstraps = plainBootstraps(m, "");
        if (m.ofKind("MongoDBCommunity").stream().noneMatch(x -> "ReplicaSet".equals(str(x, "spec", "type")))) {
            problems.add("no MongoDBCommunity of type ReplicaSet");
        }
        for (var deployment : m.ofKind("Deployment")) {
            for (var container : Workloads.containers(deployment)) {
                Map<String, Workloads.Variable> env = new LinkedHashMap<>();
                workloads.environment(container, new ArrayList<>()).forEach(v -> env.put(v.name(), v));
                var kafka = env.get("KAFKA_BOOTSTRAP_SERVERS");
                if (kafka == null || !bootstraps.contains(kafka.value())) {
                    problems.add(id(deployment) + ": KAFKA_BOOTSTRAP_SERVERS is " + (kafka == null ? "unset" : kafka.value())
                            + ", expected the plain internal bootstrap of a rendered Kafka " + bootstraps);
                }
                var mongo = env.get("MONGODB_URI");
                String secret = mongo == null || !mongo.source().startsWith("Secret ") ? null : mongo.source().substring(7);
                var user = secret == null ? null : workloads.mongoUserOf(secret);
                if (user == null) {
                    problems.add(id(deployment) + ": MONGODB_URI does not come from a MongoDBCommunity user's "
                            + "connection string Secret");
                    continue;
                }
                Set<String> databases = new TreeSet<>();
                maps(user, "roles").forEach(r -> databases.add(str(r, "db")));
                env.values().stream().filter(v -> v.name().endsWith("_DATABASE") && v.value() != null)
                        .filter(v -> !databases.contains(v.value()))
                        .forEach(v -> problems.add(id(deployment) + ": " + v.name() + "=" + v.value() + " but its MongoDB user "
                                + str(user, "name") + " has roles only on " + databases));
            }
        }
        assertNone(overlay, "Kafka and MongoDB", problems);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalingFollowsTheConsumerGroupsAndIsCappedAtThePartitions(String overlay) {
        Manifests m = rendered(overlay);
        Map<String, Map<String, Object>> topics = kafkaTopics(m);
        List<String> problems = new ArrayList<>();
        for (var scaled : m.ofKind("ScaledObject")) {
            String target = str(scaled, "spec", "scaleTargetRef", "name");
            if (!ServiceSource.MODULES.contains(target)) {
                problems.add(id(scaled) + " scales " + target + ", which is no service");
                continue;
            }
            var service = ServiceSource.named(target);
            long max = Long.parseLong(String.valueOf(at(scaled, "spec", "maxReplicaCount")));
            for (var trigger : maps(scaled, "spec", "triggers")) {
                if (!"kafka".equals(str(trigger, "type"))) {
                    continue;
                }
                String topic = str(trigger, "metadata", "topic");
                String group = str(trigger, "metadata", "consumerGroup");
                if (service.incoming().stream().noneMatch(c -> c.topic().equals(topic) && c.groupId().equals(group))) {
                    problems.add(id(scaled) + " watches group " + group + " on " + topic + "; " + target + " consumes "
                            + service.incoming().stream().map(c -> c.groupId() + " on " + c.topic()).toList());
                }
                long partitions = partitions(topics, topic);
                if (max > partitions) {
                    problems.add(id(scaled) + ": maxReplicaCount " + max + " is above the " + partitions
                            + " partitions of " + topic);
                }
                String bootstrap = str(trigger, "metadata", "bootstrapServers");
                Set<String> expected = plainBootstraps(m, "." + m.namespace() + ".svc");
                expected.addAll(plainBootstraps(m, "." + m.namespace() + ".svc.cluster.local"));
                if (!expected.contains(bootstrap)) {
                    problems.add(id(scaled) + ": bootstrapServers " + bootstrap + " (KEDA resolves it from its own "
                            + "namespace) is none of " + expected);
                }
            }
        }
        for (var hpa : m.ofKind("HorizontalPodAutoscaler")) {
            String target = str(hpa, "spec", "scaleTargetRef", "name");
            if (!ServiceSource.MODULES.contains(target)) {
                continue;
            }
            long max = Long.parseLong(String.valueOf(at(hpa, "spec", "maxReplicas")));
            for (var channel : ServiceSource.named(target).incoming()) {
                long partitions = partitions(topics, channel.topic());
                if (max > partitions) {
                    problems.add(id(hpa) + ": maxReplicas " + max + " is above the " + partitions + " partitions of "
                            + channel.topic());
                }
            }
        }
        assertNone(overlay, "autoscaling", problems);
    }

    /** host:port of the Strimzi bootstrap Service of each plain internal listener, the host with a suffix. */
    private static Set<String> plainBootstraps(Manifests m, String hostSuffix) {
        Set<String> addresses = new TreeSet<>();
        for (var kafka : m.ofKind("Kafka")) {
            for (var listener : maps(kafka, "spec", "kafka", "listeners")) {
                if ("internal".equals(str(listener, "type")) && !"true".equals(str(listener, "tls"))) {
                    addresses.add(name(kafka) + "-kafka-bootstrap" + hostSuffix + ":" + str(listener, "port"));
                }
            }
        }
        return addresses;
    }

    private static long partitions(Map<String, Map<String, Object>> topics, String topic) {
        var resource = topics.get(topic);
        return resource == null ? 0 : Long.parseLong(String.valueOf(at(resource, "spec", "partitions")));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheFrontDoorIsReachableFromOutsideTheNamespace(String overlay) {
        Manifests m = rendered(overlay);
        List<String> problems = new ArrayList<>();
        var policies = m.ofKind("NetworkPolicy");
        Map<String, Map<String, Object>> podLabels = new TreeMap<>();
        m.ofKind("Deployment").forEach(d -> podLabels.put(name(d), map(d, "spec", "template", "metadata", "labels")));
        for (var policy : policies) {
            var selected = podLabels.entrySet().stream()
                    .filter(e -> Manifests.selects(map(policy, "spec", "podSelector"), e.getValue())).map(Map.Entry::getKey)
                    .toList();
            for (var rule : maps(policy, "spec", "ingress")) {
                var peers = maps(rule, "from");
                boolean outside = peers.isEmpty() || peers.stream().anyMatch(p -> at(p, "ipBlock") != null
                        || (at(p, "namespaceSelector") != null
                                && !map(p, "namespaceSelector", "matchLabels").equals(PROMETHEUS_NAMESPACE)));
                if (outside && selected.stream().anyMatch(s -> !s.equals(FRONT_DOOR))) {
                    problems.add(id(policy) + " lets traffic from outside the namespace reach " + selected);
                }
            }
        }
        Map<String, Object> broker = new HashMap<>();
        m.ofKind("Kafka").stream().findFirst().ifPresent(k -> broker.putAll(
                Map.of("strimzi.io/cluster", name(k), "strimzi.io/broker-role", "true", "strimzi.io/kind", "Kafka")));
        Map<String, Object> mongo = new HashMap<>();
        m.ofKind("MongoDBCommunity").stream().findFirst().ifPresent(x -> mongo.put("app", name(x) + "-svc"));
        podLabels.forEach((deployment, labels) -> {
            var own = policies.stream().filter(p -> Manifests.selects(map(p, "spec", "podSelector"), labels)).toList();
            for (String type : List.of("Ingress", "Egress")) {
                if (own.stream().noneMatch(p -> strings(p, "spec", "policyTypes").contains(type))) {
                    problems.add(deployment + " is selected by no NetworkPolicy of type " + type + " (nothing denied)");
                }
            }
            var egress = own.stream().flatMap(p -> maps(p, "spec", "egress").stream()).toList();
            if (!allows(egress, broker, 9092)) {
                problems.add(deployment + " may not reach the Kafka brokers " + broker + " on 9092");
            }
            if (!allows(egress, mongo, 27017)) {
                problems.add(deployment + " may not reach the MongoDB members " + mongo + " on 27017");
            }
        });
        assertNone(overlay, "NetworkPolicies", problems);
    }

    private static boolean allows(List<Map<String, Object>> egress, Map<String, Object> labels, int port) {
        return !labels.isEmpty() && egress.stream().anyMatch(rule -> {
            boolean portOk = maps(rule, "ports").isEmpty()
                    || maps(rule, "ports").stream().anyMatch(p -> String.valueOf(port).equals(str(p, "port")));
            boolean peerOk = maps(rule, "to").isEmpty() || maps(rule, "to").stream().anyMatch(
                    peer -> at(peer, "namespaceSelector") == null && Manifests.selects(map(peer, "podSelector"), labels));
            return portOk && peerOk;
        });
    }

    @Test
    void theProdOverlaysAreHighlyAvailable() {
        for (String overlay : List.of("prod", "prod-hpa")) {
            Manifests m = rendered(overlay);
            List<String> problems = new ArrayList<>();
            Workloads workloads = new Workloads(m);
            for (var deployment : m.ofKind("Deployment")) {
                long replicas = Long.parseLong(String.valueOf(at(deployment, "spec", "replicas")));
                if (replicas < 2) {
                    problems.add(id(deployment) + " has " + replicas + " replica(s)");
                }
                if (at(deployment, "spec", "template", "spec", "affinity", "podAntiAffinity") == null) {
                    problems.add(id(deployment) + " has no pod anti-affinity");
                }
                boolean budget = m.ofKind("PodDisruptionBudget").stream().anyMatch(
                        p -> workloads.selectedDeployments(map(p, "spec", "selector")).contains(name(deployment)));
                if (!budget) {
                    problems.add(id(deployment) + " has no PodDisruptionBudget");
                }
            }
            assertFalse(m.ofKind("ScaledObject").isEmpty() && m.ofKind("HorizontalPodAutoscaler").isEmpty(),
                    overlay + " has no autoscaling");
            assertNone(overlay, "high availability", problems);
        }
        assertEquals(2, rendered("prod").ofKind("ScaledObject").size(), "prod: a ScaledObject per consumer service");
        assertEquals(2, rendered("prod-hpa").ofKind("HorizontalPodAutoscaler").size(), "prod-hpa: an HPA per consumer");
    }

    private static Set<String> names(Manifests m, String kind) {
        Set<String> names = new TreeSet<>();
        m.ofKind(kind).forEach(r -> names.add(name(r)));
        return names;
    }
}
