package io.gongkai.ingest.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One document of the read model as the read API shows it: the report and findings as the JSON trees they were
 * published as (null before validation), so the answer is the published shape, field for field.
 */
public record DocumentRecord(String documentId, String status, String fileName, String sourceUrl, String sha256, long size,
        Instant receivedAt, Instant fetchedAt, String detectedType, Map<String, Object> report, List<Object> findings,
        String ruleSetVersion, Long validationVersion, String error) {
}
