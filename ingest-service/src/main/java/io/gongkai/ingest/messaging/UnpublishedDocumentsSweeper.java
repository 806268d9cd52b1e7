package io.gongkai.ingest.messaging;

import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.ingest.repository.DocumentRepository;
import io.gongkai.model.events.RawDocumentEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The outbox half of the front door: a submit stores the bytes and the document before it publishes, so when
 * the broker does not acknowledge (the client gets 503) the document is stored but unpublished. A client that
 * retries publishes it; this sweep publishes the ones nobody retried, so no stored document stays RECEIVED
 * for ever. Publishing twice is harmless: the consumers are idempotent.
 */
@ApplicationScoped
public class UnpublishedDocumentsSweeper {

    private static final Logger LOG = Logger.getLogger(UnpublishedDocumentsSweeper.class);
    private static final int BATCH = 100;

    private final DocumentRepository documents;
    private final RawDocumentPublisher publisher;
    private final IngestConfig config;

    public UnpublishedDocumentsSweeper(DocumentRepository documents, RawDocumentPublisher publisher, IngestConfig config) {
        this.documents = documents;
        this.publisher = publisher;
        this.config = config;
    }

    @Scheduled(every = "${gongkai.publish.sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(config.publish().sweepAfter());
        } catch (RuntimeException e) {
            // MongoDB or Kafka still down: the next round tries again.
            LOG.warnf("unpublished-documents sweep stopped: %s", e.getMessage());
        }
    }

    /** Publishes the documents stored longer than {@code age} ago and never acknowledged; returns how many. */
    public int sweep(Duration age) {
        int published = 0;
        for (RawDocumentEvent event : documents.findUnpublished(Instant.now().minus(age), BATCH)) {
            publisher.publish(event);
            documents.markPublished(event.documentId());
            published++;
        }
        if (published > 0) {
            LOG.infof("published %d document(s) whose submit had been answered 503", published);
        }
        return published;
    }
}
