package io.gongkai.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that announces a body and then stops sending is cut off by the idle timeout, not waited for forever. */
@QuarkusTest
@TestProfile(SlowClientTest.ShortIdleTimeout.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted-status,validated-status"),
        @ResourceArg(name = "outgoing", value = "raw")})
class SlowClientTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s");
        }
    }

    @TestHTTPResource("/api/documents")
    URL api;

    @Test
    void aBodyThatStopsComingIsCutOff() throws Exception {
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            // The bound on waiting: far above the 2 s idle timeout, so only a server that never gives up fails the test.
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-submit-token\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 100000\r\n\r\n年度报告").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            boolean closed;
            try {
                byte[] buffer = new byte[4096];
                while (in.read(buffer) >= 0) {
                    // an answer (408) may come before the close
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (java.net.SocketException reset) {
                closed = true;
            }
            io.gongkai.testsupport.OutcomeTable table = new io.gongkai.testsupport.OutcomeTable("Slow client at the front door");
            table.add("slow-body client (Content-Length 100000, 12 bytes, then silence)", "connection closed after the idle timeout",
                    closed ? "closed" : "still open");
            table.print();
            assertTrue(closed, "the server still holds a connection whose body stopped coming");
        }
    }
}
