package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
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
 * Converter text in reading order: PDFs made by third-party tools (the seeds printed by headless Chromium and
 * exported by LibreOffice from Word files, and the corpus's real PDFs where present) dumped by poppler's
 * {@code pdftotext} without {@code -layout}, which writes a table cell by cell, partly column by column, with labels
 * apart from their values. Such text cannot always be read, but it must never be read wrong: every number read equals
 * the printed one, and every printed number not read is named by an {@code UNREADABLE_TABLE} finding (no number
 * silently wrong, none silently lost). Through {@code pdftotext -layout} the corpus PDFs read every cell, the seeds no
 * number wrong or silently lost. Prints
 * per source the cells read right, and those left to the finding. Skipped, saying why, where a tool is absent.
 */
class ReadingOrderTextTest {

    private static final Path DIR = Path.of("target", "reading-order").toAbsolutePath();
    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> CORPUS_PDFS = List.of("006_huaian-szf_2024", "007_huaian-hongzequ_2023",
            "008_huaian-hongzequ_2024");
    private static final Map<String, int[]> SCORES = new TreeMap<>();
    private static boolean rendered;

    /** Where a PDF came from. */
    enum Source {
        CHROMIUM_HTML, SOFFICE_DOCX, CORPUS,
        /** The web page with its data cells held to a character's width: pdftotext writes the labels a character per line. */
        CHROMIUM_NARROW,
        /** The web page with every zero written "/" (a no-value mark: a token holding its cell's place). */
        CHROMIUM_SLASH("/"),
        /** The web page with every zero written 无. */
        CHROMIUM_NONE("无"),
        /** The web page with every zero left blank (no token: its place is not known). */
        CHROMIUM_BLANK(""),
        /** The Word file with every zero written "—", exported by LibreOffice. */
        SOFFICE_DASH("—");

        /** How the zeros are printed, or null for as they are. */
        final String zeros;

        Source() {
            this(null);
        }

        Source(String zeros) {
            this.zeros = zeros;
        }
    }

    /** Data cells (not the layout table's single cell) as narrow as one character, wrapping anywhere. */
    private static final String NARROW_CSS = "td:not(:only-child){max-width:1.2em;word-break:break-all}";

    static Stream<Arguments> pdfs() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String seed : RenderingsTest.seeds().toList()) {
            out.add(Arguments.of(Source.CHROMIUM_HTML, seed));
            out.add(Arguments.of(Source.SOFFICE_DOCX, seed));
            out.add(Arguments.of(Source.CHROMIUM_NARROW, seed));
            out.add(Arguments.of(Source.CHROMIUM_SLASH, seed));
            out.add(Arguments.of(Source.CHROMIUM_NONE, seed));
            out.add(Arguments.of(Source.CHROMIUM_BLANK, seed));
            out.add(Arguments.of(Source.SOFFICE_DASH, seed));
        }
        CORPUS_PDFS.forEach(name -> out.add(Arguments.of(Source.CORPUS, name)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pdfs")
    void readingOrderTextIsReadRightOrSaidUnreadable(Source source, String name) throws Exception {
        assumeTrue(Files.isExecutable(PDFTOTEXT), "pdftotext (apt-get install poppler-utils) absent: skipped");
        Path pdf = pdf(source, name);
        assumeTrue(pdf != null && Files.isRegularFile(pdf), "no PDF for " + source + " " + name + " (tool or corpus absent): skipped");
        ExpectedReport expected = source == Source.CORPUS ? ExpectedReport.load(ExpectedReport.CORPUS, name)
                : BlankCellVariantsTest.expectedWithZerosAs(name, source.zeros == null ? "0" : source.zeros);
        ReportReader reader = new ReportReader(null, 500);

        Report readingOrder = reader.read(pdftotext(pdf, false)).report();
        List<String> silent = new ArrayList<>();
        int flagged = silentProblems(expected, readingOrder, silent);
        String key = source + (source == Source.CORPUS ? " " + name : "");
        synchronized (SCORES) {
            int[] s = SCORES.computeIfAbsent(key, k -> new int[5]);
            s[0] += expected.cellsRight(readingOrder);
            s[1] += flagged;
            s[2] += silent.size();
            s[3] += expected.cellCount();
            s[4] += flaggedBlanks(expected, readingOrder);
        }
        assertTrue(silent.isEmpty(), source + " " + name + ", pdftotext in reading order: numbers wrong or lost without "
                + "an UNREADABLE_TABLE finding:\n" + String.join("\n", silent));

        if (source != Source.CORPUS && source != Source.CHROMIUM_HTML && source != Source.SOFFICE_DOCX) {
            return; // -layout of a page this narrow, or with its zeros restyled, is not the point here
        }
        Report layout = reader.read(pdftotext(pdf, true)).report();
        if (source == Source.CORPUS) {
            List<String> wrong = expected.differences(layout).stream().filter(ReadingOrderTextTest::isCell).toList();
            assertEquals(List.of(), wrong, name + ", pdftotext -layout reads every cell");
            // The same with its page numbers (-3-) printed "- 3 -" or "3": inside a table split by the page break
            // they are no line of values.
            String text = new String(pdftotext(pdf, true), java.nio.charset.StandardCharsets.UTF_8);
            for (String folio : List.of("$1- $2 -", "$1$2")) {
                String restyled = text.replaceAll("(?m)^(\\s*)-(\\d+)-\\s*$", folio);
                assertTrue(!restyled.equals(text), "the corpus PDF prints page numbers");
                Report paged = reader.read(restyled.getBytes(java.nio.charset.StandardCharsets.UTF_8)).report();
                assertEquals(List.of(), expected.differences(paged).stream().filter(ReadingOrderTextTest::isCell).toList(),
                        name + ", pdftotext -layout with page numbers printed as " + folio);
            }
        } else {
            List<String> wrong = new ArrayList<>();
            silentProblems(expected, layout, wrong);
            assertEquals(List.of(), wrong, source + " " + name + ", pdftotext -layout: no number wrong or lost without "
                    + "an UNREADABLE_TABLE finding");
        }
    }

    static Stream<Arguments> rawPdfs() throws Exception {
        return pdfs().filter(a -> a.get()[0] == Source.CHROMIUM_HTML || a.get()[0] == Source.SOFFICE_DOCX
                || a.get()[0] == Source.CORPUS);
    }

    /**
     * The same PDFs through {@code pdftotext -raw} (the content stream's order: a row's cells mostly on its label's
     * line, labels that wrap a word per line, cut by their values): every cell read right or named by UNREADABLE_TABLE.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rawPdfs")
    void rawTextIsReadRightOrSaidUnreadable(Source source, String name) throws Exception {
        assumeTrue(Files.isExecutable(PDFTOTEXT), "pdftotext (apt-get install poppler-utils) absent: skipped");
        Path pdf = pdf(source, name);
        assumeTrue(pdf != null && Files.isRegularFile(pdf), "no PDF for " + source + " " + name + " (tool or corpus absent): skipped");
        ExpectedReport expected = source == Source.CORPUS ? ExpectedReport.load(ExpectedReport.CORPUS, name)
                : BlankCellVariantsTest.expectedWithZerosAs(name, "0");
        Report raw = new ReportReader(null, 500).read(pdftotext(pdf, "-raw")).report();
        List<String> silent = new ArrayList<>();
        int flagged = silentProblems(expected, raw, silent);
        String key = "-raw " + source + (source == Source.CORPUS ? " " + name : "");
        synchronized (SCORES) {
            int[] s = SCORES.computeIfAbsent(key, k -> new int[5]);
            s[0] += expected.cellsRight(raw);
            s[1] += flagged;
            s[2] += silent.size();
            s[3] += expected.cellCount();
            s[4] += flaggedBlanks(expected, raw);
        }
        assertTrue(silent.isEmpty(), source + " " + name + ", pdftotext -raw: numbers wrong or lost without "
                + "an UNREADABLE_TABLE finding:\n" + String.join("\n", silent));
    }

    /**
     * Adds to {@code silent} each cell read wrong, or read blank where a number is printed without an UNREADABLE_TABLE
     * finding naming it; answers how many were read blank with that finding.
     */
    private static int silentProblems(ExpectedReport expected, Report report, List<String> silent) {
        int flagged = 0;
        for (String d : expected.differences(report)) {
            if (!isCell(d)) {
                continue;
            }
            String path = d.substring(0, d.indexOf(':'));
            if (d.endsWith(" got null") && declaredUnreadable(report, path)) {
                flagged++;
            } else {
                silent.add(d);
            }
        }
        return flagged;
    }

    /**
     * The cells printed blank or with a no-value mark (expected null) that were not read but named by UNREADABLE_TABLE:
     * counted right by {@link ExpectedReport#cellsRight}, though nothing placed them.
     */
    private static int flaggedBlanks(ExpectedReport expected, Report report) {
        int n = 0;
        for (String table : List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS)) {
            for (var row : expected.report().get(table).properties()) {
                for (var cell : row.getValue().properties()) {
                    if (cell.getValue().isNull() && declaredUnreadable(report, table + "." + row.getKey() + "." + cell.getKey())) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static boolean isCell(String difference) {
        return difference.contains(": expected") && (difference.startsWith(Report.ACTIVE_DISCLOSURE + ".")
                || difference.startsWith(Report.APPLICATIONS + ".") || difference.startsWith(Report.REVIEWS_AND_LAWSUITS + "."));
    }

    /** Whether an UNREADABLE_TABLE finding names the cell, its row or its table. */
    private static boolean declaredUnreadable(Report report, String path) {
        for (Finding f : report.extractionFindings()) {
            if (f.code().equals("UNREADABLE_TABLE")
                    && f.paths().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."))) {
                return true;
            }
        }
        return false;
    }

    @AfterAll
    static void printScores() {
        if (SCORES.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("\npdftotext in reading order: cells right | blank with UNREADABLE_TABLE | wrong or lost "
                + "silently | of the cells right, blank or marked cells left unread (UNREADABLE_TABLE)\n");
        SCORES.forEach((k, s) -> b.append(String.format("  %-40s %4d/%-4d %.4f | %4d | %d | %d%n", k, s[0], s[3],
                s[0] / (double) s[3], s[1], s[2], s[4])));
        System.out.println(b);
    }

    private static byte[] pdftotext(Path pdf, boolean layout) throws Exception {
        return pdftotext(pdf, layout ? "-layout" : null);
    }

    /** The PDF's text through pdftotext with {@code mode} ("-layout", "-raw"), or in reading order where null. */
    private static byte[] pdftotext(Path pdf, String mode) throws Exception {
        Path out = DIR.resolve("text").resolve(pdf.getParent().getFileName() + "-" + pdf.getFileName()
                + (mode == null ? "" : "." + mode.substring(1)) + ".txt");
        Files.createDirectories(out.getParent());
        List<String> cmd = new ArrayList<>(List.of(PDFTOTEXT.toString(), "-enc", "UTF-8"));
        if (mode != null) {
            cmd.add(mode);
        }
        cmd.addAll(List.of(pdf.toString(), out.toString()));
        run(cmd);
        return Files.readAllBytes(out);
    }

    private static Path pdf(Source source, String name) throws Exception {
        return switch (source) {
            case CORPUS -> ExpectedReport.CORPUS.resolve(name + ".pdf");
            case CHROMIUM_HTML -> {
                renderAll();
                yield DIR.resolve("chromium").resolve(name + ".pdf");
            }
            case SOFFICE_DOCX -> {
                renderAll();
                yield DIR.resolve("soffice").resolve(name + ".pdf");
            }
            case CHROMIUM_NARROW -> {
                renderAll();
                yield DIR.resolve("chromium-narrow").resolve(name + ".pdf");
            }
            case CHROMIUM_SLASH, CHROMIUM_NONE, CHROMIUM_BLANK, SOFFICE_DASH -> {
                renderAll();
                yield DIR.resolve(source.name().toLowerCase(java.util.Locale.ROOT)).resolve(name + ".pdf");
            }
        };
    }

    /** Each seed as a web page printed by Chromium and as a Word file exported by LibreOffice (once for all). */
    private static synchronized void renderAll() throws Exception {
        if (rendered) {
            return;
        }
        rendered = true;
        Path sources = Files.createDirectories(DIR.resolve("sources"));
        List<Path> docx = new ArrayList<>();
        List<Path> dashed = new ArrayList<>();
        Path chromium = Files.createDirectories(DIR.resolve("chromium"));
        Path narrow = Files.createDirectories(DIR.resolve("chromium-narrow"));
        for (String seed : RenderingsTest.seeds().toList()) {
            RenderedReport doc = RenderingsTest.rendered(seed);
            Path page = sources.resolve(seed + ".html");
            Files.write(page, HtmlRenderer.render(doc, StandardCharsets.UTF_8, new HtmlRenderer.Style("", false)));
            Path word = sources.resolve(seed + ".docx");
            Files.write(word, DocxRenderer.render(doc));
            docx.add(word);
            Path narrowPage = sources.resolve(seed + "-narrow.html");
            Files.write(narrowPage, HtmlRenderer.render(doc, StandardCharsets.UTF_8, new HtmlRenderer.Style(NARROW_CSS, false)));
            if (Files.isExecutable(CHROMIUM)) {
                printToPdf(page, chromium.resolve(seed + ".pdf"));
                printToPdf(narrowPage, narrow.resolve(seed + ".pdf"));
            }
            for (Source zeros : List.of(Source.CHROMIUM_SLASH, Source.CHROMIUM_NONE, Source.CHROMIUM_BLANK, Source.SOFFICE_DASH)) {
                RenderedReport restyled = BlankCellVariantsTest.withZerosAs(doc, zeros.zeros);
                String dir = zeros.name().toLowerCase(java.util.Locale.ROOT);
                Path variants = Files.createDirectories(sources.resolve(dir));
                if (zeros == Source.SOFFICE_DASH) {
                    Path restyledWord = variants.resolve(seed + ".docx");
                    Files.write(restyledWord, DocxRenderer.render(restyled));
                    dashed.add(restyledWord);
                } else if (Files.isExecutable(CHROMIUM)) {
                    Path restyledPage = variants.resolve(seed + ".html");
                    Files.write(restyledPage, HtmlRenderer.render(restyled, StandardCharsets.UTF_8, new HtmlRenderer.Style("", false)));
                    printToPdf(restyledPage, Files.createDirectories(DIR.resolve(dir)).resolve(seed + ".pdf"));
                }
            }
        }
        if (LibreOffice.installed()) {
            LibreOffice.convert(DIR.resolve("soffice-profile"), docx, "pdf", null, Files.createDirectories(DIR.resolve("soffice")));
            LibreOffice.convert(DIR.resolve("soffice-profile"), dashed, "pdf", null, Files.createDirectories(DIR.resolve("soffice_dash")));
        }
    }

    private static void printToPdf(Path page, Path pdf) throws Exception {
        run(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + DIR.resolve("chromium-profile"),
                "--print-to-pdf=" + pdf, page.toUri().toString()));
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }
}
