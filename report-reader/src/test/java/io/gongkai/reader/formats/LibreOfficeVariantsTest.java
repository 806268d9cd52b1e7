package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed reports with their zeros left blank or written "/", "—", "无", and with narrow label columns
 * (labels justified with spaces and wrapped in their cells), converted by LibreOffice as publishers' office
 * suites write them: the web page opened and saved as DOCX, the Word file saved as DOC and as HTML. Every
 * cell reads back (the blanked ones as null) and no table is called unreadable. Skipped, saying so, where
 * LibreOffice (soffice) is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibreOfficeVariantsTest {

    private static final List<String> BLANKS = List.of("", "/", "—", "无");

    /** The renderings and their conversions, kept for a look when a variant fails. */
    private static final Path dir = Path.of("target", "libreoffice-variants").toAbsolutePath();

    private final ReportReader reader = new ReportReader(null, 500);

    /** Writes the renderings and converts them all, one soffice run per conversion. */
    @BeforeAll
    void convert() throws IOException, InterruptedException {
        if (!LibreOffice.installed()) {
            return;
        }
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path html = Files.createDirectories(dir.resolve("html"));
        Path docx = Files.createDirectories(dir.resolve("docx"));
        for (Arguments a : variants().toList()) {
            String seed = (String) a.get()[0];
            int blank = BLANKS.indexOf((String) a.get()[1]);
            boolean narrow = (Boolean) a.get()[2];
            RenderedReport doc = BlankCellVariantsTest.withZerosAs(RenderingsTest.rendered(seed), BLANKS.get(blank));
            if (narrow) {
                doc = NarrowLabelsTest.withNarrowLabels(doc);
            }
            String name = name(seed, blank, narrow);
            Files.write(html.resolve(name + ".html"), HtmlRenderer.render(doc, StandardCharsets.UTF_8));
            Files.write(docx.resolve(name + ".docx"), DocxRenderer.render(doc));
        }
        soffice(html, "docx:MS Word 2007 XML", "HTML (StarWriter)", dir.resolve("html-to-docx"));
        soffice(docx, "doc:MS Word 97", null, dir.resolve("docx-to-doc"));
        soffice(docx, "html:HTML (StarWriter)", null, dir.resolve("docx-to-html"));
    }

    private void soffice(Path from, String to, String inFilter, Path out) throws IOException, InterruptedException {
        LibreOffice.convertFolder(dir.resolve("profile"), from, to, inFilter, out);
    }

    private static String name(String seed, int blank, boolean narrow) {
        return seed + "-blank" + blank + (narrow ? "-narrow" : "");
    }

    static Stream<Arguments> variants() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String seed : RenderingsTest.seeds().toList()) {
            for (String blank : BLANKS) {
                out.add(Arguments.of(seed, blank, false));
            }
            out.add(Arguments.of(seed, "", true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} zeros as \"{1}\", narrow labels {2}")
    @MethodSource("variants")
    void officeSuiteConversionsReadEveryCell(String seed, String blank, boolean narrow) throws IOException {
        assumeTrue(LibreOffice.installed(), "LibreOffice (apt-get install libreoffice-writer-nogui) is absent: skipped");
        String name = name(seed, BLANKS.indexOf(blank), narrow);
        ExpectedReport expected = BlankCellVariantsTest.expectedWithZerosAs(seed, blank);
        check(name, dir.resolve("html-to-docx").resolve(name + ".docx"), DocumentType.DOCX, expected);
        check(name, dir.resolve("docx-to-doc").resolve(name + ".doc"), DocumentType.DOC, expected);
        check(name, dir.resolve("docx-to-html").resolve(name + ".html"), DocumentType.HTML, expected);
    }

    private void check(String name, Path file, DocumentType type, ExpectedReport expected) throws IOException {
        assertTrue(Files.exists(file), "LibreOffice wrote " + file.getFileName());
        ReportReader.Result read = reader.read(Files.readAllBytes(file));
        String what = file.getParent().getFileName() + "/" + file.getFileName();
        assertEquals(type, read.type(), what + ": detected type");
        ExpectedReport.writeResult(RenderingsTest.RESULTS.resolve("libreoffice-" + file.getParent().getFileName()), name,
                read.report());
        List<String> wrong = expected.differences(read.report());
        assertTrue(wrong.isEmpty(), what + " differs:\n" + String.join("\n", wrong));
        assertFalse(read.report().extractionFindings().stream().anyMatch(f -> f.code().equals("UNREADABLE_TABLE")),
                what + ": " + read.report().extractionFindings());
    }
}
