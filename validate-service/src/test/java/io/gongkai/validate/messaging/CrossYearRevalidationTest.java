package io.gongkai.validate.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.validate.service.PeerStatistics;
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

    @Inject
    com.mongodb.client.MongoClient mongo;

    @Inject
    PeerStatistics peers;

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
        return sendBatch(Map.of(documentId, report), expectedNew);
    }

    /** The reports as one batch of extracted events, in the map's order. */
    private List<ValidatedEvent> sendBatch(Map<String, Report> reports, int expectedNew) throws Exception {
        int before = validated.received().size();
        List<String> payloads = new java.util.ArrayList<>();
        for (Map.Entry<String, Report> e : reports.entrySet()) {
            payloads.add(json.writeValueAsString(new ExtractedEvent(e.getKey(), "sha-" + e.getKey(), ExtractedEvent.EXTRACTED, null,
                    "text/plain", "UTF-8", e.getValue(), "t")));
        }
        connector.source("extracted").send(payloads);
        await().atMost(Duration.ofSeconds(20)).until(() -> validated.received().size() >= before + expectedNew);
        // nothing more should come: the count holds for a while
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> validated.received().size() == before + expectedNew);
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

        // Redelivery of 2023: the same outcome, stored again; subscribers already hold (hq-2023-a, 1) and (hq-2024-a, 2),
        // so nothing is published. The store's validatedAt tells the redelivery was processed.
        com.mongodb.client.MongoCollection<org.bson.Document> stored = mongo.getDatabase("gongkai-validate").getCollection("reports");
        java.util.Date before = stored.find(com.mongodb.client.model.Filters.eq("_id", "hq-2023-a")).first().getDate("validatedAt");
        int events = validated.received().size();
        connector.source("extracted").send(List.of(json.writeValueAsString(new ExtractedEvent("hq-2023-a", "sha-hq-2023-a",
                ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report("甲县人民政府", 2023, 0, 3), "t"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> !before.equals(
                stored.find(com.mongodb.client.model.Filters.eq("_id", "hq-2023-a")).first().getDate("validatedAt")));
        assertEquals(events, validated.received().size(), "a redelivery repeats no (document, version)");
        assertEquals(1L, stored.find(com.mongodb.client.model.Filters.eq("_id", "hq-2023-a")).first().getLong("version"));
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

    private static final String NARRATIVE = "我县按照政务公开工作要点，持续深化政府信息公开，围绕重点领域信息公开、政策解读与回应关切、"
            + "政务新媒体管理、政府网站集约化建设等方面开展工作，不断提升政务公开标准化规范化水平，切实保障人民群众的知情权、参与权、"
            + "表达权和监督权。依申请公开方面，严格执行登记、审核、办理、答复、归档全流程管理，确保在法定期限内答复。";

    private Report withNarrative(Report r) {
        List<Section> sections = List.of(new Section(1, "一、总体情况", 1, 2, NARRATIVE), new Section(5, "五、存在的主要问题及改进情况", 3, 4,
                "存在的主要问题是政务公开队伍专业化水平仍需提升，政策解读的质量效果仍需优化。下一步将加强业务培训，强化政策解读发布。"));
        return new Report(r.agency(), r.year(), r.administrativeLevel(), r.publishedOn(), r.templateVersion(), r.activeDisclosure(),
                r.applications(), r.reviewsAndLawsuits(), r.provenance(), r.units(), sections, r.extractionFindings());
    }

    @Test
    void copiedNarrativeIsFoundThroughTheBandIndexAndBothReportsAreMarked() throws Exception {
        send("copy-a", withNarrative(report("丁县人民政府", 2023, 0, 0)), 1);
        List<ValidatedEvent> second = send("copy-b", withNarrative(report("戊县人民政府", 2023, 0, 0)), 2);
        Finding copied = second.get(0).findings().stream().filter(f -> f.code().equals("COPIED_TEXT")).findFirst().orElseThrow();
        assertTrue(copied.paths().contains("copy-a#sections.1"), copied.toString());
        assertEquals("copy-a", second.get(1).documentId(), "the report copied from is checked again");
        assertTrue(second.get(1).findings().stream().anyMatch(f -> f.code().equals("COPIED_TEXT") && f.paths().contains("copy-b#sections.1")));

        peers.relearn();
        assertTrue(peers.distribution("county", "applications.newReceived.total").orElseThrow().count() >= 2,
                "per-level statistics are learnt from the stored reports");
    }

    @Test
    void matchingCarryoverGivesNoFindingAndNoRepublication() throws Exception {
        send("hq-2023-c", report("丙县人民政府", 2023, 0, 3), 1);
        List<ValidatedEvent> second = send("hq-2024-c", report("丙县人民政府", 2024, 3, 0), 1);
        assertTrue(carryover(second.get(0)).isEmpty());

        // 2023 was checked again with the same outcome (only its time written): it is still whole for the next check.
        // A 2022 report that carries 4 forward where 2023 carried over 0 changes 2023's outcome: republished as version 2.
        List<ValidatedEvent> third = send("hq-2022-c", report("丙县人民政府", 2022, 0, 4), 2);
        assertEquals(2, carryover(third.get(0)).size(), third.get(0).findings().toString());
        assertEquals("hq-2023-c", third.get(1).documentId());
        assertEquals(2, third.get(1).version());
        assertEquals(2, carryover(third.get(1)).size(), third.get(1).findings().toString());
        assertEquals(3, third.get(1).report().applications().get("carriedForward").get("total").intValue(),
                "the re-checked report is the stored one, values whole");
    }

    @Test
    void aNeighbourTwoRecordsOfABatchAffectIsCheckedOnceAtTheEnd() throws Exception {
        send("hq-2023-d", report("辛县人民政府", 2023, 0, 3), 1);

        // 2022 and 2024 arrive in one batch: each changes 2023's findings. 2023 is checked once, after both, and
        // published once (version 2) with the mismatches against both years, not once per arrival.
        Map<String, Report> batch = new LinkedHashMap<>();
        batch.put("hq-2022-d", report("辛县人民政府", 2022, 0, 4));
        batch.put("hq-2024-d", report("辛县人民政府", 2024, 5, 0));
        List<ValidatedEvent> events = sendBatch(batch, 3);
        assertEquals(List.of("hq-2022-d", "hq-2024-d", "hq-2023-d"), events.stream().map(ValidatedEvent::documentId).toList());
        ValidatedEvent middle = events.get(2);
        assertEquals(2, middle.version());
        List<Finding> carryover = carryover(middle);
        assertEquals(4, carryover.size(), carryover.toString());
        assertTrue(carryover.stream().anyMatch(f -> f.paths().contains("hq-2022-d#applications.carriedForward.naturalPerson")),
                carryover.toString());
        assertTrue(carryover.stream().anyMatch(f -> f.paths().contains("hq-2024-d#applications.carriedOver.naturalPerson")),
                carryover.toString());
        assertEquals(2, carryover(events.get(0)).size(), "2022 is checked against 2023");
        assertEquals(2, carryover(events.get(1)).size(), "2024 is checked against 2023");
    }

    @Test
    void aNeighbourThatIsALaterRecordOfTheBatchIsNotCheckedAgain() throws Exception {
        send("hq-2023-e", report("壬县人民政府", 2023, 0, 3), 1);

        // 2024 affects the stored 2023, which comes again later in the same batch (a re-extraction): its own check,
        // after 2024's, is the one that counts, and no re-check follows it.
        Map<String, Report> batch = new LinkedHashMap<>();
        batch.put("hq-2024-e", report("壬县人民政府", 2024, 5, 0));
        batch.put("hq-2023-e", report("壬县人民政府", 2023, 0, 3));
        List<ValidatedEvent> events = sendBatch(batch, 2);
        assertEquals(List.of("hq-2024-e", "hq-2023-e"), events.stream().map(ValidatedEvent::documentId).toList());
        assertEquals(2, events.get(1).version());
        assertEquals(2, carryover(events.get(1)).size(), events.get(1).findings().toString());
    }
}
