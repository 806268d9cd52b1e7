package io.gongkai.validate.repository;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.rules.AgencyKey;
import java.time.Instant;
import java.util.List;

/**
 * One stored validation result, as validate-service's store holds it.
 *
 * @param valuesDigest    {@link io.gongkai.rules.Renditions#valuesDigest} of the report (null if stored before it was kept)
 * @param report          the report; null when read without it ({@link ValidatedReportRepository#findSummary})
 * @param findings        the findings; null when read (only the digest is compared)
 * @param findingsDigest  SHA-256 of the findings' JSON: whether a new check changed the outcome
 * @param publishedVersion the highest version subscribers were sent, or null
 * @param publishedBy     the incoming record (topic/partition@offset) whose Kafka transaction carries that version, or null
 *                        when it was published outside a transaction
 */
public record ValidatedReport(String documentId, String sha256, String agency, AgencyKey agencyKey, Integer year, String reportKey,
        String valuesDigest, Report report,
        List<Finding> findings, String findingsDigest, String ruleSetVersion, long version, Long publishedVersion,
        String publishedBy, Instant validatedAt) {
}
