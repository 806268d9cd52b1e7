package io.gongkai.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The per-token budget at the front door, switched on with a small bucket (other component tests run with it off, as
 * {@code ./gongkai up} does): a token's burst is accepted, the next submit is answered 429 problem+json with
 * {@code Retry-After}, and nothing of it is stored or published.
 */
@QuarkusTest
@TestProfile(SubmitRateLimitTest.SmallBucket.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted-status,validated-status"),
        @ResourceArg(name = "outgoing", value = "raw")})
class SubmitRateLimitTest {

    /** Three submits at once, then one every 100 s: the refill cannot let a fourth through during the test. */
    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongkai.upload.rate-limit.enabled", "true", "gongkai.upload.rate-limit.per-second", "0.01",
                    "gongkai.upload.rate-limit.burst", "3");
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aTokenBeyondItsBurstIsToldWhenToComeBack() {
        connector.sink("raw").clear();
        for (int i = 0; i < 3; i++) {
            submit().then().statusCode(202);
        }
        String retryAfter = submit().then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("detail", containsString("retry in"))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 100, "Retry-After " + seconds + " s for a bucket refilled every 100 s");
        assertEquals(3, connector.sink("raw").received().size(), "only the accepted submits are published");
    }

    private static io.restassured.response.Response submit() {
        return given().header("Authorization", "Bearer test-submit-token").contentType("text/plain")
                .body(("二〇二三年政府信息公开工作年度报告 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/documents");
    }
}
