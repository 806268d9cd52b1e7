package io.gongkai.validate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.gongkai.model.Report;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.rules.Renditions;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Many documents carrying the same values for one agency and year (a crawler fetching the same report under many
 * addresses, or a stream of copies): a new one changes no finding of the stored ones, so they are not checked and
 * stored again. Re-checking every stored rendition on every arrival made validation quadratic in their number; the fault
 * suite's stream (copies of five samples) stalled the pipeline that way at a few hundred reports.
 */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "extracted,revalidate"),
        @ResourceArg(name = "outgoing", value = "validated,revalidate-requests")})
class IdenticalRenditionsTest {

    @Inject
    ValidationService validation;

    @Inject
    ObjectMapper json;

    @Inject
    MongoClient mongo;

    @Test
    void aCopyOfStoredValuesLeavesTheStoredRenditionsAlone() throws Exception {
        Report report = json.treeToValue(json.readTree(new File("../samples/004_ca1fd1482ab00037.expected.json")).get("report"),
                Report.class);
        MongoCollection<Document> stored = mongo.getDatabase("gongkai-validate").getCollection("reports");
        int copies = Integer.getInteger("renditions.copies", 12);
        long started = System.nanoTime();
        for (int i = 0; i < copies; i++) {
            validation.validate(new ExtractedEvent("copy-" + i, "sha-copy-" + i, ExtractedEvent.EXTRACTED, null, "text/plain",
                    "UTF-8", report, "t"), null);
            if ((i + 1) % 10 == 0) {
                System.out.printf("renditions: %d copies validated, %d ms so far%n", i + 1, (System.nanoTime() - started) / 1_000_000);
            }
        }
        Date first = stored.find(Filters.eq("_id", "copy-0")).first().getDate("validatedAt");
        validation.validate(new ExtractedEvent("copy-last", "sha-copy-last", ExtractedEvent.EXTRACTED, null, "text/plain",
                "UTF-8", report, "t"), null);
        assertEquals(first, stored.find(Filters.eq("_id", "copy-0")).first().getDate("validatedAt"),
                "a stored rendition with the same values was checked and stored again");
    }

    @Test
    void aRenditionWithOtherValuesStillRechecksTheStoredOne() throws Exception {
        Report report = json.treeToValue(json.readTree(new File("../samples/004_ca1fd1482ab00037.expected.json")).get("report"),
                Report.class);
        Report agency = new Report("丙县人民政府办公室", report.year(), report.administrativeLevel(), null, report.templateVersion(),
                report.activeDisclosure(), report.applications(), report.reviewsAndLawsuits(), null, null, null, null);
        validation.validate(new ExtractedEvent("differs-a", "sha-differs-a", ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8",
                agency, "t"), null);
        Map<String, Map<String, BigDecimal>> apps = new LinkedHashMap<>();
        agency.applications().forEach((k, v) -> apps.put(k, new LinkedHashMap<>(v)));
        apps.get("carriedOver").put("total", apps.get("carriedOver").getOrDefault("total", BigDecimal.ZERO).add(BigDecimal.TEN));
        Report changed = new Report(agency.agency(), agency.year(), agency.administrativeLevel(), null, agency.templateVersion(),
                agency.activeDisclosure(), apps, agency.reviewsAndLawsuits(), null, null, null, null);
        List<ValidatedEvent> events = validation.validate(new ExtractedEvent("differs-b", "sha-differs-b", ExtractedEvent.EXTRACTED,
                null, "text/plain", "UTF-8", changed, "t"), null);
        ValidatedEvent stored = events.stream().filter(e -> e.documentId().equals("differs-a")).findFirst().orElseThrow(
                () -> new AssertionError("the stored rendition was not checked again: " + events));
        assertTrue(stored.findings().stream().anyMatch(f -> Set.of("RENDITION_MISMATCH", "SUPERSEDED_VERSION", "CORRECTED_VERSION")
                .contains(f.code())), stored.findings().toString());
    }

    @Test
    void aFloodOfDifferingCopiesCostsABoundedNumberOfRechecks() throws Exception {
        Report report = json.treeToValue(json.readTree(new File("../samples/004_ca1fd1482ab00037.expected.json")).get("report"),
                Report.class);
        Set<String> renditionCodes = Set.of("RENDITION_MISMATCH", "SUPERSEDED_VERSION", "CORRECTED_VERSION");
        int copies = Renditions.MAX_VERSIONS + 6;
        ValidatedEvent last = null;
        for (int i = 0; i < copies; i++) {
            // every copy reads another number in one cell (OCR noise, say): each is a version of its own
            Map<String, Map<String, BigDecimal>> apps = new LinkedHashMap<>();
            report.applications().forEach((k, v) -> apps.put(k, new LinkedHashMap<>(v)));
            apps.get("carriedOver").put("total", BigDecimal.valueOf(1000 + i));
            Report copy = new Report("庚县人民政府办公室", report.year(), report.administrativeLevel(), null, report.templateVersion(),
                    report.activeDisclosure(), apps, report.reviewsAndLawsuits(), null, null, null, null);
            String documentId = "flood-" + i;
            List<ValidatedEvent> events = validation.validate(new ExtractedEvent(documentId, "sha-flood-" + i,
                    ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", copy, "t"), null);
            Set<String> rechecked = new TreeSet<>();
            events.stream().map(ValidatedEvent::documentId).filter(id -> !id.equals(documentId)).forEach(rechecked::add);
            if (i < Renditions.MAX_VERSIONS) {
                assertEquals(i, rechecked.size(), "version " + i + " is compared with by each stored copy: " + rechecked);
            } else {
                assertEquals(Set.of(), rechecked, "copy " + i + " is beyond the versions compared with: nothing to re-check");
            }
            last = events.get(0);
        }
        long compared = last.findings().stream().filter(f -> renditionCodes.contains(f.code())).count();
        assertEquals(Renditions.MAX_VERSIONS, compared, "the last copy is still checked against every version: " + last.findings());
    }
}
