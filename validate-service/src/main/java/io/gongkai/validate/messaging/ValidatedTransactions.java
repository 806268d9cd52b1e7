package io.gongkai.validate.messaging;

import io.gongkai.messaging.EventJson;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.config.ValidateConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The transactional producer of reports.validated: a batch's events, its dead letters and the offsets it consumed are
 * committed together, or not at all (then the batch comes again). Read with {@code isolation.level=read_committed},
 * reports.validated never shows an event twice for a crash between publishing and committing.
 * <p>
 * This is the Kafka client's own transaction API rather than SmallRye's {@code KafkaTransactions}: after an aborted
 * transaction that emitter rewinds the consumer and lets the stream go on, which, with the broker still down, leaves
 * its producer stuck and the stream skipping batches; here a failed transaction is aborted and the same batch is tried
 * again until the broker takes it (or the group moved the partitions elsewhere), and a producer the broker fenced or
 * that lost its state is replaced by a new one with the same {@code transactional.id}.
 */
@ApplicationScoped
public class ValidatedTransactions {

    private static final Logger LOG = Logger.getLogger(ValidatedTransactions.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final KafkaClientService clients;
    private final EventJson json;
    private final Config mp;
    private final ValidateConfig config;
    private final String transactionalId;
    private KafkaProducer<String, String> producer; // used by the one batch thread only
    private volatile boolean closing;

    public ValidatedTransactions(KafkaClientService clients, EventJson json, Config mp, ValidateConfig config) {
        this.clients = clients;
        this.json = json;
        this.mp = mp;
        this.config = config;
        this.transactionalId = config.publish().transactionalId().orElseGet(ValidatedTransactions::hostTransactionalId);
    }

    /**
     * One per instance, the same after a restart: the new producer's {@code initTransactions} then aborts what the killed
     * one left open at once, instead of read_committed readers waiting for the transaction time-out.
     */
    private static String hostTransactionalId() {
        try {
            return "validate-service-" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "validate-service";
        }
    }

    /** A reports.validated record, keyed by document id, as a JSON CloudEvent in binary mode (docs/events.md). */
    public ProducerRecord<String, String> event(ValidatedEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(mp.getValue("mp.messaging.outgoing.validated.topic", String.class),
                event.documentId(), json.write(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", mp.getValue("mp.messaging.outgoing.validated.cloud-events-type", String.class));
        header(record, "ce_source", mp.getValue("mp.messaging.outgoing.validated.cloud-events-source", String.class));
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", mp.getValue("mp.messaging.outgoing.validated.cloud-events-data-content-type", String.class));
        return record;
    }

    /** The record on its channel's dead-letter topic, with the headers SmallRye's dead-letter queue writes. */
    public ProducerRecord<String, String> deadLetter(String channel, ConsumerRecord<String, String> in, Exception cause) {
        String topic = mp.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, in.key(), in.value());
        header(record, KafkaDeadLetterQueue.DEAD_LETTER_REASON, String.valueOf(cause.getMessage()));
        header(record, KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME, cause.getClass().getName());
        header(record, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, in.topic());
        header(record, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, String.valueOf(in.partition()));
        header(record, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, String.valueOf(in.offset()));
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the records and commits the batch's offsets in one transaction, trying again (the broker down, a
     * time-out) until it commits. Returns without committing only when the consumer group was rebalanced since the
     * batch was polled: the consumer is then rewound to the committed offsets and the records come again.
     *
     * @throws IllegalStateException when the service shuts down before the broker took the batch (it comes again)
     */
    public void commit(List<ProducerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = batch.getOffsets().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset() + 1)));
        KafkaConsumer<Object, Object> consumer = clients.getConsumers(batch.getChannel()).get(Math.max(0, batch.getConsumerIndex()));
        Duration timeout = config.publish().timeout();
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1;; attempt++) {
            if (closing) {
                throw new IllegalStateException("shutting down before the broker took the batch");
            }
            try {
                ConsumerGroupMetadata group = consumer.consumerGroupMetadata().await().atMost(timeout);
                if (group.generationId() != batch.getConsumerGroupGenerationId()) {
                    LOG.infof("consumer group of %s rebalanced since the poll: its records come again", batch.getChannel());
                    consumer.resetToLastCommittedPositions().await().atMost(timeout);
                    return;
                }
                KafkaProducer<String, String> p = producer();
                p.beginTransaction();
                List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
                for (ProducerRecord<String, String> record : records) {
                    sent.add(p.send(record));
                }
                for (Future<RecordMetadata> f : sent) {
                    f.get(); // a send that failed aborts the transaction rather than committing without it
                }
                p.sendOffsetsToTransaction(offsets, group);
                p.commitTransaction();
                if (attempt > 1) {
                    LOG.infof("batch of %s committed at attempt %d", batch.getChannel(), attempt);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort();
                throw new IllegalStateException("interrupted before the broker took the batch", e);
            } catch (Exception e) {
                LOG.warnf("transaction of a %s batch (%d records out) failed, attempt %d: %s", batch.getChannel(), records.size(),
                        attempt, e.toString());
                abort();
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, mp.getValue("kafka.bootstrap.servers", String.class));
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            // As extract-service's limit: a validated event is leaner than the extracted one it comes from, so it fits,
            // and a record the broker refused would abort its batch on every attempt.
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(5 << 20));
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(config.publish().transactionTimeout().toMillis()));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.publish().timeout().toMillis()));
            KafkaProducer<String, String> created = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            try {
                created.initTransactions(); // fences an earlier producer with this id and aborts what it left open
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
            LOG.infof("transactional producer %s ready", transactionalId);
        }
        return producer;
    }

    /** Aborts the open transaction; a producer that cannot (fenced, fatal error, broker gone) is closed and made anew. */
    private void abort() {
        if (producer == null) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.infof("transactional producer %s replaced: %s", transactionalId, e.toString());
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the broker took the batch", e);
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        closing = true;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
