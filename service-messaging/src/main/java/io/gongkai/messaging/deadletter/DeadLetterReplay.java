package io.gongkai.messaging.deadletter;

import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;

/**
 * Sends a service's dead letters back to the topic they came from, once their cause is fixed (a store outage longer
 * than the retries, a bug since deployed). The dead-letter topics are those of the service's incoming channels
 * ({@code mp.messaging.incoming.*.dead-letter-queue.topic}), so every consumer gets it without a list to keep. The
 * consumer group {@code <quarkus.application.name>-dlq-replay} remembers what was sent, so each dead letter is
 * replayed once; what is dead-lettered again (still unreadable) waits for the next replay. Only the dead letters
 * present when the replay starts are read, so a record that keeps failing cannot loop.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.dead-letter-queue\\.topic");
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Duration BROKER_WAIT = Duration.ofSeconds(30);
    /** The header that says where a replayed record comes from (topic/partition@offset), for whoever traces it. */
    public static final String REPLAYED_FROM = "replayed-from";

    private final Config mp;
    private final DeadLetterClients clients;

    public DeadLetterReplay(Config mp, DeadLetterClients clients) {
        this.mp = mp;
        this.clients = clients;
    }

    /** The consumer group that remembers what this service replayed. */
    public String group() {
        return mp.getOptionalValue("quarkus.application.name", String.class).orElse("gongkai") + "-dlq-replay";
    }

    /** This service's dead-letter topics, in name order. */
    public List<String> topics() {
        TreeSet<String> topics = new TreeSet<>();
        for (String name : mp.getPropertyNames()) {
            Matcher m = DLQ_TOPIC.matcher(name);
            if (m.matches()) {
                mp.getOptionalValue(name, String.class).filter(t -> !t.isBlank()).ifPresent(topics::add);
            }
        }
        return List.copyOf(topics);
    }

    /**
     * Replays the dead letters present now.
     *
     * @throws TimeoutException when the broker did not answer in time, or the dead letters were not all read in two
     *         minutes; what was replayed stays replayed (its offsets are committed), the rest waits for the next call
     */
    public synchronized ReplayOutcome replay() throws InterruptedException, ExecutionException, TimeoutException {
        List<String> topics = topics();
        Map<String, Long> replayed = new LinkedHashMap<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        topics.forEach(t -> {
            replayed.put(t, 0L);
            skipped.put(t, 0L);
        });
        if (topics.isEmpty()) {
            return new ReplayOutcome(replayed, skipped);
        }
        try (Consumer<String, String> consumer = clients.consumer(group()); Producer<String, String> producer = clients.producer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, BROKER_WAIT);
                if (infos != null) { // null or empty: nothing was ever dead-lettered there
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, BROKER_WAIT);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, BROKER_WAIT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("dead letters not all read within " + LIMIT + "; what was replayed stays replayed");
                }
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue; // dead-lettered after the replay started: the next replay's
                    }
                    done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    Header origin = record.headers().lastHeader(KafkaDeadLetterQueue.DEAD_LETTER_TOPIC);
                    if (origin == null) {
                        skipped.merge(record.topic(), 1L, Long::sum);
                        continue;
                    }
                    ProducerRecord<String, String> again = new ProducerRecord<>(new String(origin.value(), StandardCharsets.UTF_8),
                            record.key(), record.value());
                    again.headers().add(REPLAYED_FROM, (record.topic() + "/" + record.partition() + "@" + record.offset())
                            .getBytes(StandardCharsets.UTF_8));
                    sent.add(producer.send(again));
                    replayed.merge(record.topic(), 1L, Long::sum);
                }
                for (Future<RecordMetadata> f : sent) {
                    f.get(BROKER_WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done); // only after the broker took what was sent: a failed replay sends again
                }
            }
        }
        return new ReplayOutcome(replayed, skipped);
    }
}
