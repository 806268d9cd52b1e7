package io.gongkai.model.events;

/** Where a document is in the pipeline, as the front door reports it. Ordered: a status never goes back. */
public enum DocumentStatus {
    RECEIVED, EXTRACTED, VALIDATED, FAILED;

    /** Whether a document in this status may move to {@code next} (late or redelivered events must not undo progress). */
    public boolean mayBecome(DocumentStatus next) {
        if (this == FAILED || this == VALIDATED) {
            return next == this;
        }
        return next.ordinal() >= ordinal();
    }
}
