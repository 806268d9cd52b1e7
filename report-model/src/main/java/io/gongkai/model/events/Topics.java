package io.gongkai.model.events;

import java.util.List;

/** Kafka topics and CloudEvent types of the pipeline. Keys are document ids, so one document's events stay in order. */
public final class Topics {
    public static final String RAW = "reports.raw";
    public static final String EXTRACTED = "reports.extracted";
    public static final String VALIDATED = "reports.validated";

    /** Dead-letter topics, one per consuming service and incoming topic (named in each service's configuration). */
    public static final String RAW_DLQ_EXTRACT = "reports.raw.dlq.extract";
    public static final String EXTRACTED_DLQ_VALIDATE = "reports.extracted.dlq.validate";
    public static final String EXTRACTED_DLQ_INGEST = "reports.extracted.dlq.ingest";
    public static final String VALIDATED_DLQ_INGEST = "reports.validated.dlq.ingest";

    /** Re-validation requests: validate-service queues one per stored report and consumes them itself. */
    public static final String REVALIDATE = "reports.revalidate";
    public static final String REVALIDATE_DLQ_VALIDATE = "reports.revalidate.dlq.validate";

    /** Every topic the services read or write; created up front, since consumers only see new topics late. */
    public static final List<String> ALL = List.of(RAW, EXTRACTED, VALIDATED,
            RAW_DLQ_EXTRACT, EXTRACTED_DLQ_VALIDATE, EXTRACTED_DLQ_INGEST, VALIDATED_DLQ_INGEST, REVALIDATE,
            REVALIDATE_DLQ_VALIDATE);

    public static final String RAW_TYPE = "io.gongkai.report.raw.v1";
    public static final String EXTRACTED_TYPE = "io.gongkai.report.extracted.v1";
    public static final String VALIDATED_TYPE = "io.gongkai.report.validated.v1";

    private Topics() {
    }
}
