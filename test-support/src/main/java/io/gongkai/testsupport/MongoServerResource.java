package io.gongkai.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A MongoDB-protocol server in the test JVM, for component tests (the real driver talks to it over TCP).
 * A test that declares a field of this type gets the resource injected and can simulate an outage.
 */
public class MongoServerResource implements QuarkusTestResourceLifecycleManager {

    private MongoServer server;
    private int port;

    @Override
    public Map<String, String> start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        port = server.getLocalAddress().getPort();
        return Map.of("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + port);
    }

    /**
     * Takes the server down until the returned handle is closed; it then comes back on the same port, empty
     * (tests that use this must not rely on earlier data).
     */
    public AutoCloseable outage() {
        server.shutdownNow();
        return () -> {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", port);
        };
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.MatchesType(MongoServerResource.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
