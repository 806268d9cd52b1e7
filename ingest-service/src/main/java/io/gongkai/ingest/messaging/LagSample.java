package io.gongkai.ingest.messaging;

/**
 * A consumer group's position on a topic at one moment.
 *
 * @param lag       records published but not yet committed by the group, over all partitions
 * @param committed the sum of the group's committed offsets (its growth over time is the drain rate)
 * @param atNanos   when it was read ({@link System#nanoTime()})
 */
public record LagSample(long lag, long committed, long atNanos) {
}
