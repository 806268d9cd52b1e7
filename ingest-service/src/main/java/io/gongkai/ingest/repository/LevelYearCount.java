package io.gongkai.ingest.repository;

/**
 * How many documents of one administrative level and report year the store holds, and how many of them have error
 * or warning findings, failed, were published late or have copied text. Level and year are null for documents whose
 * report could not be read.
 */
public record LevelYearCount(String level, Integer year, long documents, long withErrors, long withWarnings, long failed,
        long late, long copied) {
}
