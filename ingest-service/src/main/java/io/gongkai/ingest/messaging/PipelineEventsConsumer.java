package io.gongkai.ingest.messaging;

import io.gongkai.ingest.repository.StatusUpdate;
import io.gongkai.ingest.service.DocumentStatusService;
import io.gongkai.ingest.service.ExtractedStatusEvent;
import io.gongkai.messaging.EventJson;
import io.gongkai.messaging.OutageRetry;
import io.gongkai.model.events.ValidatedEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Learns each document's status from reports.extracted and reports.validated, a batch of records at a time (one read
 * and one bulk write of the store per batch, {@link DocumentStatusService#apply}). A record that cannot be read goes
 * to the channel's dead-letter topic on its own; the rest of its batch is applied. A MongoDB outage is waited out
 * ({@link OutageRetry}) instead, so no status is lost; past that, the whole batch is failed to the dead-letter topic,
 * as each of its records was before batching.
 */
@ApplicationScoped
public class PipelineEventsConsumer {

    private static final Logger LOG = Logger.getLogger(PipelineEventsConsumer.class);

    @FunctionalInterface
    private interface Reader {
        StatusUpdate read(String payload) throws Exception;
    }

    private final DocumentStatusService statuses;
    private final EventJson json;
    /** Blocking store work off the event loop; one thread per channel keeps each channel's batches in order. */
    private final ExecutorService extractedWorker = Executors.newSingleThreadExecutor(r -> daemon(r, "extracted-status"));
    private final ExecutorService validatedWorker = Executors.newSingleThreadExecutor(r -> daemon(r, "validated-status"));

    public PipelineEventsConsumer(DocumentStatusService statuses, EventJson json) {
        this.statuses = statuses;
        this.json = json;
    }

    @Incoming("extracted-status")
    public CompletionStage<Void> onExtracted(Message<List<String>> batch) {
        return consume(batch, payload -> statuses.extracted(json.read(payload, ExtractedStatusEvent.class)), extractedWorker);
    }

    @Incoming("validated-status")
    public CompletionStage<Void> onValidated(Message<List<String>> batch) {
        return consume(batch, payload -> statuses.validated(json.read(payload, ValidatedEvent.class)), validatedWorker);
    }

    private CompletionStage<Void> consume(Message<List<String>> batch, Reader reader, ExecutorService worker) {
        return CompletableFuture.supplyAsync(() -> apply(batch, reader), worker)
                .exceptionally(e -> batch.nack(e.getCause() == null ? e : e.getCause()))
                .thenCompose(done -> done);
    }

    /** Applies the readable records; completes with their acknowledgement and the unreadable ones' dead-lettering. */
    private CompletionStage<Void> apply(Message<List<String>> batch, Reader reader) {
        List<String> payloads = batch.getPayload();
        List<StatusUpdate> updates = new ArrayList<>(payloads.size());
        List<Exception> unreadable = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                updates.add(reader.read(payload));
                unreadable.add(null);
            } catch (Exception e) {
                unreadable.add(e);
            }
        }
        try {
            OutageRetry.GUARD.call(() -> {
                statuses.apply(updates);
                return null;
            }, Object.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (unreadable.stream().allMatch(e -> e == null)) {
            return batch.ack();
        }
        if (!(batch instanceof KafkaRecordBatch<?, ?> records) || records.getRecords().size() != payloads.size()) {
            // without the connector's records (in-memory channels of the tests): the whole batch is failed
            return batch.nack(unreadable.stream().filter(e -> e != null).findFirst().orElseThrow());
        }
        List<CompletableFuture<Void>> each = new ArrayList<>();
        int i = 0;
        for (KafkaRecord<?, ?> record : records.getRecords()) {
            Exception e = unreadable.get(i++);
            if (e != null) {
                LOG.warnf("a record of %s/%d cannot be read, dead-lettered: %s", record.getTopic(), record.getPartition(), e);
            }
            each.add((e == null ? record.ack() : record.nack(e)).toCompletableFuture());
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
    }

    private static Thread daemon(Runnable r, String channel) {
        Thread t = new Thread(r, channel + "-batches");
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    void stop() {
        extractedWorker.shutdown();
        validatedWorker.shutdown();
    }
}
