package io.gongkai.validate.messaging;

import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * Sends this service's dead letters back to the topic they came from, once their cause is fixed (a store outage longer
 * than the retries, a bug since deployed). The consumer group {@code validate-service-dlq-replay} remembers what was
 * sent, so each dead letter is replayed once; what is dead-lettered again (still unreadable) waits for the next
 * replay. Only the dead letters present when the replay starts are read, so that cannot loop.
 */
@ApplicationScoped
public class DeadLetterReplay {

    static final String GROUP = "validate-service-dlq-replay";
    private static final List<String> CHANNELS = List.of("extracted", "revalidate");
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final Config mp;

    public DeadLetterReplay(Config mp) {
        this.mp = mp;
    }

    /** What one replay did, per dead-letter topic. */
    public record Outcome(Map<String, Long> replayed, Map<String, Long> skipped) {
    }

    /**
     * @return per dead-letter topic, the dead letters sent back, and those skipped (no {@code dead-letter-topic} header:
     *         not written by a dead-letter queue)
     */
    public synchronized Outcome replay() throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, String> origins = new LinkedHashMap<>();
        for (String channel : CHANNELS) {
            origins.put(mp.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class),
                    mp.getValue("mp.messaging.incoming." + channel + ".topic", String.class));
        }
        Map<String, Long> replayed = new LinkedHashMap<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        origins.keySet().forEach(t -> {
            replayed.put(t, 0L);
            skipped.put(t, 0L);
        });
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), new StringDeserializer());
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(), new StringSerializer(), new StringSerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : origins.keySet()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("dead letters not all read within " + LIMIT + "; what was replayed stays replayed");
                }
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue; // dead-lettered after the replay started
                    }
                    done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    Header origin = record.headers().lastHeader(KafkaDeadLetterQueue.DEAD_LETTER_TOPIC);
                    if (origin == null) {
                        skipped.merge(record.topic(), 1L, Long::sum);
                        continue;
                    }
                    ProducerRecord<String, String> again = new ProducerRecord<>(new String(origin.value(), StandardCharsets.UTF_8),
                            record.key(), record.value());
                    again.headers().add("replayed-from", (record.topic() + "/" + record.partition() + "@" + record.offset())
                            .getBytes(StandardCharsets.UTF_8));
                    sent.add(producer.send(again));
                    replayed.merge(record.topic(), 1L, Long::sum);
                }
                for (Future<RecordMetadata> f : sent) {
                    f.get(30, TimeUnit.SECONDS);
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done); // only after the broker took what was sent: a failed replay sends again
                }
            }
        }
        return new Outcome(replayed, skipped);
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, mp.getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // dead letters are written in transactions
        return props;
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, mp.getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(5 << 20));
        return props;
    }
}
