package io.gongkai.ingest.repository;

/**
 * The reports placed in one division (or under it) for the overview: received, with errors, published late, with
 * copied text. {@code code} is null for the reports of the region itself rather than a division below it.
 */
public record RegionCount(String code, long documents, long withErrors, long late, long copied) {

    RegionCount plus(RegionCount other) {
        return new RegionCount(code, documents + other.documents, withErrors + other.withErrors, late + other.late, copied + other.copied);
    }
}
