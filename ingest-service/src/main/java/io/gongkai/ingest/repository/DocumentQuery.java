package io.gongkai.ingest.repository;

import io.gongkai.model.events.DocumentStatus;

/**
 * What {@code GET /api/documents} filters on; each field null for "any". The repository binds every value as a literal
 * ({@code $eq}), so nothing from a request becomes a query operator.
 */
public record DocumentQuery(DocumentStatus status, String agency, Integer year) {
}
