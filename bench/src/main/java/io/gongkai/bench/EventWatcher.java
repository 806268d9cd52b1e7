package io.gongkai.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the three pipeline topics from their ends (no consumer group, so the services' offsets are untouched) and keeps,
 * per document, when the front door received it ({@code receivedAt} of reports.raw) and when it was first validated
 * ({@code validatedAt} of reports.validated), and between them when it was extracted (the timestamp of its first
 * reports.extracted record, set by extract-service's producer): the latency comes from the events' own timestamps, not
 * from polling. Also
 * sums each topic's record bytes (key, value and headers, as produced: before the broker's compression).
 */
public final class EventWatcher implements AutoCloseable {

    public static final List<String> TOPICS = List.of("reports.raw", "reports.extracted", "reports.validated");

    private static final JsonFactory JSON = new JsonFactory();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Instant> received = new ConcurrentHashMap<>();
    private final Map<String, Instant> extracted = new ConcurrentHashMap<>();
    private final Map<String, Instant> validated = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> bytes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> records = new ConcurrentHashMap<>();
    private final AtomicLong failedExtractions = new AtomicLong();
    private volatile RuntimeException failure;

    public EventWatcher(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // reports.validated is written in Kafka transactions: count only committed events.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 << 20));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 << 20));
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            bytes.put(topic, new AtomicLong());
            records.put(topic, new AtomicLong());
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is submitted
        thread = new Thread(this::run, "event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the byte and record counts afresh (after a preload). */
    public void resetCounts() {
        bytes.values().forEach(a -> a.set(0));
        records.values().forEach(a -> a.set(0));
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    onRecord(r);
                }
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                failure = e;
            }
        } finally {
            consumer.close();
        }
    }

    private void onRecord(ConsumerRecord<byte[], byte[]> r) {
        Fields f = fields(r.value());
        if (f.documentId == null) {
            return;
        }
        long size = (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        for (Header h : r.headers()) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        switch (r.topic()) {
            case "reports.raw" -> {
                if (f.receivedAt != null) {
                    received.putIfAbsent(f.documentId, f.receivedAt);
                }
            }
            case "reports.extracted" -> {
                if ("EXTRACTED".equals(f.status)) {
                    extracted.putIfAbsent(f.documentId, Instant.ofEpochMilli(r.timestamp())); // CreateTime: when extract sent it
                }
                if (f.status != null && !"EXTRACTED".equals(f.status)) {
                    failedExtractions.incrementAndGet();
                    validated.putIfAbsent(f.documentId, Instant.EPOCH); // never validated: counted as failed, not waited for
                }
            }
            case "reports.validated" -> {
                if (f.validatedAt != null) {
                    validated.putIfAbsent(f.documentId, f.validatedAt);
                }
            }
            default -> {
            }
        }
        // Neighbours' revalidation events count too: they are traffic this run's reports cause.
        bytes.get(r.topic()).addAndGet(size);
        records.get(r.topic()).incrementAndGet();
    }

    private record Fields(String documentId, Instant receivedAt, Instant validatedAt, String status) {
    }

    /** The top-level fields this watcher needs, without building the (up to 100 KB) event. */
    private static Fields fields(byte[] value) {
        if (value == null) {
            return new Fields(null, null, null, null);
        }
        String id = null;
        String status = null;
        Instant received = null;
        Instant validated = null;
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Fields(null, null, null, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "documentId" -> id = p.getText();
                    case "status" -> status = p.getText();
                    case "receivedAt" -> received = instant(p);
                    case "validatedAt" -> validated = instant(p);
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            return new Fields(null, null, null, null);
        }
        return new Fields(id, received, validated, status);
    }

    /** Jackson writes Instants as ISO strings or as decimal seconds, depending on the mapper. */
    private static Instant instant(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> Instant.parse(p.getText());
            case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> {
                java.math.BigDecimal s = p.getDecimalValue();
                yield Instant.ofEpochSecond(s.longValue(), s.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
            }
            default -> null;
        };
    }

    public Instant receivedAt(String documentId) {
        return received.get(documentId);
    }

    /** When its first reports.extracted record was written; null for a failed extraction or while pending. */
    public Instant extractedAt(String documentId) {
        return extracted.get(documentId);
    }

    /** When it was first validated; {@link Instant#EPOCH} when its extraction failed; null while pending. */
    public Instant validatedAt(String documentId) {
        return validated.get(documentId);
    }

    /**
     * Documents received since the watcher started, and of those the ones extracted and validated so far (for the
     * queues' progress; re-checks of documents received before are not counted).
     */
    public long[] seen() {
        long ext = extracted.keySet().stream().filter(received::containsKey).count();
        long val = validated.keySet().stream().filter(received::containsKey).count();
        return new long[] {received.size(), ext, val};
    }

    public long countDone(Iterable<String> documentIds) {
        check();
        long n = 0;
        for (String id : documentIds) {
            if (validated.containsKey(id)) {
                n++;
            }
        }
        return n;
    }

    public long failedExtractions() {
        return failedExtractions.get();
    }

    public long bytes(String topic) {
        return bytes.get(topic).get();
    }

    public long records(String topic) {
        return records.get(topic).get();
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
