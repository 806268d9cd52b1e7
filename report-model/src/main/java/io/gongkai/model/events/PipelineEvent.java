package io.gongkai.model.events;

/** What every event of the pipeline carries: the id of the document it is about, which is also its Kafka key. */
public interface PipelineEvent {

    String documentId();

    /**
     * Refuses an event that could be applied to nothing; consumers call it after reading a payload, so a
     * malformed message goes to the dead-letter topic instead of being silently dropped.
     */
    default void requireDocumentId() {
        if (documentId() == null || documentId().isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " without documentId");
        }
    }
}
