package io.gongkai.model.events;

/** Kafka topics and CloudEvent types of the pipeline. Keys are document ids, so one document's events stay in order. */
public final class Topics {
    public static final String RAW = "reports.raw";
    public static final String EXTRACTED = "reports.extracted";
    public static final String VALIDATED = "reports.validated";

    public static final String RAW_TYPE = "io.gongkai.report.raw.v1";
    public static final String EXTRACTED_TYPE = "io.gongkai.report.extracted.v1";
    public static final String VALIDATED_TYPE = "io.gongkai.report.validated.v1";

    private Topics() {
    }
}
