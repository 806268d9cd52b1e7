package io.gongkai.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.Map;

/** Swaps the Kafka channels for in-memory ones: component tests only; integration tests use a real broker. */
public class InMemoryKafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> props = new HashMap<>();
        props.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("raw"));
        props.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("extracted-status", "validated-status"));
        return props;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
