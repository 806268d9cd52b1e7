package io.gongkai.ingest.service;

/**
 * A batch refused as a whole, before any of its files is submitted (too many files, too many bytes once expanded, an
 * unreadable archive): the resource answers it with this status as problem+json.
 */
public class BatchRefusedException extends RuntimeException {

    private final int status;
    private final String title;

    public BatchRefusedException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
