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

    /** One incoming record's check: the events to publish, each claimed for {@code claimant} (null outside transactions). */
    @FunctionalInterface
    public interface Check {
        List<ValidatedEvent> apply(String payload, String claimant) throws Exception;
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
        List<ProducerRecord<String, String>> out = new ArrayList<>();
        for (ConsumerRecord<String, String> record : metadata.getRecords()) {
            String claimant = record.topic() + "/" + record.partition() + "@" + record.offset();
            // The report's trace goes on: a span per record, child of the one that wrote it, whose context the
            // records it yields carry (headers only: the transaction is the same).
            Span span = tracing.process(record);
            try (Scope scope = span.makeCurrent()) {
                for (ValidatedEvent event : check.apply(record.value(), claimant)) {
                    out.add(tracing.inject(transactions.event(event)));
                }
            } catch (Exception e) {
                LOG.warnf("%s cannot be processed, dead-lettered: %s", claimant, e.toString());
                span.recordException(e);
                out.add(transactions.deadLetter(metadata.getChannel(), record, e));
            } finally {
                span.end();
            }
        }
        transactions.commit(out, metadata);
    }

    private void publishEach(List<String> payloads, Check check) {
        for (String payload : payloads) {
            try {
                for (ValidatedEvent event : check.apply(payload, null)) {
                    Message<String> message = Message.of(json.write(event))
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.documentId()).build());
                    validated.sendMessage(message).await().atMost(config.publish().timeout());
                    validation.published(event);
                }
            } catch (Exception e) {
                LOG.warnf("a record cannot be processed, skipped (no dead-letter topic without Kafka): %s", e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
