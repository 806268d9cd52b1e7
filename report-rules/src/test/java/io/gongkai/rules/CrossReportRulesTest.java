package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that compare a report with the store: CARRYOVER_MISMATCH, IN_FORCE_DRIFT, OUTLIER, COPIED_TEXT; and agency keys. */
class CrossReportRulesTest {

    private final AgencyNames names = AgencyNames.withoutAliases();
    private final RuleSettings settings = RuleSettings.defaults();

    private static ReportFixture year(String agency, int year) {
        return ReportFixture.zeros2021().agency(agency).year(year);
    }

    @Test
    void agencyKeysMatchOneBodyAcrossWritingsButNotNamesakes() {
        assertTrue(names.key("获嘉县人民政府办公室").sameAgency(names.key("获嘉县 人民政府")));
        assertTrue(names.key("洪泽区人民政府").sameAgency(names.key("淮安市洪泽区人民政府")));
        assertEquals("洪泽区人民政府", names.key("江苏省淮安市洪泽区人民政府办公室").local());
        assertFalse(names.key("南京市鼓楼区人民政府").sameAgency(names.key("福州市鼓楼区人民政府")));
        assertFalse(names.key("淮安市人民政府").sameAgency(names.key("洪泽区人民政府")));
        AgencyNames aliased = new AgencyNames(Map.of("测试县环境保护局", "测试县生态环境局"));
        assertTrue(aliased.key("测试县环境保护局").sameAgency(aliased.key("测试县生态环境局")));
    }

    @Test
    void carryoverIsComparedWithThePreviousYearOnBothReports() {
        Report y2023 = year("洪泽区人民政府", 2023).addApplications(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON, 3).build();
        Report y2024 = year("淮安市洪泽区人民政府", 2024).addApplications(ApplicationRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON, 5).build();
        InMemoryReportHistory store = new InMemoryReportHistory(names).add("d23", y2023).add("d24", y2024);
        CarryoverMismatchRule rule = new CarryoverMismatchRule(names);

        List<Finding> later = rule.check(y2024, store.without("d24"));
        assertEquals(2, later.size(), later.toString()); // 自然人 and 总计
        assertEquals(List.of("applications.carriedOver.naturalPerson", "d23#applications.carriedForward.naturalPerson"), later.get(0).paths());
        assertEquals(Severity.warning, later.get(0).severity());
        assertTrue(later.get(0).message().contains("5") && later.get(0).message().contains("3"));
        assertEquals(2, rule.check(y2023, store.without("d23")).size(), "the earlier report is marked too");
        assertEquals(List.of(), rule.check(y2024), "no store, no comparison");
    }

    @Test
    void matchingCarryoverOrAnotherAgencyGivesNothing() {
        Report y2023 = year("甲县人民政府", 2023).addApplications(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON, 3).build();
        Report same = year("甲县人民政府", 2024).addApplications(ApplicationRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON, 3).build();
        Report other = year("乙县人民政府", 2024).addApplications(ApplicationRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON, 5).build();
        InMemoryReportHistory store = new InMemoryReportHistory(names).add("a", y2023).add("b", same).add("c", other);
        CarryoverMismatchRule rule = new CarryoverMismatchRule(names);
        assertEquals(List.of(), rule.check(same, store.without("b")));
        assertEquals(List.of(), rule.check(other, store.without("c")));
    }

    @Test
    void inForceDriftComparesWithLastYearsInForce() {
        Report y2023 = year("甲县人民政府", 2023).set("activeDisclosure.normativeDocuments.inForce", 5).build();
        Report ok = year("甲县人民政府", 2024).set("activeDisclosure.normativeDocuments.issued", 3)
                .set("activeDisclosure.normativeDocuments.inForce", 8).build();
        Report drift = year("甲县人民政府", 2024).set("activeDisclosure.normativeDocuments.issued", 3)
                .set("activeDisclosure.normativeDocuments.repealed", 1).set("activeDisclosure.normativeDocuments.inForce", 20).build();
        InForceDriftRule rule = new InForceDriftRule(names);
        assertEquals(List.of(), rule.check(ok, new InMemoryReportHistory(names).add("a", y2023)));
        List<Finding> f = rule.check(drift, new InMemoryReportHistory(names).add("a", y2023));
        assertEquals(1, f.size());
        assertEquals(List.of("activeDisclosure.normativeDocuments.inForce", "activeDisclosure.normativeDocuments.issued",
                "activeDisclosure.normativeDocuments.repealed", "a#activeDisclosure.normativeDocuments.inForce"), f.get(0).paths());
        assertTrue(f.get(0).message().contains("5 + 本年制发 3 − 本年废止 1 = 7"), f.get(0).message());
    }

