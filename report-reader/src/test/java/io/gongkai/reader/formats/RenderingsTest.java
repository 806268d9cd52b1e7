package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.PdfRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
import io.gongkai.reader.formats.render.RenderedReportBuilder;
import io.gongkai.reader.parsing.ReportTextParser;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each seed report rendered as a publisher would (HTML in GB18030 and UTF-8, DOCX, a text PDF, GB18030
 * text) reads back exactly as its hand-checked expectations say, with provenance into the source.
 */
class RenderingsTest {

    static final Path RESULTS = Path.of("target", "rendering-results");
    private final ReportReader reader = new ReportReader(null, 500);

    static Stream<String> seeds() throws IOException {
        try (Stream<Path> files = Files.list(ExpectedReport.SAMPLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    static String seedText(String name) throws IOException {
        return Files.readString(ExpectedReport.SAMPLES.resolve(name + ".txt"), StandardCharsets.UTF_8);
    }

    static RenderedReport rendered(String name) throws IOException {
        String text = seedText(name);
        return RenderedReportBuilder.build(text, new ReportTextParser().parse(text));
    }

    private Report readAs(String name, String format, byte[] bytes, DocumentType type) throws IOException {
        ReportReader.Result read = reader.read(bytes);
        assertEquals(type, read.type(), name + " " + format + " detected type");
        ExpectedReport.writeResult(RESULTS.resolve(format), name, read.report());
        List<String> wrong = ExpectedReport.load(ExpectedReport.SAMPLES, name).differences(read.report());
        assertTrue(wrong.isEmpty(), name + " as " + format + " differs:\n" + String.join("\n", wrong));
        return read.report();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void gb18030TextReadsTheSame(String name) throws IOException {
        byte[] bytes = seedText(name).getBytes(Charset.forName("GB18030"));
        readAs(name, "gb18030", bytes, DocumentType.TEXT);
        assertEquals("GB18030", reader.read(bytes).encoding());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void htmlPagesReadTheSame(String name) throws IOException {
        RenderedReport doc = rendered(name);
        Report utf8 = readAs(name, "html", HtmlRenderer.render(doc, StandardCharsets.UTF_8), DocumentType.HTML);
        readAs(name, "html-gb18030", HtmlRenderer.render(doc, Charset.forName("GB18030")), DocumentType.HTML);
        assertTableProvenance(name, utf8);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wordFilesReadTheSame(String name) throws IOException {
        Report report = readAs(name, "docx", DocxRenderer.render(rendered(name)), DocumentType.DOCX);
        assertTableProvenance(name, report);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void textPdfsReadTheSame(String name) throws IOException {
        Path font = PdfRenderer.font().orElse(null);
        assumeTrue(font != null, "no CJK TrueType font (apt-get install fonts-wqy-zenhei): PDF rendering skipped");
        Report report = readAs(name, "pdf", PdfRenderer.render(rendered(name), font), DocumentType.PDF);
        for (Map.Entry<String, Provenance> p : report.provenance().entrySet()) {
            assertNotNull(p.getValue().page(), name + " page of " + p.getKey());
        }
    }

    /** Every value points at its table, row and grid column, and the cell there holds what was read. */
    private static void assertTableProvenance(String name, Report report) {
        for (Map.Entry<String, java.math.BigDecimal> cell : report.cells().entrySet()) {
            Provenance p = report.provenance().get(cell.getKey());
            assertNotNull(p, name + " provenance of " + cell.getKey());
            assertNotNull(p.table(), name + " table of " + cell.getKey());
            assertNotNull(p.row(), name + " row of " + cell.getKey());
            assertNotNull(p.tableColumn(), name + " column of " + cell.getKey());
        }
    }
}
