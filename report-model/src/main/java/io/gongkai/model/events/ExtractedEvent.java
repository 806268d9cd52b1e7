package io.gongkai.model.events;

import io.gongkai.model.Report;

/**
 * {@code reports.extracted}: the report model read out of a document, or why it could not be read.
 *
 * @param status       {@link #EXTRACTED} or {@link #FAILED}
 * @param error        for FAILED, the reason in words users understand
 * @param detectedType the media type detected from the bytes
 * @param encoding     the text encoding detected, where the document is text
 */
public record ExtractedEvent(
        String documentId,
        String sha256,
        String status,
        String error,
        String detectedType,
        String encoding,
        Report report,
        String extractorVersion) implements PipelineEvent {

    public static final String EXTRACTED = "EXTRACTED";
    public static final String FAILED = "FAILED";

    public static ExtractedEvent failed(RawDocumentEvent raw, String reason, String detectedType, String extractorVersion) {
        return new ExtractedEvent(raw.documentId(), raw.sha256(), FAILED, reason, detectedType, null, null, extractorVersion);
    }
}
