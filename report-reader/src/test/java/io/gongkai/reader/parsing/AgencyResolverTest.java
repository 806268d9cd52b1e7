package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AgencyCandidate;
import io.gongkai.model.Region;
import io.gongkai.model.Report;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agency, region and level of reports whose names and layouts the corpus does not have. */
class AgencyResolverTest {

    @BeforeAll
    static void needsTheDivisionCodes() {
        Assumptions.assumeTrue(Divisions.get().available(), Divisions.ABSENT);
    }

    private final ReportTextParser parser = new ReportTextParser();

    /** A report with the given lines over its first section, the sentence that opens it, and its last lines. */
    private static String report(String head, String opening, String tail) {
        return head + "\n一、总体情况\n" + opening + "\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
                + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无。\n" + tail + "\n";
    }

    private Report parse(String head, String opening, String tail, String url) {
        return parser.parse(report(head, opening, tail), url);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // special zones and development areas
        "平潭综合实验区管理委员会, county, 350128, 福建省, 福州市, 平潭县,",
        "新乡经济技术开发区管理委员会, county, 410772, 河南省, 新乡市, 新乡经济技术开发区,",
        "获嘉县产业集聚区管理委员会, township, 410724, 河南省, 新乡市, 获嘉县,",
        "河北雄安新区管理委员会, city, 130000, 河北省, , ,",
        "淮安市工业园区管委会, county, 320800, 江苏省, 淮安市, ,",
        "天津经济技术开发区管理委员会, county, 120000, 天津市, , ,",
        "苏州工业园区管理委员会, county, 320576, 江苏省, 苏州市, 苏州工业园区,",
        "兰州新区管理委员会, county, 620171, 甘肃省, 兰州市, 兰州新区,",
        "新疆生产建设兵团第八师石河子市, county, 659001, 新疆维吾尔自治区, , 石河子市,",
        // departments: 厅, 局, 委员会, 办公室, 中心
        "江苏省教育厅, province, 320000, 江苏省, , ,",
        "淮安市发展和改革委员会, city, 320800, 江苏省, 淮安市, ,",
        "获嘉县财政局, county, 410724, 河南省, 新乡市, 获嘉县,",
        "淮安市洪泽区人民政府办公室, county, 320813, 江苏省, 淮安市, 洪泽区,",
        "恩施州政务服务和大数据管理中心, city, 422800, 湖北省, 恩施土家族苗族自治州, ,",
        "北京市朝阳区人民政府, county, 110105, 北京市, , 朝阳区,",
        // townships and streets
        "获嘉县亢村镇人民政府, township, 410724106, 河南省, 新乡市, 获嘉县, 亢村镇",
        "北京市东城区东华门街道办事处, township, 110101001, 北京市, , 东城区, 东华门街道",
        "中共获嘉县委办公室, county, 410724, 河南省, 新乡市, 获嘉县,",
        "国家税务总局获嘉县税务局, county, 410724, 河南省, 新乡市, 获嘉县,",
        "上海市人民政府办公厅, province, 310000, 上海市, , ,",
        "重庆市城口县人民政府, county, 500229, 重庆市, , 城口县,",
    })
    void everyKindOfAgencyFromItsTitle(String agency, String level, String code, String province, String city,
            String county, String township) {
        Report r = parse(agency + "2023年政府信息公开工作年度报告", "2023年，我们认真贯彻落实《条例》。", "", null);
        assertEquals(agency, r.agency());
        assertEquals(level, r.administrativeLevel());
        assertEquals(new Region(code, province, city, county, township), r.region());
        assertEquals(AgencyCandidate.TITLE, r.agencyResolution().source());
    }

    /** The development corpus (samples/ holds its text documents): the county each report's agency governs. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "000_f8a12ae11966356f, 410724, 获嘉县",
        "001_ff1f8276dec07d75, 141025, 古县",
        "002_e0ae7886d21f5780, 130529, 巨鹿县",
        "003_0b343912e46db269, 410724, 获嘉县",
        "004_ca1fd1482ab00037, 140930, 河曲县",
    })
    void corpusRegions(String name, String code, String county) throws Exception {
        Report r = parser.parse(ReportTextParserTest.text(name));
        assertEquals(code, r.region().code());
        assertEquals(county, r.region().county());
    }

    @Test
    void nationalBodiesHaveNoRegion() {
        Report r = parse("国家统计局2023年政府信息公开工作年度报告", "现将我局2023年政府信息公开工作情况报告如下。", "", null);
        assertEquals("国家统计局", r.agency());
        assertEquals("national", r.administrativeLevel());
        assertNull(r.region());
    }

    @Test
    void nameOnlyInTheSignature() {
        Report r = parse("2023年政府信息公开工作年度报告", "现将我办2023年政府信息公开工作情况报告如下。",
                "\n获嘉县人民政府办公室\n2024年1月19日", null);
        assertEquals("获嘉县人民政府办公室", r.agency());
        assertEquals("county", r.administrativeLevel());
        assertEquals(AgencyCandidate.SIGNATURE, r.agencyResolution().source());
        AgencyCandidate signature = r.agencyResolution().candidates().get(0);
        assertEquals(11, signature.line());
        assertTrue(r.agencyResolution().confidence() >= 0.85);
    }

    @Test
    void nameAndDateOnOneSignatureLine() {
        Report r = parse("2023年度政府信息公开工作年度报告", "一年来，我局认真落实条例。",
                "淮安市生态环境局    2024年1月20日", null);
        assertEquals("淮安市生态环境局", r.agency());
        assertEquals("city", r.administrativeLevel());
    }

    @Test
    void nameOnlyInTheBreadcrumbOfAWebPage() {
        Report r = parse("首页 > 信息公开 > 获嘉县财政局 > 年度报告\n2023年政府信息公开工作年度报告",
                "现将我局2023年政府信息公开工作情况报告如下。", "", null);
        assertEquals("获嘉县财政局", r.agency());
        assertEquals(AgencyCandidate.PAGE_HEADER, r.agencyResolution().source());
        assertEquals("410724", r.region().code());
    }

    @Test
    void nameOnlyInAPageCaption() {
        Report r = parse("2023年政府信息公开工作年度报告\n来源：洪泽区老子山镇人民政府  发布时间：2024-01-18  浏览次数：12",
                "2023年，我镇认真贯彻落实《条例》。", "", null);
        assertEquals("洪泽区老子山镇人民政府", r.agency());
        assertEquals("township", r.administrativeLevel());
        assertEquals("老子山镇", r.region().township());
    }

    @Test
    void nameOnlyInTheSourceUrlHost() {
        Report r = parse("2023年政府信息公开工作年度报告", "2023年，我县认真贯彻落实《条例》。", "",
                "https://www.huojia.gov.cn/zwgk/ndbg/2024/01/19/1.html");
        assertEquals("获嘉县人民政府", r.agency());
        assertEquals("county", r.administrativeLevel());
        assertEquals(AgencyCandidate.SOURCE_URL, r.agencyResolution().source());
        assertEquals("410724", r.region().code());
    }

    @Test
    void aHostAndASentenceOfAnotherKindGiveNoAgencyButTheRegion() {
        // 我局 on a county's site: some bureau of 获嘉县, but which one the document does not say.
        Report r = parse("2023年政府信息公开工作年度报告", "现将我局2023年政府信息公开工作情况报告如下。", "",
                "https://www.huojia.gov.cn/a.html");
        assertNull(r.agency());
        assertEquals(0.0, r.agencyResolution().confidence());
        assertEquals("局", r.agencyResolution().selfReference());
        assertEquals("410724", r.region().code());
        assertEquals("county", r.administrativeLevel());
    }

    @Test
    void aDepartmentWithoutPlaceTakesItsRegionFromTheHost() {
        Report r = parse("财政局2023年政府信息公开工作年度报告", "现将我局2023年政府信息公开工作情况报告如下。", "",
                "http://www.huojia.gov.cn/a.html");
        assertEquals("财政局", r.agency());
        assertEquals("410724", r.region().code());
        assertEquals("county", r.administrativeLevel());
    }

    @Test
    void aDepartmentWithoutPlaceTakesItsRegionFromTheSitesIdentifierCode() {
        Report r = parse("财政局2023年政府信息公开工作年度报告", "现将我局2023年政府信息公开工作情况报告如下。",
                "主办：获嘉县人民政府办公室 网站标识码：4107240001 豫ICP备00000000号", "https://example.org/a.html");
        assertEquals("财政局", r.agency());
        assertEquals("410724", r.region().code());
        assertEquals("county", r.administrativeLevel());
    }

    @Test
    void theSignatureSettlesANameSeveralPlacesShare() {
        Report r = parse("朝阳区人民政府2023年政府信息公开工作年度报告", "2023年，我区认真贯彻落实《条例》。",
                "长春市朝阳区人民政府\n2024年3月1日", null);
        assertEquals("朝阳区人民政府", r.agency());
        assertEquals("220104", r.region().code());
        assertEquals("长春市", r.region().city());
    }

    @Test
    void aTownshipOnItsCountysSiteIsPlacedByTheHost() {
        Report r = parse("亢村镇人民政府2023年政府信息公开工作年度报告", "2023年，我镇认真贯彻落实《条例》。", "",
                "http://www.huojia.gov.cn/a.html");
        assertEquals("亢村镇人民政府", r.agency());
        assertEquals("township", r.administrativeLevel());
        assertEquals("410724106", r.region().code());
    }

    @Test
    void agreeingSourcesRaiseTheConfidence() {
        Report alone = parse("获嘉县人民政府办公室2023年政府信息公开工作年度报告", "2023年，我办认真贯彻落实《条例》。", "", null);
        Report agreed = parse("获嘉县人民政府办公室2023年政府信息公开工作年度报告", "2023年，我办认真贯彻落实《条例》。",
                "获嘉县人民政府办公室\n2024年1月19日", "https://www.huojia.gov.cn/a.html");
        assertTrue(agreed.agencyResolution().confidence() > alone.agencyResolution().confidence());
        assertEquals(3, agreed.agencyResolution().candidates().size());
    }

    @Test
    void hostTable() {
        HostRegions hosts = HostRegions.get();
        assertEquals(List.of("410724"), codes(hosts.lookup("www.huojia.gov.cn")));
        assertEquals(List.of("320813"), codes(hosts.lookup("hongze.huaian.gov.cn")));
        assertEquals(List.of("3208"), codes(hosts.lookup("www.huaian.gov.cn")));
        assertEquals(List.of("44"), codes(hosts.lookup("www.gd.gov.cn")));
        assertTrue(hosts.lookup("www.example.gov.cn").isEmpty());
        assertNull(HostRegions.govHost("https://www.example.com/a"));
        assertNull(HostRegions.govHost("not a url"));
    }

    private static List<String> codes(List<Division> ds) {
        return ds.stream().map(Division::code).toList();
    }
}
