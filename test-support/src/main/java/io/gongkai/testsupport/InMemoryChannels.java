package io.gongkai.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Swaps the named Kafka channels for in-memory ones: for component tests only; integration tests use a
 * real broker. Arguments: {@code incoming} and {@code outgoing}, comma-separated channel names.
 */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    private String[] incoming = new String[0];
    private String[] outgoing = new String[0];

    @Override
    public void init(Map<String, String> initArgs) {
        incoming = split(initArgs.get("incoming"));
        outgoing = split(initArgs.get("outgoing"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> props = new HashMap<>();
        props.putAll(InMemoryConnector.switchIncomingChannelsToInMemory(incoming));
        props.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(outgoing));
        return props;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }

    private static String[] split(String names) {
        return names == null || names.isBlank() ? new String[0]
                : Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
