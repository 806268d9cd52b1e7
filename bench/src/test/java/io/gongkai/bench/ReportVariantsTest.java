package io.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's reports: all distinct, each naming its made-up county throughout, years moved together. */
class ReportVariantsTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void variantsAreDistinctAndConsistent() throws Exception {
        ReportVariants variants = new ReportVariants(SAMPLES, 4);
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 200; i++) {
            String text = new String(variants.variant(i, ReportVariants.Format.TEXT), StandardCharsets.UTF_8);
            assertTrue(seen.add(text), "variant " + i + " repeats an earlier one");
            long agency = i / variants.sampleCount() / 4 * variants.sampleCount() + i % variants.sampleCount();
            assertTrue(text.contains(ReportVariants.placeName(agency)), "variant " + i + " names its county");
            for (String sampleCounty : new String[] {"获嘉", "巨鹿", "河曲"}) {
                assertFalse(text.contains(sampleCounty), "variant " + i + " still names " + sampleCounty);
            }
        }
    }

    @Test
    void successiveVariantsOfASampleAreSuccessiveYearsOfOneAgency() throws Exception {
        ReportVariants variants = new ReportVariants(SAMPLES, 4);
        int samples = variants.sampleCount();
        String first = new String(variants.variant(0, ReportVariants.Format.TEXT), StandardCharsets.UTF_8);
        String last = new String(variants.variant(3L * samples, ReportVariants.Format.TEXT), StandardCharsets.UTF_8);
        assertTrue(first.contains("2020"), "the first year of four ends in the sample's year 2023");
        assertTrue(last.contains("2023年"), last.substring(0, 80));
        assertEquals(ReportVariants.placeName(0), ReportVariants.placeName((3L * samples) / samples / 4));
        assertTrue(last.contains(ReportVariants.placeName(0)), "one county for the four years of sample 0");
    }

    @Test
    void eachSampleIsAnAgencyOfItsOwn() throws Exception {
        ReportVariants variants = new ReportVariants(SAMPLES, 4);
        // the same year of two samples: were they one county, the rules would take them for differing renditions
        String a = new String(variants.variant(0, ReportVariants.Format.TEXT), StandardCharsets.UTF_8);
        String b = new String(variants.variant(1, ReportVariants.Format.TEXT), StandardCharsets.UTF_8);
        assertTrue(a.contains(ReportVariants.placeName(0)) && !a.contains(ReportVariants.placeName(1)));
        assertTrue(b.contains(ReportVariants.placeName(1)) && !b.contains(ReportVariants.placeName(0)));
    }

    @Test
    void htmlVariantHasTables() throws Exception {
        String html = new String(new ReportVariants(SAMPLES, 4).variant(0, ReportVariants.Format.HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<table") && html.contains("<td>"), "number rows become table rows");
    }

    @Test
    void theMixSpreadsFormatsByTheirShares() {
        var formats = BenchCommand.parseMix("text=60,html=20,pdf=20");
        java.util.Map<ReportVariants.Format, Integer> counts = new java.util.EnumMap<>(ReportVariants.Format.class);
        for (long i = 0; i < 1000; i++) {
            counts.merge(BenchCommand.formatOf(i, formats), 1, Integer::sum);
        }
        assertEquals(600, counts.get(ReportVariants.Format.TEXT));
        assertEquals(200, counts.get(ReportVariants.Format.HTML));
        assertEquals(200, counts.get(ReportVariants.Format.PDF));
    }
}
