package io.gongkai.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service module's sources say about how it runs: its HTTP port, shutdown timeout, Kafka channels and
 * every configuration it reads, from {@code src/main/resources/application.properties} (without the %test/%dev
 * profiles) and its {@code @ConfigMapping} interfaces. Read from the repository, so that a change there that
 * the manifests do not follow fails the deploy tests.
 */
record ServiceSource(String module, Path dir, Map<String, String> properties, Set<String> mappedProperties,
        Set<String> envReferences, Set<String> imageVariables) {

    /** An incoming or outgoing channel of SmallRye Reactive Messaging with the Kafka connector. */
    record Channel(String name, boolean incoming, String topic, String groupId, String deadLetterTopic) {
    }

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final List<String> MODULES = List.of("ingest-service", "extract-service", "validate-service");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}");
    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    /** Variables of the image's entry point (run-java.sh) that the Dockerfile documents. */
    private static final Pattern IMAGE_VARIABLE = Pattern.compile("\\b(?:JAVA|GC|CONTAINER)_[A-Z_]+\\b");

    static List<ServiceSource> all() {
        return MODULES.stream().map(ServiceSource::read).toList();
    }

    static ServiceSource named(String module) {
        if (!MODULES.contains(module)) {
            throw new AssertionError(module + " is not a service module of the repository " + MODULES);
        }
        return read(module);
    }

    static ServiceSource read(String module) {
        Path dir = REPOSITORY.resolve(module);
        Path file = dir.resolve("src/main/resources/application.properties");
        Properties raw = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Set<String> envReferences = new TreeSet<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key);
            String name = key;
            if (key.startsWith("%")) {
                // Only what the packaged service reads in production counts: %prod, not %test or %dev.
                if (!key.startsWith("%prod.")) {
                    continue;
                }
                name = key.substring("%prod.".length());
            }
            properties.put(name, value);
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                envReferences.add(m.group(1));
            }
        }
        Set<String> mapped = new TreeSet<>(ConfigMappings.properties(dir.resolve("src/main/java")));
        // Settings shared by the HTTP services (gongkai.auth.*) are mapped in service-common, which the module may use.
        Path pom = dir.resolve("pom.xml");
        try {
            if (Files.exists(pom) && Files.readString(pom).contains("<artifactId>service-common</artifactId>")) {
                mapped.addAll(ConfigMappings.properties(dir.resolveSibling("service-common").resolve("src/main/java")));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ServiceSource(module, dir, properties, mapped,
                envReferences, imageVariables(dir.resolve("src/main/docker/Dockerfile.jvm")));
    }

    private static Set<String> imageVariables(Path dockerfile) {
        Set<String> names = new TreeSet<>();
        if (Files.isRegularFile(dockerfile)) {
            try {
                Matcher m = IMAGE_VARIABLE.matcher(Files.readString(dockerfile));
                while (m.find()) {
                    names.add(m.group());
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + dockerfile, e);
            }
        }
        return names;
    }

    /** MicroProfile Config's environment variable for a property: non-alphanumerics become _, upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Why {@code variable} is read by this service, or null when nothing of it reads that variable. */
    String whyRead(String variable) {
        if (envReferences.contains(variable)) {
            return "${" + variable + "} in application.properties";
        }
        for (String property : properties.keySet()) {
            if (envName(property).equals(variable)) {
                return property + " in application.properties";
            }
        }
        for (String property : mappedProperties) {
            if (envName(property).equals(variable)) {
                return property + " of a @ConfigMapping";
            }
        }
        if (imageVariables.contains(variable)) {
            return "run-java.sh of the image (src/main/docker/Dockerfile.jvm)";
        }
        return null;
    }

    int httpPort() {
        String port = properties.get("quarkus.http.port");
        if (port == null) {
            throw new AssertionError(module + ": no quarkus.http.port in application.properties");
        }
        return Integer.parseInt(port.trim());
    }

    Duration shutdownTimeout() {
        String value = properties.get("quarkus.shutdown.timeout");
        if (value == null) {
            throw new AssertionError(module + ": no quarkus.shutdown.timeout in application.properties; without it "
                    + "Quarkus does not wait for in-flight work and terminationGracePeriodSeconds means nothing");
        }
        return parseDuration(value.trim());
    }

    /** Quarkus' duration syntax: ISO-8601 (PT20S), a number of seconds, or a number with ms, s, m, h or d. */
    static Duration parseDuration(String value) {
        if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(value);
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(value);
        if (!m.matches()) {
            throw new AssertionError("not a duration: " + value);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }

    List<Channel> channels() {
        Map<String, Map<String, String>> byChannel = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                byChannel.computeIfAbsent(m.group(1) + " " + m.group(2), k -> new LinkedHashMap<>()).put(m.group(3), value);
            }
        });
        List<Channel> channels = new ArrayList<>();
        byChannel.forEach((key, attributes) -> {
            if (!"smallrye-kafka".equals(attributes.get("connector"))) {
                return;
            }
            String[] parts = key.split(" ");
            String name = parts[1];
            channels.add(new Channel(name, parts[0].equals("incoming"), attributes.getOrDefault("topic", name),
                    // Quarkus' default consumer group is the application name.
                    attributes.getOrDefault("group.id", properties.get("quarkus.application.name")),
                    attributes.get("dead-letter-queue.topic")));
        });
        return channels;
    }

    /** Every topic the service reads or writes, dead-letter topics included. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (Channel c : channels()) {
            topics.add(c.topic());
            if (c.deadLetterTopic() != null) {
                topics.add(c.deadLetterTopic());
            }
        }
        return topics;
    }

    List<Channel> incoming() {
        return channels().stream().filter(Channel::incoming).toList();
    }

    boolean hasDockerfile(String name) {
        return Files.isRegularFile(dir.resolve("src/main/docker").resolve(name));
    }

    static Stream<String> modules() {
        return MODULES.stream();
    }
}
