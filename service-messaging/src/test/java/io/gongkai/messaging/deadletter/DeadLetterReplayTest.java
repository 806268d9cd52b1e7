package io.gongkai.messaging.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The replay on mock Kafka clients: what is sent back where, what is committed, what is left for later. */
class DeadLetterReplayTest {

    private static final String DLQ = "reports.raw.dlq.extract";
    private static final TopicPartition P0 = new TopicPartition(DLQ, 0);

    /** A consumer that outlives the replay's close, so that the test can read what it committed. */
    private static final class KeptConsumer extends MockConsumer<String, String> {
        KeptConsumer() {
            super("earliest");
        }

        @Override
        public void close() {
        }
    }

    private final KeptConsumer consumer = new KeptConsumer();
    private final MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private String askedGroup;

    private DeadLetterReplay replay(Map<String, String> properties) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return new DeadLetterReplay(config, new DeadLetterClients("unused:9092") {
            @Override
            public Consumer<String, String> consumer(String group) {
                askedGroup = group;
                return consumer;
            }

            @Override
            public Producer<String, String> producer() {
                return producer;
            }
        });
    }

    private static Map<String, String> extractConfig() {
        return Map.of("quarkus.application.name", "extract-service",
                "mp.messaging.incoming.raw.topic", "reports.raw",
                "mp.messaging.incoming.raw.dead-letter-queue.topic", DLQ,
                "mp.messaging.outgoing.extracted.topic", "reports.extracted");
    }

    private static ConsumerRecord<String, String> deadLetter(long offset, String key, String origin) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(DLQ, 0, offset, key, "{\"documentId\":\"" + key + "\"}");
        if (origin != null) {
            r.headers().add("dead-letter-topic", origin.getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    private void holding(List<ConsumerRecord<String, String>> present, List<ConsumerRecord<String, String>> arrivingDuringReplay) {
        consumer.updatePartitions(DLQ, List.of(new PartitionInfo(DLQ, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, (long) present.size()));
        consumer.schedulePollTask(() -> {
            present.forEach(consumer::addRecord);
            arrivingDuringReplay.forEach(consumer::addRecord);
        });
    }

    @Test
    void theDeadLetterTopicsAreThoseOfTheIncomingChannels() {
        DeadLetterReplay replay = replay(Map.of("quarkus.application.name", "ingest-service",
                "mp.messaging.incoming.extracted-status.dead-letter-queue.topic", "reports.extracted.dlq.ingest",
                "mp.messaging.incoming.validated-status.dead-letter-queue.topic", "reports.validated.dlq.ingest",
                "mp.messaging.outgoing.raw.topic", "reports.raw"));
        assertEquals(List.of("reports.extracted.dlq.ingest", "reports.validated.dlq.ingest"), replay.topics());
        assertEquals("ingest-service-dlq-replay", replay.group());
    }

    @Test
    void eachDeadLetterGoesBackToItsOriginOnceAndItsOffsetIsCommitted() throws Exception {
        holding(List.of(deadLetter(0, "a", "reports.raw"), deadLetter(1, "b", "reports.raw")), List.of());

        ReplayOutcome outcome = replay(extractConfig()).replay();

        assertEquals(Map.of(DLQ, 2L), outcome.replayed());
        assertEquals(Map.of(DLQ, 0L), outcome.skipped());
        assertEquals("extract-service-dlq-replay", askedGroup);
        List<ProducerRecord<String, String>> sent = producer.history();
        assertEquals(List.of("a", "b"), sent.stream().map(ProducerRecord::key).toList());
        assertEquals(Set.of("reports.raw"), Set.copyOf(sent.stream().map(ProducerRecord::topic).toList()));
        assertEquals("{\"documentId\":\"a\"}", sent.getFirst().value());
        assertEquals(DLQ + "/0@0", new String(sent.getFirst().headers().lastHeader(DeadLetterReplay.REPLAYED_FROM).value(),
                StandardCharsets.UTF_8));
        assertEquals(2L, consumer.committed(Set.of(P0)).get(P0).offset(), "the group remembers both as replayed");
    }

    @Test
    void aRecordWithoutItsOriginIsSkippedButPassed() throws Exception {
        holding(List.of(deadLetter(0, "no-origin", null), deadLetter(1, "b", "reports.raw")), List.of());

        ReplayOutcome outcome = replay(extractConfig()).replay();

        assertEquals(Map.of(DLQ, 1L), outcome.replayed());
        assertEquals(Map.of(DLQ, 1L), outcome.skipped());
        assertEquals(List.of("b"), producer.history().stream().map(ProducerRecord::key).toList());
        assertEquals(2L, consumer.committed(Set.of(P0)).get(P0).offset());
    }

    @Test
    void aDeadLetterWrittenDuringTheReplayWaitsForTheNextOne() throws Exception {
        // A poison record replayed is dead-lettered again: that copy must not be replayed in the same call, or it loops.
        holding(List.of(deadLetter(0, "poison", "reports.raw")), List.of(deadLetter(1, "poison", "reports.raw")));

        ReplayOutcome outcome = replay(extractConfig()).replay();

        assertEquals(Map.of(DLQ, 1L), outcome.replayed());
        assertEquals(1, producer.history().size());
        assertEquals(1L, consumer.committed(Set.of(P0)).get(P0).offset(), "the new dead letter stays for the next replay");
    }

    @Test
    void aServiceWithoutDeadLetterTopicsReplaysNothing() throws Exception {
        ReplayOutcome outcome = replay(Map.of("quarkus.application.name", "x")).replay();
        assertEquals(Map.of(), outcome.replayed());
        assertNull(askedGroup, "no client made");
    }
}
