package io.gongkai.model.events;

import java.time.Instant;

/**
 * {@code reports.raw}: a document was accepted. The bytes are not in the event (Kafka's message limit,
 * 10-50 MB PDFs): they are stored once under {@code sha256}, the claim check extract-service reads them by.
 */
public record RawDocumentEvent(
        String documentId,
        String sha256,
        long size,
        String fileName,
        String declaredContentType,
        String sourceUrl,
        Instant fetchedAt,
        Instant receivedAt) implements PipelineEvent {
}
