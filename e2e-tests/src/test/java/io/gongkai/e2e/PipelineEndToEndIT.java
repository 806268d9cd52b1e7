package io.gongkai.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on real parts: a Kafka broker, a MongoDB-protocol server and the three packaged
 * services, driven over HTTP as a crawler would.
 */
class PipelineEndToEndIT {

    /** The finding codes implemented so far; required findings of other codes are not yet expected. */
    private static final Set<String> CODES_UNDER_TEST = Set.of("APPLICATIONS_BALANCE", "APPLICATIONS_TOTAL_ROW",
            "APPLICATIONS_TOTAL_COLUMN", "REVIEW_TOTAL", "LAWSUIT_TOTAL", "MISSING_VALUE", "INVALID_VALUE",
            "UNREADABLE_TABLE");
    private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(90);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path ROOT = Path.of(System.getProperty("gongkai.root", "..")).toAbsolutePath().normalize();
    private static final String TOKEN = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));

    /** What subscribers and users are promised a result looks like (generated from the model; report-model tests it). */
    private static final JsonSchema RESULT_SCHEMA = resultSchema();
    /** What subscribers are promised about the records on the topics (docs/asyncapi.yaml, docs/schema/). */
    private static final EventContracts CONTRACTS = new EventContracts(ROOT);

    private static RunningPipeline pipeline;
    private static String api;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = RunningPipeline.start(ROOT, TOKEN);
        api = pipeline.ingestUrl() + "/api/documents";
    }

    private static JsonSchema resultSchema() {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(JSON.readTree(ROOT.resolve("docs/schema/document.schema.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everySampleReportIsReadAndCheckedExactlyAsExpected() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        List<Path> samples;
        try (Stream<Path> files = Files.list(ROOT.resolve("samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, samples.size(), "the five bundled sample reports");
        for (Path sample : samples) {
            HttpResponse<String> answer = submit(Files.readAllBytes(sample), "text/plain", sample.getFileName().toString(), TOKEN);
            assertTrue(answer.statusCode() == 202 || answer.statusCode() == 200, sample + ": " + answer.body());
            ids.put(sample.getFileName().toString().replace(".txt", ""), JSON.readTree(answer.body()).get("documentId").asText());
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : ids.entrySet()) {
            JsonNode result = awaitDone(entry.getValue());
            JsonNode expected = JSON.readTree(ROOT.resolve("samples").resolve(entry.getKey() + ".expected.json").toFile());
            assertEquals("VALIDATED", result.get("status").asText(), entry.getKey() + " ended " + result);
            ExpectedResult.differences(expected, result, CODES_UNDER_TEST)
                    .forEach(d -> problems.add(entry.getKey() + ": " + d));
            assertProvenanceForEveryValue(entry.getKey(), result, problems);
            RESULT_SCHEMA.validate(result).forEach(m -> problems.add(entry.getKey() + ": not as docs/schema says: " + m));
        }
        assertTrue(problems.isEmpty(), "differences from the hand-checked expectations:\n" + String.join("\n", problems));
    }

    @Test
    void theSameBytesAgainGetTheSameIdAndPublishNothing() throws Exception {
        byte[] body = ("重复提交测试 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = submit(body, "text/plain", "dup.txt", TOKEN);
        assertEquals(202, first.statusCode(), first.body());
        String id = JSON.readTree(first.body()).get("documentId").asText();
        HttpResponse<String> second = submit(body, "text/plain", "dup-again.txt", TOKEN);
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(id, JSON.readTree(second.body()).get("documentId").asText());
        awaitDone(id);
        assertEquals(1, recordsWithKey("reports.raw", id).size(), "exactly one reports.raw event for the document");
    }

    @Test
    void aZipOfReportsIsTakenFileByFileAndEachIsRead() throws Exception {
        Path sample;
        try (Stream<Path> files = Files.list(ROOT.resolve("samples"))) {
            sample = files.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        byte[] report = Files.readAllBytes(sample);
        byte[] notAReport = ("今天天气很好，我们去公园散步。" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> e : Map.of("2023/" + sample.getFileName(), report, "../weather.txt", notAReport,
                    "inner.zip", new byte[] {'P', 'K', 3, 4}).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/batch")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/zip").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode items = JSON.readTree(answer.body()).get("items");
        assertEquals(3, items.size(), answer.body());
        assertEquals("weather.txt", items.get(0).get("fileName").asText(), "a name is never a path");
        assertEquals(sample.getFileName().toString(), items.get(1).get("fileName").asText());
        assertEquals("Nested archive not expanded", items.get(2).get("problem").get("title").asText());
        String single = JSON.readTree(submit(report, "text/plain", "again.txt", TOKEN).body()).get("documentId").asText();
        assertEquals(single, items.get(1).get("documentId").asText(), "the same bytes, the same id, in a batch or not");
        assertEquals("FAILED", awaitDone(items.get(0).get("documentId").asText()).get("status").asText());
        assertEquals("VALIDATED", awaitDone(single).get("status").asText());
        assertEquals(1, recordsWithKey("reports.raw", single).size(), "one reports.raw event for the report");
        // The overload guard reads extract-service's lag from the real broker (shown as a gauge once read).
        String lag = await("extract-service's lag read by the overload guard").atMost(PROCESSING_TIMEOUT)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    submit(("滞后 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "text/plain", "lag.txt", TOKEN);
                    String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/q/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    return metrics.lines().filter(l -> l.startsWith("gongkai_overload_lag"))
                            .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElse("absent");
                }, value -> !value.equals("NaN"));
        assertTrue(Double.parseDouble(lag) >= 0, "extract-service's lag on reports.raw: " + lag);
    }

    @Test
    void aDocumentThatIsNotAReportEndsFailedWithAReason() throws Exception {
        byte[] body = ("今天天气很好，我们去公园散步，看到很多人在跳舞。" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(submit(body, "text/plain", "weather.txt", TOKEN).body()).get("documentId").asText();
        JsonNode result = awaitDone(id);
        assertEquals("FAILED", result.get("status").asText());
        assertFalse(result.path("error").asText().isBlank(), "a FAILED document says why: " + result);
        assertEquals(Set.of(), RESULT_SCHEMA.validate(result), "a FAILED document's answer follows docs/schema too");
        List<ConsumerRecord<String, String>> extracted = recordsWithKey("reports.extracted", id);
        assertEquals(1, extracted.size());
        assertEquals(List.of(), CONTRACTS.violations(extracted.get(0)), "a FAILED extraction follows docs/asyncapi.yaml");
    }

    @Test
    void theEventsOfAReportFollowTheContractsAndCarryTheTraceOfItsSubmit() throws Exception {
        // A crawler that traces its own work sends its trace context with the submit: the report's events go on in it.
        String traceId = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), 0, 16);
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        byte[] sample = Files.readAllBytes(ROOT.resolve("samples/001_ff1f8276dec07d75.txt"));
        byte[] changed = (new String(sample, StandardCharsets.UTF_8) + "\n\n" + traceId).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(api)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain").header("X-File-Name", "traced.txt").header("Authorization", "Bearer " + TOKEN)
                .header("traceparent", traceparent).POST(HttpRequest.BodyPublishers.ofByteArray(changed)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        String id = JSON.readTree(answer.body()).get("documentId").asText();
        assertEquals("VALIDATED", awaitDone(id).get("status").asText());

        List<String> problems = new ArrayList<>();
        for (String topic : List.of("reports.raw", "reports.extracted", "reports.validated")) {
            List<ConsumerRecord<String, String>> records = recordsWithKey(topic, id);
            if (records.isEmpty()) {
                problems.add(topic + ": no record for " + id);
            }
            records.forEach(record -> problems.addAll(CONTRACTS.violations(record)));
            // The first event of each topic comes from this submit; a later reports.validated version may come from
            // another document's trace (a neighbouring year that arrived and changed this report's findings).
            String header = records.isEmpty() ? null : lastHeader(records.get(0), "traceparent");
            if (header == null || !header.split("-")[1].equals(traceId)) {
                problems.add(topic + ": traceparent " + header + " is not in the submit's trace " + traceId);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String lastHeader(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void anUnauthenticatedSubmitIsRefused() throws Exception {
        HttpResponse<String> noToken = submit("x".getBytes(StandardCharsets.UTF_8), "text/plain", "x.txt", null);
        assertEquals(401, noToken.statusCode());
        assertTrue(noToken.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(401, submit("x".getBytes(StandardCharsets.UTF_8), "text/plain", "x.txt", "not-the-token").statusCode());
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("reports.raw", key, "{this is not json")).get();
        }
        await("the poison message in reports.raw.dlq.extract").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> !recordsWithKey("reports.raw.dlq.extract", key).isEmpty());
        // The consumer is not stuck: a report submitted after the poison message is still processed.
        byte[] sample = Files.readAllBytes(ROOT.resolve("samples/000_f8a12ae11966356f.txt"));
        byte[] changed = (new String(sample, StandardCharsets.UTF_8) + "\n\n" + key).getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(submit(changed, "text/plain", "after-poison.txt", TOKEN).body()).get("documentId").asText();
        assertEquals("VALIDATED", awaitDone(id).get("status").asText());

        // extract-service replays its dead letters too: the poison record goes back to reports.raw once and, still
        // unreadable, is dead-lettered again (not lost), and waits there for the next replay (not sent round endlessly).
        HttpRequest replay = HttpRequest.newBuilder(URI.create(pipeline.extractUrl() + "/api/admin/dead-letters/replay"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> replayed = HTTP.send(replay, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, replayed.statusCode(), replayed.body());
        assertTrue(JSON.readTree(replayed.body()).at("/replayed/reports.raw.dlq.extract").asLong() >= 1, replayed.body());
        await("the replayed poison message dead-lettered again").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> recordsWithKey("reports.raw.dlq.extract", key).size() == 2);
        assertEquals(2, recordsWithKey("reports.raw", key).size(), "sent back once");
        // Asked again, it is sent back once more, no more: the replay reads only what was there when it started.
        assertEquals(200, HTTP.send(replay, HttpResponse.BodyHandlers.ofString()).statusCode());
        await("the second replay's copy dead-lettered").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> recordsWithKey("reports.raw.dlq.extract", key).size() == 3);
        assertEquals(3, recordsWithKey("reports.raw", key).size());
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.extractUrl() + "/api/admin/dead-letters/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aDeadLetterIsReplayedOnceWhenAnAdminAsks() throws Exception {
        // A sound extraction that validate-service dead-lettered (as after a store outage longer than its retries):
        // once the cause is fixed, the replay sends it back to reports.extracted, and it is validated.
        String id = "replayed-" + UUID.randomUUID();
        JsonNode report = JSON.readTree(ROOT.resolve("samples/000_f8a12ae11966356f.expected.json").toFile()).get("report");
        String event = JSON.writeValueAsString(JSON.createObjectNode().put("documentId", id).put("sha256", "sha-" + id)
                .put("status", "EXTRACTED").put("detectedType", "text/plain").put("encoding", "UTF-8").set("report", report));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> deadLetter = new ProducerRecord<>("reports.extracted.dlq.validate", id, event);
            deadLetter.headers().add("dead-letter-topic", "reports.extracted".getBytes(StandardCharsets.UTF_8));
            deadLetter.headers().add("dead-letter-reason", "store unavailable".getBytes(StandardCharsets.UTF_8));
            producer.send(deadLetter).get();
        }
        HttpRequest replay = HttpRequest.newBuilder(URI.create(pipeline.validateUrl() + "/api/admin/dead-letters/replay"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> first = HTTP.send(replay, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(JSON.readTree(first.body()).at("/replayed/reports.extracted.dlq.validate").asLong() >= 1, first.body());
        await("the replayed extraction validated").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> !recordsWithKey("reports.validated", id).isEmpty());
        // Replayed once: asking again sends nothing back for it.
        HttpResponse<String> second = HTTP.send(replay, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(1, recordsWithKey("reports.extracted", id).size(), "the dead letter was sent back once");
        assertEquals(1, recordsWithKey("reports.validated", id).size(), "and published once");
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.validateUrl() + "/api/admin/dead-letters/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static void assertProvenanceForEveryValue(String name, JsonNode result, List<String> problems) {
        JsonNode provenance = result.at("/report/provenance");
        for (String table : List.of("activeDisclosure", "applications", "reviewsAndLawsuits")) {
            result.at("/report/" + table).fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(cell -> {
                String path = table + "." + row.getKey() + "." + cell.getKey();
                if (!cell.getValue().isNull() && provenance.path(path).path("line").asInt(0) < 1) {
                    problems.add(name + ": no provenance for " + path);
                }
            }));
        }
    }

    private static HttpResponse<String> submit(byte[] body, String contentType, String fileName, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("X-File-Name", fileName)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitDone(String documentId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return await(documentId + " VALIDATED or FAILED").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/" + documentId)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, r.statusCode(), r.body());
                        last.set(JSON.readTree(r.body()));
                        return last.get();
                    }, view -> Set.of("VALIDATED", "FAILED").contains(view.get("status").asText()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(documentId + " not done after " + PROCESSING_TIMEOUT + ": " + last.get()
                    + "\n" + pipeline.services().stream().map(s -> "--- " + s.name + "\n" + s.tail()).reduce("", String::concat));
        }
    }

    /** Reads a topic from the beginning to its current end and returns the records with this key. */
    private static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // What a subscriber sees: reports.validated is written in Kafka transactions.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
