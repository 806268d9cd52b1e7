package io.gongkai.ingest.service;

import java.util.List;

/** What became of each file of a batch, in order, and the counts. */
public record BatchAnswer(List<BatchItem> items, long accepted, long duplicates, long refused) {

    static BatchAnswer of(List<BatchItem> items) {
        long accepted = items.stream().filter(i -> i.isAccepted() && Boolean.TRUE.equals(i.created())).count();
        long duplicates = items.stream().filter(i -> i.isAccepted() && !Boolean.TRUE.equals(i.created())).count();
        return new BatchAnswer(List.copyOf(items), accepted, duplicates, items.size() - accepted - duplicates);
    }
}
