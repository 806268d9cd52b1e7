package io.gongkai.ingest.service;

import io.gongkai.ingest.messaging.RawDocumentPublisher;
import io.gongkai.ingest.repository.BlobStore;
import io.gongkai.ingest.repository.DocumentRepository;
import io.gongkai.model.events.RawDocumentEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Accepts a document: stores its bytes once under their SHA-256, records it, publishes reports.raw and
 * only then reports success. Every step is idempotent, so a submit that failed half-way (broker or
 * database down) is simply retried, and the same bytes again publish nothing.
 */
@ApplicationScoped
public class DocumentIntakeService {

    private final BlobStore blobs;
    private final DocumentRepository documents;
    private final RawDocumentPublisher publisher;
    private final MeterRegistry metrics;

    public DocumentIntakeService(BlobStore blobs, DocumentRepository documents, RawDocumentPublisher publisher,
            MeterRegistry metrics) {
        this.blobs = blobs;
        this.documents = documents;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public SubmissionResult submit(Submission submission) {
        String sha256 = sha256(submission.bytes());
        String documentId = documentId(sha256);
        DocumentRepository.Known known = documents.known(documentId).orElse(null);
        if (known != null && known.published()) {
            metrics.counter("gongkai.documents.submitted", "outcome", "duplicate").increment();
            return new SubmissionResult(documentId, known.status(), false);
        }
        blobs.storeIfAbsent(sha256, submission.bytes(), submission.contentType());
        RawDocumentEvent event = new RawDocumentEvent(documentId, sha256, submission.bytes().length, submission.fileName(),
                submission.contentType(), submission.sourceUrl(), submission.fetchedAt(),
                known == null || known.receivedAt() == null ? Instant.now() : known.receivedAt());
        documents.insertIfAbsent(event);
        publisher.publish(event);
        if (known == null) {
            documents.markPublished(documentId);
        } else {
            documents.markPublishedLegacy(documentId);
        }
        metrics.counter("gongkai.documents.submitted", "outcome", "accepted").increment();
        return new SubmissionResult(documentId, "RECEIVED", true);
    }

    /** The document id is derived from the content, so the same bytes always get the same id, even under races. */
    static String documentId(String sha256) {
        return sha256.substring(0, 32);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
