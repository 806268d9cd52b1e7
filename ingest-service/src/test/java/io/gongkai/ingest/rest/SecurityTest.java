package io.gongkai.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** service-common's authentication, headers and CORS as a client of the front door meets them. */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted-status,validated-status"),
        @ResourceArg(name = "outgoing", value = "raw")})
class SecurityTest {

    private static ValidatableResponse secured(ValidatableResponse r) {
        return r.header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer").header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        secured(given().get("/api/documents").then().statusCode(200));
        secured(given().get("/api/documents/0123456789abcdef0123456789abcdef").then().statusCode(404));
        secured(given().contentType("text/plain").body("x").post("/api/documents").then().statusCode(401));
        secured(given().get("/q/health/live").then());
    }

    @Test
    void anonymousCallersMayReadButNotSubmit() {
        given().get("/api/documents").then().statusCode(200);
        given().contentType("text/plain").body("x").post("/api/documents").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("Missing bearer token"));
    }

    @Test
    void aWrongTokenIsRefusedEvenForReadingAndNeverEchoed() {
        given().header("Authorization", "Bearer not-a-configured-token").get("/api/documents").then().statusCode(401)
                .contentType("application/problem+json").body("title", equalTo("Unauthorized"))
                .body(org.hamcrest.Matchers.not(containsString("not-a-configured-token")));
    }

    @Test
    void aReadTokenReadsAndIsForbiddenToSubmit() {
        given().header("Authorization", "Bearer test-read-token").get("/api/documents").then().statusCode(200);
        given().header("Authorization", "Bearer test-read-token").contentType("text/plain").body("x")
                .post("/api/documents").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void corsIsClosed() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/documents").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").get("/api/documents").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
