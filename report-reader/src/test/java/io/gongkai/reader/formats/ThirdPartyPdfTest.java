package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
import io.gongkai.reader.formats.render.RenderedReport.Block;
import io.gongkai.reader.formats.render.RenderedReport.Table;
import io.gongkai.reader.formats.render.RenderedReport.TableCell;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendering matrix: each seed report laid out as a web page or Word file and made into a PDF by third-party
 * tools at test time — printed by headless Chromium, exported by LibreOffice (from the page and from the Word
 * file) — in variants that real reports show: narrow label columns whose labels wrap inside their cells with
 * justified text, table 四 on a landscape page, table 三 broken across pages with and without its header
 * repeated, every zero left blank. Each PDF must read back every cell of the seed's hand-checked expectations
 * (zeros as blanks where they were left blank), with page, line, table, row and column in each cell's
 * provenance (metadata differences are printed, not asserted: they come from the narrative's layout). Skipped with the reason when a tool is absent. Prints cells right per tool and variant, for the
 * lattice reader and for the text-position reader alone.
 */
class ThirdPartyPdfTest {

    static final Path DIR = Path.of("target", "third-party-pdf").toAbsolutePath();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** How the page is dressed. */
    enum Variant {
        PLAIN("", false, false),
        NARROW_LABELS("table{width:100%} td.l{width:3.2em;text-align:justify;text-align-last:justify;"
                + "text-justify:inter-character} td{font-size:10pt}", false, false),
        LANDSCAPE_REVIEWS("@page wide{size:A4 landscape} table.t3{page:wide}", false, false),
        SPLIT_WITH_HEADER("table.t2 tr{height:3.2em}", true, false),
        SPLIT_WITHOUT_HEADER("table.t2 tr{height:3.2em}", false, false),
        ZEROS_BLANK("", false, true),
        /** Chromium's own page head (date, title) and foot (the page's URL, page n/m) on every page, tables split. */
        BROWSER_HEADER_FOOTER("table.t2 tr{height:3.2em}", false, false);

        final HtmlRenderer.Style style;
        final boolean zerosBlank;

        Variant(String css, boolean thead, boolean zerosBlank) {
            this.style = new HtmlRenderer.Style(css, thead);
            this.zerosBlank = zerosBlank;
        }
    }

    /** Who made the PDF from what. */
    enum Tool {
        CHROMIUM_HTML, SOFFICE_HTML, SOFFICE_DOCX
    }

    private static final Map<String, int[]> SCORES = new TreeMap<>();
    private static boolean rendered;
    private static String skipped;

    static Stream<Arguments> renderings() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String seed : RenderingsTest.seeds().toList()) {
            for (Variant v : Variant.values()) {
                out.add(Arguments.of(seed, Tool.CHROMIUM_HTML, v));
                if (v != Variant.BROWSER_HEADER_FOOTER) {
                    out.add(Arguments.of(seed, Tool.SOFFICE_HTML, v));
                }
            }
            out.add(Arguments.of(seed, Tool.SOFFICE_DOCX, Variant.PLAIN));
            out.add(Arguments.of(seed, Tool.SOFFICE_DOCX, Variant.ZEROS_BLANK));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("renderings")
    void everyCellReadsBack(String seed, Tool tool, Variant variant) throws Exception {
        renderAll();
        Path pdf = pdf(seed, tool, variant);
        assumeTrue(Files.isRegularFile(pdf), skipped != null ? skipped : "no " + pdf + " was made: skipped");
        byte[] bytes = Files.readAllBytes(pdf);
        ExpectedReport expected = ExpectedReport.load(ExpectedReport.SAMPLES, seed);
        if (variant.zerosBlank) {
            expected = expected.withZerosBlank();
        }
        ReportReader reader = new ReportReader(null, 500);
        ReportReader.Result read = reader.read(bytes);
        assertEquals(DocumentType.PDF, read.type());
        Report report = read.report();
        Report textPositionsOnly = reader.parse(new PdfTextReader(null, 500, false).read(bytes));
        String key = tool + " " + variant;
        synchronized (SCORES) {
            int[] s = SCORES.computeIfAbsent(key, k -> new int[3]);
            s[0] += expected.cellsRight(report);
            s[1] += expected.cellsRight(textPositionsOnly);
            s[2] += expected.cellCount();
        }
        ExpectedReport.writeResult(DIR.resolve("results").resolve(tool + "-" + variant), seed, report);
        List<String> wrong = new ArrayList<>();
        for (String d : expected.differences(report)) {
            if (d.startsWith(Report.ACTIVE_DISCLOSURE) || d.startsWith(Report.APPLICATIONS)
                    || d.startsWith(Report.REVIEWS_AND_LAWSUITS)) {
                wrong.add(d);
            } else {
                // Title and date come from the narrative's layout, not from the tables this matrix is about.
                System.out.println(seed + " " + key + ": metadata " + d);
            }
        }
        String message = seed + " " + key + " (" + pdf + ") differs:\n" + String.join("\n", wrong);
        assertTrue(wrong.isEmpty(), message);
        for (Map.Entry<String, BigDecimal> cell : report.cells().entrySet()) {
            if (cell.getValue() == null) {
                continue; // a blank cell was printed nowhere
            }
            String path = cell.getKey();
            Provenance p = report.provenance().get(path);
            assertNotNull(p, path);
            assertNotNull(p.page(), "page of " + path);
            assertNotNull(p.line(), "line of " + path);
            assertNotNull(p.table(), "table of " + path);
            assertNotNull(p.row(), "row of " + path);
            assertNotNull(p.tableColumn(), "column of " + path);
        }
    }

    @AfterAll
    static void printScores() {
        if (SCORES.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("\nThird-party PDF renderings, cells right (lattice reader | text positions only):\n");
        int[] all = new int[3];
        SCORES.forEach((k, s) -> {
            b.append(String.format("  %-36s %4d/%-4d %.4f | %4d/%-4d %.4f%n", k, s[0], s[2], s[0] / (double) s[2], s[1], s[2],
                    s[1] / (double) s[2]));
            for (int i = 0; i < 3; i++) {
                all[i] += s[i];
            }
        });
        b.append(String.format("  %-36s %4d/%-4d %.4f | %4d/%-4d %.4f%n", "all", all[0], all[2], all[0] / (double) all[2],
                all[1], all[2], all[1] / (double) all[2]));
        System.out.println(b);
    }

    private static Path pdf(String seed, Tool tool, Variant variant) {
        return DIR.resolve(tool.name().toLowerCase()).resolve(seed + "-" + variant.name().toLowerCase() + ".pdf");
    }

    /** Writes every page and Word file, then has the tools make the PDFs (once for the whole matrix). */
    private static synchronized void renderAll() throws Exception {
        if (rendered) {
            return;
        }
        rendered = true;
        Path sources = DIR.resolve("sources");
        Files.createDirectories(sources);
        List<Path> html = new ArrayList<>();
        List<Path> docx = new ArrayList<>();
        for (String seed : RenderingsTest.seeds().toList()) {
            RenderedReport doc = RenderingsTest.rendered(seed);
            for (Variant v : Variant.values()) {
                RenderedReport r = v.zerosBlank ? zerosBlank(doc) : doc;
                Path page = sources.resolve(seed + "-" + v.name().toLowerCase() + ".html");
                Files.write(page, HtmlRenderer.render(r, StandardCharsets.UTF_8, v.style));
                html.add(page);
                if (v == Variant.PLAIN || v == Variant.ZEROS_BLANK) {
                    Path word = sources.resolve(seed + "-" + v.name().toLowerCase() + ".docx");
                    Files.write(word, DocxRenderer.render(r));
                    docx.add(word);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        if (Files.isExecutable(CHROMIUM)) {
            Path out = Files.createDirectories(DIR.resolve("chromium_html"));
            for (Path page : html) {
                Path pdf = out.resolve(page.getFileName().toString().replace(".html", ".pdf"));
                List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                        "--disable-gpu", "--disable-background-networking", "--no-first-run",
                        "--user-data-dir=" + DIR.resolve("chromium-profile"), "--print-to-pdf=" + pdf,
                        page.toUri().toString()));
                if (!page.getFileName().toString().contains(Variant.BROWSER_HEADER_FOOTER.name().toLowerCase())) {
                    cmd.add("--no-pdf-header-footer");
                }
                run(cmd);
            }
        } else {
            missing.add("chromium (apt-get install chromium)");
        }
        if (LibreOffice.installed()) {
            String browserOnly = Variant.BROWSER_HEADER_FOOTER.name().toLowerCase();
            convert(html.stream().filter(p -> !p.getFileName().toString().contains(browserOnly)).toList(),
                    DIR.resolve("soffice_html"));
            convert(docx, DIR.resolve("soffice_docx"));
        } else {
            missing.add("soffice (apt-get install libreoffice-writer-nogui)");
        }
        if (!missing.isEmpty()) {
            skipped = String.join(", ", missing) + " absent: those renderings skipped";
            System.out.println(skipped);
        }
    }

    private static void convert(List<Path> files, Path out) throws Exception {
        Files.createDirectories(out);
        LibreOffice.convert(DIR.resolve("soffice-profile"), files, "pdf", null, out);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }

    /** Every zero printed as a blank cell (some publishers print only the non-zero numbers). */
    static RenderedReport zerosBlank(RenderedReport doc) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : doc.blocks()) {
            if (b instanceof Table t) {
                List<List<TableCell>> rows = new ArrayList<>();
                for (List<TableCell> row : t.rows()) {
                    List<TableCell> cells = new ArrayList<>();
                    for (TableCell c : row) {
                        cells.add(isZero(c.text()) ? new TableCell("", c.rowSpan(), c.colSpan()) : c);
                    }
                    rows.add(cells);
                }
                blocks.add(new Table(rows, t.columnWidths()));
            } else {
                blocks.add(b);
            }
        }
        return new RenderedReport(blocks);
    }

    private static boolean isZero(String s) {
        try {
            return !s.isEmpty() && new BigDecimal(s).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
