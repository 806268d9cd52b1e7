package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One report in several renditions (HTML page, PDF attachment, corrected version), arriving in any order. */
class RenditionsTest {

    private final AgencyNames names = AgencyNames.withoutAliases();
    private final RuleCatalogue catalogue = new RuleCatalogue();

    private static final String NARRATIVE = "我县按照政务公开工作要点，持续深化政府信息公开，围绕重点领域信息公开、政策解读与回应关切、"
            + "政务新媒体管理、政府网站集约化建设等方面开展工作，不断提升政务公开标准化规范化水平，切实保障人民群众的知情权、参与权、"
            + "表达权和监督权。依申请公开方面，严格执行登记、审核、办理、答复、归档全流程管理，确保在法定期限内答复。";
    private static final String PROBLEMS = "存在的主要问题是政务公开队伍专业化水平仍需提升，政策解读的质量效果仍需优化，公开平台建设管理仍需加强。"
            + "下一步将加强业务培训，强化政策解读发布，提升信息发布平台管理水平，确保政府网站与政务新媒体安全平稳运行。";

    private static ReportFixture huojia(String agency) {
        return ReportFixture.zeros2021().agency(agency).year(2023).region("410724", "河南省", "新乡市", "获嘉县")
                .section(1, NARRATIVE).section(5, PROBLEMS).publishedOn("2024-01-19");
    }

    private static final List<String> COMPARING = List.of(RenditionMismatchRule.CODE, CorrectedVersionRule.CODE,
            SupersededVersionRule.CODE, CarryoverMismatchRule.CODE, InForceDriftRule.CODE, CopiedTextRule.CODE);

    /** The codes the rules that compare reports give the report, as seen with the other documents in the store. */
    private List<String> codes(Report report, InMemoryReportHistory store, String documentId) {
        return catalogue.check(report, store.without(documentId)).stream().map(Finding::code).filter(COMPARING::contains).toList();
    }

    @Test
    void agreeingRenditionsAreOneReportAndNotCopies() {
        Report html = huojia("获嘉县人民政府办公室").build();
        Report pdf = huojia("获嘉县人民政府").build();
        assertEquals(Renditions.reportKey(html, names), Renditions.reportKey(pdf, names));
        assertEquals("410724/获嘉县人民政府/2023", Renditions.reportKey(html, names));
        for (boolean htmlFirst : new boolean[] {true, false}) {
            InMemoryReportHistory store = new InMemoryReportHistory(names);
            if (htmlFirst) {
                store.add("html", html).add("pdf", pdf);
            } else {
                store.add("pdf", pdf).add("html", html);
            }
            assertEquals(List.of(), codes(html, store, "html"));
            assertEquals(List.of(), codes(pdf, store, "pdf"));
        }
    }

    @Test
    void renditionsThatDisagreeGiveOneFindingNamingValuesAndDocuments() {
        Report html = huojia("获嘉县人民政府办公室").addApplications(ApplicationRow.NEW_RECEIVED, ApplicantColumn.NATURAL_PERSON, 5).build();
        Report pdf = huojia("获嘉县人民政府办公室").addApplications(ApplicationRow.NEW_RECEIVED, ApplicantColumn.NATURAL_PERSON, 6).build();
        InMemoryReportHistory store = new InMemoryReportHistory(names).add("html", html).add("pdf", pdf);
        RenditionMismatchRule rule = new RenditionMismatchRule(names);
        List<Finding> onHtml = rule.check(html, store.without("html"));
        assertEquals(1, onHtml.size(), onHtml.toString());
        Finding f = onHtml.get(0);
        assertEquals(Severity.warning, f.severity());
        assertTrue(f.paths().contains("applications.newReceived.naturalPerson"), f.paths().toString());
        assertTrue(f.paths().contains("pdf#applications.newReceived.naturalPerson"), f.paths().toString());
        assertTrue(f.message().contains("本文档 5，文档 pdf 为 6"), f.message());
        assertEquals(1, rule.check(pdf, store.without("pdf")).size(), "marked on both documents");
    }

