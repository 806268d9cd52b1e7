package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.reader.formats.render.PdfRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loading fonts without their programs ({@link TextOnlyFonts}) changes nothing that is read: every line of
 * every page, its words and their x positions, is the same as with the fonts PDFBox loads in full, on the
 * corpus PDFs (skipped where ../shared is absent) and the text-PDF renderings of the seeds.
 */
class TextOnlyFontsTest {

    static Stream<String> pdfs() throws IOException {
        List<String> names = new ArrayList<>();
        for (String corpus : List.of("006_huaian-szf_2024", "007_huaian-hongzequ_2023", "008_huaian-hongzequ_2024")) {
            names.add("corpus/" + corpus);
        }
        RenderingsTest.seeds().forEach(seed -> names.add("seed/" + seed));
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("pdfs")
    void textOnlyFontsGiveTheSameWordsAtTheSamePlaces(String name) throws IOException {
        byte[] bytes;
        if (name.startsWith("corpus/")) {
            Path pdf = ExpectedReport.CORPUS.resolve(name.substring("corpus/".length()) + ".pdf");
            assumeTrue(Files.isReadable(pdf), "corpus PDF " + pdf.toAbsolutePath() + " is absent: skipped");
            bytes = Files.readAllBytes(pdf);
        } else {
            Path font = PdfRenderer.font().orElse(null);
            assumeTrue(font != null, "no CJK TrueType font (apt-get install fonts-wqy-zenhei): skipped");
            bytes = PdfRenderer.render(RenderingsTest.rendered(name.substring("seed/".length())), font);
        }
        try (PDDocument full = Loader.loadPDF(bytes); PDDocument textOnly = Loader.loadPDF(bytes)) {
            PositionedTextStripper fullFonts = new PositionedTextStripper(false);
            PositionedTextStripper textOnlyFonts = new PositionedTextStripper(true);
            int words = 0;
            for (int page = 1; page <= full.getNumberOfPages(); page++) {
                List<PositionedLine> expected = fullFonts.page(full, page);
                List<PositionedLine> actual = textOnlyFonts.page(textOnly, page);
                for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                    assertEquals(i < expected.size() ? expected.get(i) : null, i < actual.size() ? actual.get(i) : null,
                            name + " page " + page + " line " + (i + 1));
                }
                for (PositionedLine line : expected) {
                    words += line.words().size();
                }
            }
            assertTrue(words > 100, name + " has text to compare: " + words + " words");
            assertTrue(textOnlyFonts.fontsLoadedWithoutProgram() > 0, name + ": the fonts were really loaded without program");
            assertEquals(0, fullFonts.fontsLoadedWithoutProgram());
        }
    }
}
