package io.gongkai.validate.repository;

import io.gongkai.model.Region;

/** One stored document as the agencies directory sees it: who wrote it, where, for which year, under which report. */
public record AgencyReportEntry(String documentId, String agency, String agencyKey, Integer year, String reportKey,
        Region region, String administrativeLevel, String publishedOn) {
}