    @Test
    void blankCellsCountAsZeroAcrossYears() {
        // Both years leave zeros blank: a blank 结转下年度 and a blank 上年结转 agree; a blank against 4 does not.
        Report y2023 = year("甲县人民政府", 2023).set("activeDisclosure.normativeDocuments.inForce", 5).zerosBlank().build();
        Report y2024 = year("甲县人民政府", 2024).addApplications(ApplicationRow.CARRIED_OVER, ApplicantColumn.COMMERCIAL_ENTERPRISE, 4)
                .set("activeDisclosure.normativeDocuments.issued", 3)
                .set("activeDisclosure.normativeDocuments.inForce", 9).zerosBlank().build();
        InMemoryReportHistory store = new InMemoryReportHistory(names).add("a", y2023);
        List<Finding> carry = new CarryoverMismatchRule(names).check(y2024, store);
        assertEquals(List.of("applications.carriedOver.commercialEnterprise", "applications.carriedOver.total"),
                carry.stream().map(f -> f.paths().get(0)).toList());
        assertTrue(carry.get(0).message().endsWith("（空白单元格按 0 计）"), carry.get(0).message());
        List<Finding> drift = new InForceDriftRule(names).check(y2024, store);
        assertEquals(1, drift.size(), drift.toString());
        assertTrue(drift.get(0).message().contains("5 + 本年制发 3 − 本年废止 0 = 8"), drift.get(0).message());
    }

    @Test
    void anOutlierNeedsEnoughPeersAndAFarValue() {
        InMemoryReportHistory store = new InMemoryReportHistory(names);
        for (int i = 0; i < 40; i++) {
            store.add("c" + i, year("县" + i + "人民政府", 2023).set("activeDisclosure.normativeDocuments.issued", 5 + i % 7).build());
        }
        OutlierRule rule = new OutlierRule(settings);
        Report far = year("河曲县人民政府", 2023).set("activeDisclosure.normativeDocuments.issued", 407).build();
        List<Finding> f = rule.check(far, store);
        assertEquals(1, f.size());
        assertEquals(Severity.info, f.get(0).severity());
        assertEquals(List.of("activeDisclosure.normativeDocuments.issued"), f.get(0).paths());
        assertEquals(List.of(), rule.check(year("某县人民政府", 2023).set("activeDisclosure.normativeDocuments.issued", 12).build(), store));
        assertEquals(List.of(), rule.check(far.withExtractionFindings(List.of()), new InMemoryReportHistory(names).add("x", far)),
                "too few peers");
        Report city = year("某市人民政府", 2023).level(AdministrativeLevel.CITY).set("activeDisclosure.normativeDocuments.issued", 407).build();
        assertEquals(List.of(), rule.check(city, store), "no city peers");
    }

    private static final String NARRATIVE = "我县按照政务公开工作要点，持续深化政府信息公开，围绕重点领域信息公开、政策解读与回应关切、"
            + "政务新媒体管理、政府网站集约化建设等方面开展工作，不断提升政务公开标准化规范化水平，切实保障人民群众的知情权、参与权、"
            + "表达权和监督权。依申请公开方面，严格执行登记、审核、办理、答复、归档全流程管理，确保在法定期限内答复。";
    private static final String PROBLEMS = "存在的主要问题是政务公开队伍专业化水平仍需提升，政策解读的质量效果仍需优化，公开平台建设管理仍需加强。"
            + "下一步将加强业务培训，强化政策解读发布，提升信息发布平台管理水平，确保政府网站与政务新媒体安全平稳运行。";

    @Test
    void copiedTextNamesTheReportItCopies() {
        Report last = year("甲县人民政府", 2022).section(1, NARRATIVE.replace("我县", "2022年，我县")).section(5, PROBLEMS).build();
        Report now = year("甲县人民政府", 2023).section(1, NARRATIVE.replace("我县", "2023年，我县")).section(5, PROBLEMS).build();
        Report unrelated = year("乙县人民政府", 2023).section(1, "乙县围绕优化营商环境，主动公开财政预决算、重大建设项目、公共资源配置、社会公益事业建设等"
                + "信息，开展政府开放日活动十二场，邀请群众代表走进政府机关，面对面听取意见建议，并对收集到的问题建立台账逐项销号。")
                .section(5, "问题在于基层政务公开专区利用率不高，部分乡镇更新滞后。改进措施包括建立月度通报制度，开展交叉检查，纳入年度考核。").build();
        InMemoryReportHistory store = new InMemoryReportHistory(names).add("last", last).add("now", now).add("other", unrelated);
        CopiedTextRule rule = new CopiedTextRule(settings);
        List<Finding> f = rule.check(now, store.without("now"));
        assertEquals(1, f.size(), f.toString());
        assertEquals(Severity.warning, f.get(0).severity());
        assertEquals(List.of("sections.1", "sections.5", "last#sections.1"), f.get(0).paths());
        assertTrue(f.get(0).message().contains("甲县人民政府 2022"), f.get(0).message());
        assertEquals(List.of(), rule.check(unrelated, store.without("other")));
        assertEquals(List.of(), rule.check(last, store.without("last")), "a later report is not what an earlier one copies");
    }

    @Test
    void signaturesEstimateSimilarityAndShareBandsWhenClose() {
        NarrativeSignature a = NarrativeSignature.of(NarrativeSignature.fold(NARRATIVE + PROBLEMS));
        NarrativeSignature b = NarrativeSignature.of(NarrativeSignature.fold(NARRATIVE + PROBLEMS + "另外还做了一些其他的工作。"));
        assertTrue(a.similarity(b) > 0.8, "similarity " + a.similarity(b));
        assertTrue(a.bandKeys().stream().anyMatch(b.bandKeys()::contains));
        assertEquals(NarrativeSignature.BANDS, a.bandKeys().size());
        assertEquals(a, NarrativeSignature.fromList(a.asList()));
        assertEquals(a, NarrativeSignature.fromBytes(a.toBytes()));
        assertEquals(null, NarrativeSignature.of("太短"));
    }
}
