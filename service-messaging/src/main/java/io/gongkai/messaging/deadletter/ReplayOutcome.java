package io.gongkai.messaging.deadletter;

import java.util.Map;

/**
 * What one replay did, per dead-letter topic: the dead letters sent back, and those skipped (no
 * {@code dead-letter-topic} header: not written by a dead-letter queue, so their origin is unknown).
 */
public record ReplayOutcome(Map<String, Long> replayed, Map<String, Long> skipped) {
}
