package io.gongkai.ingest.messaging;

import io.gongkai.ingest.config.OverloadConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The lag read with Kafka's admin client (the same {@code kafka.*} settings as the channels): the committed offsets of
 * the group and the topic's end offsets. A caller gets the last reading at once; when it is older than
 * {@code gongkai.overload.refresh} a new one is started on this class's own thread, so no request thread (let alone the
 * event loop) ever waits for the broker.
 */
@ApplicationScoped
public class KafkaConsumerLag implements ConsumerLagSource {

    private static final Logger LOG = Logger.getLogger(KafkaConsumerLag.class);
    private static final int TIMEOUT_MS = 3000;

    private final OverloadConfig config;
    private final Map<String, Object> kafka;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gongkai-consumer-lag");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile LagSample last;
    private volatile long lastTryNanos;
    private Admin admin;

    public KafkaConsumerLag(OverloadConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    @Override
    public Optional<LagSample> latest() {
        long now = System.nanoTime();
        if (now - lastTryNanos > config.refresh().toNanos() && reading.compareAndSet(false, true)) {
            lastTryNanos = now;
            reader.execute(() -> {
                try {
                    last = read();
                } catch (Exception e) {
                    last = null; // unknown: refuse nothing for it
                    LOG.debugf("consumer lag of %s not read: %s", config.group(), e.getMessage());
                } finally {
                    reading.set(false);
                }
            });
        }
        LagSample s = last;
        // A reading much older than the refresh (the broker stopped answering) is no longer a reason to refuse.
        return s == null || now - s.atNanos() > 6 * config.refresh().toNanos() ? Optional.empty() : Optional.of(s);
    }

    private LagSample read() throws Exception {
        Admin a = admin();
        Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(config.group())
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = a.describeTopics(List.of(config.topic())).allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(config.topic()).partitions().stream()
                .map(p -> new TopicPartition(config.topic(), p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(p -> {
            latest.put(p, OffsetSpec.latest());
            earliest.put(p, OffsetSpec.earliest());
        });
        Map<TopicPartition, ListOffsetsResultInfo> ends = a.listOffsets(latest).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = a.listOffsets(earliest).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        long lag = 0;
        long position = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata c = committed.get(p);
            long at = c == null ? starts.get(p).offset() : c.offset(); // never committed: it starts at the log's start
            lag += Math.max(0, ends.get(p).offset() - at);
            position += at;
        }
        return new LagSample(lag, position, System.nanoTime());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = new HashMap<>();
            kafka.forEach((k, v) -> {
                if (AdminClientConfig.configNames().contains(k)) {
                    props.put(k, v);
                }
            });
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-service-lag");
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        reader.shutdownNow();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
