package io.gongkai.ingest.service;

import java.time.Instant;

/** A document as a client submitted it: its bytes and what the client said about them. */
public record Submission(byte[] bytes, String contentType, String fileName, String sourceUrl, Instant fetchedAt) {
}
