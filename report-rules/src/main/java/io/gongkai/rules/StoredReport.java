package io.gongkai.rules;

import io.gongkai.model.Report;

/** A report already in the store, with the document it came from. */
public record StoredReport(String documentId, AgencyKey agency, Report report) {
}
