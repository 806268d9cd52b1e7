package io.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.model.Report;
import io.gongkai.reader.formats.DocumentType;
import io.gongkai.reader.formats.ReportReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's PDF variants are the reports their text variants are: the reading library finds in a generated PDF
 * the same agency, year and every table cell with the same value as in the text, for every sample and several years.
 */
class PdfVariantTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private final ReportReader reader = new ReportReader(null, 500);

    @Test
    void aPdfVariantReadsAsItsTextVariant() throws Exception {
        assumeTrue(PdfRendition.FONTS.stream().anyMatch(Files::isReadable), "no CJK TrueType font (fonts-wqy-zenhei)");
        ReportVariants variants = new ReportVariants(SAMPLES, 4);
        // every sample, and a later year of one agency
        long[] indices = new long[variants.sampleCount() + 1];
        for (int i = 0; i < variants.sampleCount(); i++) {
            indices[i] = i;
        }
        indices[variants.sampleCount()] = 3L * variants.sampleCount() + 1;
        long comparedCells = 0;
        long allCells = 0;
        for (long i : indices) {
            byte[] pdf = variants.variant(i, ReportVariants.Format.PDF);
            ReportReader.Result fromPdf = reader.read(pdf);
            assertEquals(DocumentType.PDF, fromPdf.type(), "variant " + i);
            Report text = reader.read(variants.variant(i, ReportVariants.Format.TEXT)).report();
            Report read = fromPdf.report();
            assertEquals(text.agency(), read.agency(), "variant " + i + " agency");
            assertEquals(text.year(), read.year(), "variant " + i + " year");
            assertFalse(text.cells().isEmpty(), "variant " + i + " has table cells");
            Map<String, BigDecimal> expected = text.cells();
            Map<String, BigDecimal> actual = read.cells();
            assertEquals(expected.keySet(), actual.keySet(), "variant " + i + " cells");
            // A row with a blank cell cannot be printed as positioned words (nothing marks the blank's column): such rows
            // are left out; every other row must read with all its values.
            Set<String> withBlank = expected.entrySet().stream().filter(e -> e.getValue() == null).map(e -> row(e.getKey()))
                    .collect(Collectors.toSet());
            List<String> compared = expected.keySet().stream().filter(k -> !withBlank.contains(row(k))).toList();
            List<String> wrong = compared.stream().filter(k -> !Objects.equals(expected.get(k), actual.get(k)))
                    .map(k -> k + ": " + expected.get(k) + " in the text, " + actual.get(k) + " in the PDF").toList();
            assertTrue(wrong.isEmpty(), "variant " + i + " (" + wrong.size() + " of " + compared.size() + " cells differ): "
                    + wrong.subList(0, Math.min(8, wrong.size())));
            assertTrue(compared.size() >= expected.size() * 0.9, "variant " + i + ": only " + compared.size() + " of "
                    + expected.size() + " cells in rows without a blank");
            comparedCells += compared.size();
            allCells += expected.size();
        }
        System.out.printf("PDF variants: %d of %d cells compared (rows without a blank cell), all equal%n", comparedCells, allCells);
    }

    private static String row(String cellPath) {
        return cellPath.substring(0, cellPath.lastIndexOf('.'));
    }

    @Test
    void pdfVariantsAreDistinct() throws Exception {
        assumeTrue(PdfRendition.FONTS.stream().anyMatch(Files::isReadable), "no CJK TrueType font (fonts-wqy-zenhei)");
        ReportVariants variants = new ReportVariants(SAMPLES, 4);
        byte[] a = variants.variant(0, ReportVariants.Format.PDF);
        byte[] b = variants.variant(variants.sampleCount(), ReportVariants.Format.PDF);
        assertTrue(new String(a, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertNotEquals(Arrays.hashCode(a), Arrays.hashCode(b), "two variants of one sample differ");
    }
}
