package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gongkai.model.AgencyCandidate;
import io.gongkai.model.Report;
import java.nio.charset.StandardCharsets;
import io.gongkai.model.divisions.Divisions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A web page whose report names no agency: the page's breadcrumb, caption or address does. */
class AgencyFromPageTest {

    @BeforeAll
    static void needsTheDivisionCodes() {
        Assumptions.assumeTrue(Divisions.get().available(), Divisions.ABSENT);
    }


    private final ReportReader reader = new ReportReader(null, 500);

    private static byte[] page(String head, String signature) {
        return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>" + head
                + "<h1>2023年政府信息公开工作年度报告</h1>"
                + "<p>一、总体情况</p><p>现将我局2023年政府信息公开工作情况报告如下。</p>"
                + "<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>"
                + "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p>"
                + "<p>六、其他需要报告的事项</p><p>无。</p>" + signature
                + "<footer><p>主办：获嘉县人民政府办公室</p></footer></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /** A bureau's report (我局) with the given head elements and the lines over its first section. */
    private static byte[] bureauPage(String head, String top) {
        return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" + top
                + "<p>一、总体情况</p><p>2023年，我局认真贯彻落实《条例》。</p><p>二、主动公开政府信息情况</p>"
                + "<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
                + "<p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theBreadcrumbNamesTheDepartment() {
        byte[] html = page("<header><div class=\"crumb\"><a href=\"/\">首页</a> &gt; <a>信息公开</a> &gt; <a>获嘉县财政局</a> &gt; "
                + "<a>年度报告</a></div></header>", "");
        Report r = reader.read(html, DocumentType.HTML, "https://www.huojia.gov.cn/czj/2024/1.html").report();
        assertEquals("获嘉县财政局", r.agency());
        assertEquals(AgencyCandidate.PAGE_HEADER, r.agencyResolution().source());
        assertEquals("county", r.administrativeLevel());
        assertEquals("410724", r.region().code());
    }

    @Test
    void theCaptionUnderTheTitleNamesTheDepartment() {
        byte[] html = bureauPage("", "<h1>2023年政府信息公开工作年度报告</h1><div class=\"info\"><span>来源：淮安市生态环境局</span> "
                + "<span>发布时间：2024-01-20</span></div>");
        Report r = reader.read(html, DocumentType.HTML, null).report();
        assertEquals("淮安市生态环境局", r.agency());
        assertEquals("city", r.administrativeLevel());
        assertEquals("淮安市", r.region().city());
    }

    @Test
    void theSitesContentSourceMetaTagNamesTheDepartment() {
        byte[] html = bureauPage("<title>年度报告</title><meta name=\"SiteName\" content=\"淮安市人民政府\">"
                + "<meta name=\"contentsource\" content=\"淮安市财政局\">", "<h1>2023年政府信息公开工作年度报告</h1>");
        Report r = reader.read(html, DocumentType.HTML, null).report();
        assertEquals("淮安市财政局", r.agency());
        assertEquals(AgencyCandidate.PAGE_HEADER, r.agencyResolution().source());
        assertEquals("city", r.administrativeLevel());
    }

    @Test
    void theSiteIdentifierCodeMetaTagPlacesADepartmentWithoutPlace() {
        byte[] html = bureauPage("<meta name=\"SiteIDCode\" content=\"3208000001\">", "<h1>财政局2023年政府信息公开工作年度报告</h1>");
        Report r = reader.read(html, DocumentType.HTML, null).report();
        assertEquals("财政局", r.agency());
        assertEquals("320800", r.region().code());
        assertEquals("city", r.administrativeLevel());
    }
}
