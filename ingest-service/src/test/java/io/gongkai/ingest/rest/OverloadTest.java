package io.gongkai.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gongkai.ingest.messaging.ConsumerLagSource;
import io.gongkai.ingest.messaging.LagSample;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Overload protection at the front door, with a lag source the test sets (the real one asks Kafka's admin client): under
 * the bound submits go in; above it every submit, single or batch, is answered 429 problem+json with a Retry-After of
 * the time the group needs at its observed drain rate to come back under the bound, within [1, max-retry-after].
 */
@QuarkusTest
@TestProfile(OverloadTest.SmallBound.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted-status,validated-status"),
        @ResourceArg(name = "outgoing", value = "raw")})
class OverloadTest {

    public static class SmallBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongkai.overload.enabled", "true", "gongkai.overload.max-lag", "100",
                    "gongkai.overload.max-retry-after", "120s");
        }

        @Override
        public java.util.Set<Class<?>> getEnabledAlternatives() {
            return java.util.Set.of(SetLag.class);
        }
    }

    /** The lag the test says, as a reading of the broker would give it (in place of the admin client's, for this profile). */
    @Alternative
    @ApplicationScoped
    public static class SetLag implements ConsumerLagSource {
        volatile LagSample sample;

        @Override
        public Optional<LagSample> latest() {
            return Optional.ofNullable(sample);
        }

        void set(long lag, long committed, long atSeconds) {
            sample = new LagSample(lag, committed, atSeconds * 1_000_000_000L);
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SetLag lag;

    @Test
    void aSubmitWhileExtractIsBehindIsToldWhenTheBacklogWillHaveDrained() {
        connector.sink("raw").clear();

        submit().then().statusCode(202); // lag unknown: nothing refused for it
        lag.set(50, 0, 10);
        submit().then().statusCode(202);

        lag.set(1000, 0, 20); // behind, nothing drained yet: the longest wait
        assertEquals("120", submit().then().statusCode(429).contentType("application/problem+json")
                .body("title", equalTo("Pipeline behind")).body("detail", containsString("1000"))
                .extract().header("Retry-After"));

        lag.set(1000, 200, 30); // 200 records in 20 s: 10/s, 900 above the bound → 90 s
        assertEquals("90", submit().then().statusCode(429).extract().header("Retry-After"));
        assertEquals("90", given().header("Authorization", "Bearer test-submit-token").contentType("application/zip")
                .body(new byte[] {1}).when().post("/api/documents/batch").then().statusCode(429).extract().header("Retry-After"),
                "a batch is refused as well, before its body is read as a zip");

        lag.set(1000, 100_000, 40); // draining fast: never less than a second
        assertEquals("1", submit().then().statusCode(429).extract().header("Retry-After"));

        lag.set(80, 100_920, 50);
        submit().then().statusCode(202);
        assertEquals(3, connector.sink("raw").received().size(), "only the accepted submits are published");
    }

    private static io.restassured.response.Response submit() {
        return given().header("Authorization", "Bearer test-submit-token").contentType("text/plain")
                .body(("二〇二三年政府信息公开工作年度报告 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/documents");
    }
}
