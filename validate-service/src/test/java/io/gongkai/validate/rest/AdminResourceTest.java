package io.gongkai.validate.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Report;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/admin/revalidate: admin token, 202 with a job, requests through the topic, progress until DONE. */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted,revalidate"),
        @ResourceArg(name = "outgoing", value = "validated,revalidate-requests")})
class AdminResourceTest {

    private static final String TOKEN = "test-admin-token";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper json;

    @Test
    void withoutAValidAdminTokenTheAnswerIs401ProblemJson() {
        given().when().post("/api/admin/revalidate").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
        given().header("Authorization", "Bearer wrong").when().post("/api/admin/revalidate").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Bearer wrong").when().get("/api/admin/revalidate/x").then().statusCode(401);
    }

    @Test
    void anUnknownJobIs404ProblemJson() {
        given().header("Authorization", "Bearer " + TOKEN).when().get("/api/admin/revalidate/%7B%24ne%3A1%7D").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Bearer " + TOKEN).when().get("/api/admin/revalidate/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aJobRechecksEveryStoredReportThroughTheTopic() throws Exception {
        InMemorySink<String> validated = connector.sink("validated");
        Report report = json.treeToValue(json.readTree(new File("../samples/000_f8a12ae11966356f.expected.json")).get("report"), Report.class);
        int before = validated.received().size();
        connector.source("extracted").send(List.of(json.writeValueAsString(
                new ExtractedEvent("admin-doc-1", "sha-a1", ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report, "t"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> validated.received().size() > before);

        InMemorySink<String> requests = connector.sink("revalidate-requests");
        requests.clear();
        String jobId = given().header("Authorization", "Bearer " + TOKEN).when().post("/api/admin/revalidate").then()
                .statusCode(202).header("Location", notNullValue()).body("jobId", notNullValue()).extract().path("jobId");

        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(state(jobId)) || "DONE".equals(state(jobId)));
        int total = given().header("Authorization", "Bearer " + TOKEN).get("/api/admin/revalidate/" + jobId)
                .then().extract().path("total");
        assertEquals(total, requests.received().size());
        // The broker's part: what was queued is consumed.
        requests.received().forEach(m -> connector.source("revalidate").send(List.of(m.getPayload())));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(state(jobId)));
        given().header("Authorization", "Bearer " + TOKEN).get("/api/admin/revalidate/" + jobId).then()
                .statusCode(200).body("done", equalTo(total)).body("changed", equalTo(0));
    }

    private String state(String jobId) {
        return given().header("Authorization", "Bearer " + TOKEN).get("/api/admin/revalidate/" + jobId).then().extract().path("state");
    }
}
