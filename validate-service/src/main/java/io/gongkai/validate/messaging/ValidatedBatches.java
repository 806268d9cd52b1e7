package io.gongkai.validate.messaging;

import io.gongkai.messaging.EventJson;
import io.gongkai.messaging.tracing.KafkaTracing;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.service.ValidationService;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Runs the batches of both incoming channels, one at a time, on one thread of its own: each record is checked
 * ({@link RecordChecks}: blocking MongoDB work), then the batch's events, its dead letters and its consumed offsets go
 * to the broker in one Kafka transaction ({@link ValidatedTransactions}). One thread keeps one transaction open at a
 * time, and, having no Vert.x context, can wait for the broker without waiting on itself.
 * <p>
 * Without Kafka metadata (the in-memory connector of the component tests) the events are sent one by one through the
 * {@code validated} channel and recorded as published after the acknowledgement: at least once.
 */
@ApplicationScoped
public class ValidatedBatches {

    private static final Logger LOG = Logger.getLogger(ValidatedBatches.class);

    /** The checks of one batch: what {@link Check} starts for its records. */
    public interface Checks {
        /** Record {@code index}'s check: the events to publish, each claimed for {@code claimant} (null outside transactions). */
        List<ValidatedEvent> apply(int index, String claimant) throws Exception;

        /** What the records asked to check again once every record is checked: document ids, in order. */
        default List<String> rechecks() {
            return List.of();
        }

        /** The incoming record (claimant) whose transaction carries {@code documentId}'s re-check. */
        default String claimantOf(String documentId) {
            return null;
        }

        /** A re-check: its event, claimed for {@link #claimantOf}, when it changed. */
        default Optional<ValidatedEvent> recheck(String documentId) throws Exception {
            return Optional.empty();
        }
    }

    /** Starts the checks of a batch: its payloads and their claimants (topic/partition@offset; nulls outside transactions). */
    @FunctionalInterface
    public interface Check {
        Checks start(List<String> payloads, List<String> claimants);
    }

    private final ValidatedTransactions transactions;
    private final MutinyEmitter<String> validated;
    private final ValidationService validation;
    private final EventJson json;
    private final ValidateConfig config;
    private final KafkaTracing tracing;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "validated-batches");
        t.setDaemon(true);
        return t;
    });

    public ValidatedBatches(ValidatedTransactions transactions, @Channel("validated") MutinyEmitter<String> validated,
            ValidationService validation, EventJson json, ValidateConfig config, KafkaTracing tracing) {
        this.transactions = transactions;
        this.validated = validated;
        this.validation = validation;
        this.json = json;
        this.config = config;
        this.tracing = tracing;
    }

    /** Completes when the batch is committed (or, outside transactions, published); never fails the stream. */
    public CompletionStage<Void> process(Message<List<String>> batch, Check check) {
        return CompletableFuture.runAsync(() -> run(batch, check), worker)
                .exceptionally(e -> {
                    // Only when shutting down mid-retry: the offsets were not committed, the batch comes again.
                    LOG.warnf("batch left uncommitted: %s", e.getMessage());
                    return null;
                })
                .thenCompose(v -> batch.ack());
    }

    @SuppressWarnings("unchecked")
    private void run(Message<List<String>> batch, Check check) {
        Optional<IncomingKafkaRecordBatchMetadata<String, String>> kafka = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(m -> (IncomingKafkaRecordBatchMetadata<String, String>) m);
        if (kafka.isEmpty()) {
            publishEach(batch.getPayload(), check);
            return;
        }
        IncomingKafkaRecordBatchMetadata<String, String> metadata = kafka.get();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        metadata.getRecords().forEach(records::add);
        Map<String, ConsumerRecord<String, String>> byClaimant = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byClaimant.put(record.topic() + "/" + record.partition() + "@" + record.offset(), record);
        }
        List<String> claimants = List.copyOf(byClaimant.keySet());
        Checks checks = check.start(records.stream().map(ConsumerRecord::value).toList(), claimants);
        List<ProducerRecord<String, String>> out = new ArrayList<>();
        Set<String> deadLettered = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            String claimant = claimants.get(i);
            // The report's trace goes on: a span per record, child of the one that wrote it, whose context the
            // records it yields carry (headers only: the transaction is the same).
            Span span = tracing.process(record);
            try (Scope scope = span.makeCurrent()) {
                for (ValidatedEvent event : checks.apply(i, claimant)) {
                    out.add(tracing.inject(transactions.event(event)));
                }
            } catch (Exception e) {
                LOG.warnf("%s cannot be processed, dead-lettered: %s", claimant, e.toString());
                span.recordException(e);
                out.add(transactions.deadLetter(metadata.getChannel(), record, e));
                deadLettered.add(claimant);
            } finally {
                span.end();
            }
        }
        // The stored reports the batch's records affect, each checked once, in the trace of the record that affected it
        // last, whose transaction (this one) carries the event. One that still fails after the outage retries
        // dead-letters that record (its own event stays in the batch): replayed, it checks the neighbour again.
        for (String documentId : checks.rechecks()) {
            String claimant = checks.claimantOf(documentId);
            ConsumerRecord<String, String> record = byClaimant.get(claimant);
            Span span = record == null ? Span.getInvalid() : tracing.process(record);
            try (Scope scope = span.makeCurrent()) {
                checks.recheck(documentId).ifPresent(event -> out.add(tracing.inject(transactions.event(event))));
            } catch (Exception e) {
                span.recordException(e);
                if (record != null && deadLettered.add(claimant)) {
                    LOG.warnf("re-check of %s for %s failed, %s dead-lettered: %s", documentId, claimant, claimant, e.toString());
                    out.add(transactions.deadLetter(metadata.getChannel(), record, e));
                } else {
                    LOG.warnf("re-check of %s for %s failed: %s", documentId, claimant, e.toString());
                }
            } finally {
                span.end();
            }
        }
        transactions.commit(out, metadata);
    }

    private void publishEach(List<String> payloads, Check check) {
        List<String> claimants = new ArrayList<>();
        payloads.forEach(p -> claimants.add(null));
        Checks checks = check.start(payloads, claimants);
        for (int i = 0; i < payloads.size(); i++) {
            try {
                publish(checks.apply(i, null));
            } catch (Exception e) {
                LOG.warnf("a record cannot be processed, skipped (no dead-letter topic without Kafka): %s", e.toString());
            }
        }
        for (String documentId : checks.rechecks()) {
            try {
                publish(checks.recheck(documentId).stream().toList());
            } catch (Exception e) {
                LOG.warnf("re-check of %s failed, skipped (no dead-letter topic without Kafka): %s", documentId, e.toString());
            }
        }
    }

    private void publish(List<ValidatedEvent> events) {
        for (ValidatedEvent event : events) {
            Message<String> message = Message.of(json.write(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.documentId()).build());
            validated.sendMessage(message).await().atMost(config.publish().timeout());
            validation.published(event);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
