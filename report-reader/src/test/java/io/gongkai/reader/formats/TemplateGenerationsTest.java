package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Report;
import io.gongkai.model.Section;
import io.gongkai.model.TemplateVersion;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A pre-2019 report (no national table) and the ways a year and a date are printed. */
class TemplateGenerationsTest {

    private final ReportReader reader = new ReportReader(null, 500);

    private static final String PRE_2019 = """
            某某县人民政府二〇一六年政府信息公开工作年度报告
            一、概述
            2016年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息1200条。
            二、主动公开政府信息情况
            全年通过政府网站主动公开信息1200条，其中规范性文件12件。
            三、依申请公开政府信息情况
            全年共受理政府信息公开申请15件，均按时答复。
            四、政府信息公开的收费及减免情况
            未收取任何费用。
            五、因政府信息公开申请行政复议、提起行政诉讼的情况
            无。
            六、存在的主要问题和改进措施
            公开内容仍需丰富。
            七、其他需要报告的事项
            无。
            政府信息公开情况统计表
            指标名称 计量单位 本年度 历年累计
            主动公开文件数 条 1200 8000
            受理依申请公开信息总数 件 15 90
            某某县人民政府办公室
            二〇一七年三月三十日
            """;

    @Test
    void aPre2019ReportHasMetadataAndSectionsButNoInventedTable() {
        Report report = reader.read(PRE_2019.getBytes(Charset.forName("GB18030"))).report();
        assertEquals(TemplateVersion.PRE2019, report.templateVersion());
        assertEquals(2016, report.year());
        assertEquals("某某县人民政府", report.agency());
        assertEquals("county", report.administrativeLevel());
        assertEquals("2017-03-30", String.valueOf(report.publishedOn()));
        assertTrue(report.cells().values().stream().allMatch(v -> v == null), "no value is invented: " + report.cells());
        // 2008-format headings: 四、…收费及减免 has no section of its own (it stays in 三's text); 五 (复议诉讼)
        // is section 4, 六 (问题和改进) section 5, 七 (其他) section 6.
        assertEquals(List.of(1, 2, 3, 4, 5, 6), report.sections().stream().map(Section::number).toList());
        assertEquals("五、因政府信息公开申请行政复议、提起行政诉讼的情况", report.sections().get(3).heading());
        assertEquals("六、存在的主要问题和改进措施", report.sections().get(4).heading());
        assertTrue(report.sections().get(2).text().contains("未收取任何费用"), report.sections().get(2).text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "某某市人民政府2024年政府信息公开工作年度报告|2024年1月19日|2024|2024-01-19",
            "某某市人民政府二〇二三年政府信息公开工作年度报告|二〇二四年一月十九日|2023|2024-01-19",
            "某某市人民政府2023年度政府信息公开工作年度报告|2024-01-19|2023|2024-01-19"})
    void yearsAndDatesAreReadHoweverPrinted(String title, String date, int year, String published) {
        String text = title + "\n一、总体情况\n本年度工作情况。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
                + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无。\n"
                + "某某市人民政府办公室\n" + date + "\n";
        Report report = reader.read(text.getBytes(StandardCharsets.UTF_8)).report();
        assertEquals(year, report.year());
        assertEquals(published, String.valueOf(report.publishedOn()));
        assertEquals("city", report.administrativeLevel());
    }
}
