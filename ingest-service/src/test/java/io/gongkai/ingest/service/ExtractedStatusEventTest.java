package io.gongkai.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gongkai.common.store.PackedJson;
import io.gongkai.ingest.repository.StatusUpdate;
import io.gongkai.model.AgencyResolution;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Region;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import io.gongkai.model.Severity;
import io.gongkai.model.events.ExtractedEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ingest reads reports.extracted through {@link ExtractedStatusEvent}, without binding the report: what it learns and
 * stores (summary, packed reading, status) must be what it learnt from the whole {@link ExtractedEvent}.
 */
class ExtractedStatusEventTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final DocumentStatusService statuses = new DocumentStatusService(null, null, json);

    @Test
    void aReportIsLearntAsFromTheWholeEvent() throws Exception {
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        provenance.put("applications.newRequests.natural", new Provenance(null, 41, 0, "一、本年新收政府信息公开申请数量", "12"));
        provenance.put("applications.carriedOver.natural", new Provenance(2, 42, 1, "二、上年结转", "", 3, 4, 5));
        provenance.put("activeDisclosure.rules.issued", new Provenance(null, 7, 0, "规章 \"引号\" \\ 与换行\n", "1,234.50"));
        Report report = new Report("永宁县财政局", 2023, "county", LocalDate.of(2024, 1, 31), "2021",
                Map.of("rules", Map.of("issued", new BigDecimal("1234.50"))),
                Map.of("newRequests", Map.of("natural", new BigDecimal("12"))), Map.of(), provenance,
                Map.of("activeDisclosure.fees.amount", "万元"), List.of(new Section(1, "一、总体情况", 3, 9, "正文……")),
                List.of(Finding.of("LABEL_DIFFERS", Severity.values()[0], "a label differs", "applications.carriedOver.natural")),
                new Region("640121", "宁夏回族自治区", "银川市", "永宁县", null),
                new AgencyResolution(0.93, "title", "本机关", List.of()));
        assertSameUpdate(new ExtractedEvent("doc-1", "abc", ExtractedEvent.EXTRACTED, null, "text/plain", "UTF-8", report, "x-1"));
    }

    @Test
    void aReportWithoutReadingOrRegionAndAFailureAreLearntAsFromTheWholeEvent() throws Exception {
        Report bare = new Report("某某市人民政府办公室", null, null, null, null, null, null, null, null, null, null, null);
        assertSameUpdate(new ExtractedEvent("doc-2", "def", ExtractedEvent.EXTRACTED, null, "text/html", "GB18030", bare, "x-1"));
        assertSameUpdate(new ExtractedEvent("doc-3", "ghi", ExtractedEvent.EXTRACTED, null, "text/plain", null, null, "x-1"));
        assertSameUpdate(new ExtractedEvent("doc-4", "jkl", ExtractedEvent.FAILED, "not a report", "image/png", null, null, "x-1"));
    }

    @Test
    void explicitNullsReadAsEmpty() throws Exception {
        String record = "{\"documentId\":\"doc-5\",\"status\":\"EXTRACTED\",\"report\":{\"agency\":\"甲\",\"provenance\":null,"
                + "\"extractionFindings\":null}}";
        StatusUpdate update = statuses.extracted(json.readValue(record, ExtractedStatusEvent.class));
        assertEquals("{\"provenance\":{},\"extractionFindings\":[]}",
                new String(PackedJson.unpackJson(update.reading()), StandardCharsets.UTF_8));
        assertNull(update.summary().year());
    }

    private void assertSameUpdate(ExtractedEvent event) throws Exception {
        String record = json.writeValueAsString(event);
        StatusUpdate whole = statuses.extracted(json.readValue(record, ExtractedEvent.class));
        StatusUpdate lean = statuses.extracted(json.readValue(record, ExtractedStatusEvent.class));
        assertEquals(whole, lean);
        if (whole.reading() != null) { // the packed bytes, not only their equality: say what differs when it does
            assertEquals(new String(PackedJson.unpackJson(whole.reading()), StandardCharsets.UTF_8),
                    new String(PackedJson.unpackJson(lean.reading()), StandardCharsets.UTF_8));
        }
    }
}
