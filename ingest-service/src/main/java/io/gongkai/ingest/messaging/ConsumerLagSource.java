package io.gongkai.ingest.messaging;

import java.util.Optional;

/** The latest known lag of extract-service's group on reports.raw; empty while unknown. Never blocks on the broker. */
public interface ConsumerLagSource {

    Optional<LagSample> latest();
}