    @Test
    void aLaterPrintedVersionCorrectsAndSupersedesTheEarlierInAnyOrder() {
        Report first = huojia("获嘉县人民政府办公室").addApplications(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON, 2).build();
        Report corrected = huojia("获嘉县人民政府办公室").publishedOn("2024-02-01")
                .addApplications(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON, 3).build();
        Report next = ReportFixture.zeros2021().agency("获嘉县人民政府办公室").year(2024).region("410724", "河南省", "新乡市", "获嘉县")
                .addApplications(ApplicationRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON, 3).build();
        for (boolean correctionLast : new boolean[] {true, false}) {
            InMemoryReportHistory store = new InMemoryReportHistory(names);
            if (correctionLast) {
                store.add("first", first).add("corrected", corrected).add("next", next);
            } else {
                store.add("next", next).add("corrected", corrected).add("first", first);
            }
            List<Finding> onCorrected = catalogue.check(corrected, store.without("corrected"));
            Finding correction = onCorrected.stream().filter(f -> f.code().equals(CorrectedVersionRule.CODE)).findFirst().orElseThrow();
            assertTrue(correction.message().contains("取代文档 first"), correction.message());
            assertTrue(correction.message().contains("applications.carriedForward.naturalPerson 本文档 3，文档 first 为 2"),
                    correction.message());
            assertEquals(List.of(SupersededVersionRule.CODE), codes(first, store, "first").stream()
                    .filter(c -> c.endsWith("_VERSION")).toList());
            assertTrue(codes(first, store, "first").stream().noneMatch(c -> c.equals(RenditionMismatchRule.CODE)));
            // The next year's 上年结转 (3) is compared with the correction (3), not the superseded version (2).
            assertEquals(List.of(), codes(next, store, "next"), "order " + correctionLast);
        }
    }

    @Test
    void copiedTextNeverFiresWhenAnAgencyIsUnknown() {
        Report known = huojia("获嘉县人民政府办公室").build();
        Report unknown = huojia("获嘉县人民政府办公室").agency(null).build();
        InMemoryReportHistory store = new InMemoryReportHistory(names).add("known", known).add("unknown", unknown);
        CopiedTextRule rule = new CopiedTextRule(RuleSettings.defaults());
        assertEquals(List.of(), rule.check(unknown, store.without("unknown")));
        assertEquals(List.of(), rule.check(known, store.without("known")));
        assertNull(Renditions.reportKey(unknown, names));
        assertNotNull(Renditions.reportKey(known, names));
    }

    @Test
    void regionsTellNamesakesApartForCrossYearRules() {
        Report nanjing = ReportFixture.zeros2021().agency("南京市鼓楼区人民政府").year(2022).region("320106", "江苏省", "南京市", "鼓楼区")
                .addApplications(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON, 7).build();
        Report fuzhou = ReportFixture.zeros2021().agency("福州市鼓楼区人民政府").year(2022).region("350102", "福建省", "福州市", "鼓楼区")
                .addApplications(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON, 4).build();
        Report now = ReportFixture.zeros2021().agency("鼓楼区人民政府").year(2023).region("350102", "福建省", "福州市", "鼓楼区")
                .addApplications(ApplicationRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON, 5).build();
        InMemoryReportHistory store = new InMemoryReportHistory(names).add("nj", nanjing).add("fz", fuzhou).add("now", now);
        List<Finding> f = new CarryoverMismatchRule(names).check(now, store.without("now"));
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).paths().contains("fz#applications.carriedForward.naturalPerson"), f.get(0).paths().toString());
        assertTrue(Renditions.sameRegion(now.region(), fuzhou.region()));
        assertTrue(!Renditions.sameRegion(now.region(), nanjing.region()));
    }
}
