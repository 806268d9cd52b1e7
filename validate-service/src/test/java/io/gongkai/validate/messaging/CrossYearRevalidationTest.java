package io.gongkai.validate.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One agency's 2023 and 2024 reports, submitted in both orders: whichever arrives second, the pair's CARRYOVER_MISMATCH
 * is on both, and the stored report that changed is republished with a higher version.
 */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted,revalidate"),
        @ResourceArg(name = "outgoing", value = "validated,revalidate-requests")})
class CrossYearRevalidationTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper json;

    private InMemorySink<String> validated;

    @BeforeEach
    void clear() {
        validated = connector.sink("validated");
        validated.clear();
    }

    /** Sample 004 renamed to {@code agency} for {@code year}, with 上年结转 and 结转下年度 (自然人, 总计) set. */
    private Report report(String agency, int year, int carriedOver, int carriedForward) throws Exception {
        Report r = json.treeToValue(json.readTree(new File("../samples/004_ca1fd1482ab00037.expected.json")).get("report"), Report.class);
        Map<String, Map<String, BigDecimal>> apps = new LinkedHashMap<>();
        r.applications().forEach((k, v) -> apps.put(k, new LinkedHashMap<>(v)));
        for (String column : List.of("naturalPerson", "total")) {
            apps.get("carriedOver").put(column, BigDecimal.valueOf(carriedOver));
            apps.get("carriedForward").put(column, BigDecimal.valueOf(carriedForward));
        }
        return new Report(agency, year, r.administrativeLevel(), null, r.templateVersion(), r.activeDisclosure(), apps,
                r.reviewsAndLawsuits(), null, null, null, null);
    }

    private List<ValidatedEvent> send(String documentId, Report report, int expectedNew) throws Exception {
        int before = validated.received().size();
        connector.source("extracted").send(json.writeValueAsString(
                new ExtractedEvent(documentId, "sha-" + documentId, ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report, "t")));
        await().atMost(Duration.ofSeconds(20)).until(() -> validated.received().size() >= before + expectedNew);
        Thread.sleep(300); // nothing more should come
        List<? extends Message<String>> all = validated.received();
        assertEquals(before + expectedNew, all.size(), "events published");
        return all.subList(before, all.size()).stream().map(m -> read(m.getPayload())).toList();
    }

    private ValidatedEvent read(String payload) {
        try {
            return json.readValue(payload, ValidatedEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Finding> carryover(ValidatedEvent event) {
        return event.findings().stream().filter(f -> f.code().equals("CARRYOVER_MISMATCH")).toList();
    }

    @Test
    void laterYearFirstThenEarlier() throws Exception {
        List<ValidatedEvent> first = send("hq-2024-a", report("甲县人民政府办公室", 2024, 5, 0), 1);
        assertEquals(1, first.get(0).version());
        assertTrue(carryover(first.get(0)).isEmpty());

        // 2023 arrives: it is checked against 2024, and 2024, stored before, is checked again and republished (version 2).
        List<ValidatedEvent> second = send("hq-2023-a", report("甲县人民政府", 2023, 0, 3), 2);
        assertEquals("hq-2023-a", second.get(0).documentId());
        assertEquals(List.of("applications.carriedForward.naturalPerson", "hq-2024-a#applications.carriedOver.naturalPerson"),
                carryover(second.get(0)).get(0).paths());
        ValidatedEvent republished = second.get(1);
        assertEquals("hq-2024-a", republished.documentId());
        assertEquals(2, republished.version());
        List<Finding> later = carryover(republished);
        assertEquals(2, later.size(), later.toString());
        assertEquals(List.of("applications.carriedOver.naturalPerson", "hq-2023-a#applications.carriedForward.naturalPerson"),
                later.get(0).paths());
        assertTrue(later.get(0).message().contains("5") && later.get(0).message().contains("3"), later.get(0).message());

        // Redelivery of 2023: the same outcome, its own event again, nothing republished for 2024.
        List<ValidatedEvent> again = send("hq-2023-a", report("甲县人民政府", 2023, 0, 3), 1);
        assertEquals(1, again.get(0).version());
    }

    @Test
    void earlierYearFirstThenLater() throws Exception {
        List<ValidatedEvent> first = send("hq-2023-b", report("乙县人民政府", 2023, 0, 3), 1);
        assertTrue(carryover(first.get(0)).isEmpty());

        List<ValidatedEvent> second = send("hq-2024-b", report("某某市乙县人民政府", 2024, 5, 0), 2);
        assertEquals(2, carryover(second.get(0)).size(), "the later year is checked against the earlier one");
        assertEquals("hq-2023-b", second.get(1).documentId());
        assertEquals(2, second.get(1).version(), "the earlier year's result is republished with a higher version");
        assertFalse(carryover(second.get(1)).isEmpty());
    }

    @Test
    void matchingCarryoverGivesNoFindingAndNoRepublication() throws Exception {
        send("hq-2023-c", report("丙县人民政府", 2023, 0, 3), 1);
        List<ValidatedEvent> second = send("hq-2024-c", report("丙县人民政府", 2024, 3, 0), 1);
        assertTrue(carryover(second.get(0)).isEmpty());
    }
}
