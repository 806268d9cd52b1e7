package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.reader.formats.render.OfficialLayoutFiller;
import io.gongkai.reader.formats.render.OfficialLayoutFiller.Filled;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official Word layout (the State Council's 2021 format as a Word file, read from ../shared/domain-reports: it
 * may not be committed) filled in from seeds the way agencies fill it (numbers consistent with the identities but for
 * planted errors, zeros written "0" or left blank), saved by Apache POI, and converted by LibreOffice as publishers
 * do: exported to PDF, saved as DOC, as HTML and again as DOCX. Every rendition must read back every cell (blank
 * ones as null), and no printed number may come out blank (a false MISSING_VALUE) or a table unreadable. Prints per
 * format cells right, planted errors kept (the cells the arithmetic findings rest on read as printed) and the
 * extractor's false findings. Also writes each rendition with a score.py expectation to
 * target/official-layout/corpus, to score the findings on the running system (docs/formats.md).
 * Skipped, saying why, where the layout or soffice is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialLayoutTest {

    static final Path TEMPLATE = Path.of("..", "..", "shared", "domain-reports", "template_govnianbao_政务公开年报模版.docx");
    private static final Path DIR = Path.of("target", "official-layout").toAbsolutePath();
    static final int SEEDS = 24;

    /** A rendition: where it comes from, its directory and file extension, the type it must be detected as. */
    enum Rendition {
        POI_DOCX("docx", DocumentType.DOCX, null),
        LIBREOFFICE_PDF("pdf", DocumentType.PDF, "pdf"),
        /** The same PDF with every page stored turned (/Rotate 90, content drawn sideways), as some printer drivers store landscape pages. */
        ROTATED_PDF("pdf", DocumentType.PDF, null),
        LIBREOFFICE_DOC("doc", DocumentType.DOC, "doc:MS Word 97"),
        LIBREOFFICE_HTML("html", DocumentType.HTML, "html:HTML (StarWriter)"),
        LIBREOFFICE_DOCX("docx", DocumentType.DOCX, "docx:MS Word 2007 XML");

        final String extension;
        final DocumentType type;
        final String filter;

        Rendition(String extension, DocumentType type, String filter) {
            this.extension = extension;
            this.type = type;
            this.filter = filter;
        }

        Path file(int seed) {
            return DIR.resolve(name().toLowerCase()).resolve(OfficialLayoutTest.name(seed) + "." + extension);
        }
    }

    private final ReportReader reader = new ReportReader(null, 500);
    private final Map<Integer, Filled> filled = new TreeMap<>();
    private static final Map<Rendition, int[]> SCORES = new TreeMap<>();

    static String name(int seed) {
        return String.format("official-%02d", seed);
    }

    @BeforeAll
    void fillAndConvert() throws IOException, InterruptedException {
        // One skip for the class, not one per rendition and seed.
        assumeTrue(Files.isRegularFile(TEMPLATE), "the official layout is not at " + TEMPLATE.toAbsolutePath() + ": skipped");
        Path poi = Files.createDirectories(DIR.resolve(Rendition.POI_DOCX.name().toLowerCase()));
        List<Path> words = new ArrayList<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            Filled f = OfficialLayoutFiller.fill(TEMPLATE, seed);
            filled.put(seed, f);
            Path word = poi.resolve(name(seed) + ".docx");
            // POI stamps the time into the zip: the file is rewritten (and converted again) only when its text changed.
            if (!Files.exists(word) || !java.util.Arrays.equals(documentXml(Files.readAllBytes(word)), documentXml(f.docx()))) {
                Files.write(word, f.docx());
            }
            words.add(word);
        }
        if (!LibreOffice.installed()) {
            return;
        }
        for (Rendition r : Rendition.values()) {
            if (r.filter != null) {
                // Only what changed since the last run is converted again (soffice takes seconds a file).
                List<Path> stale = new ArrayList<>();
                for (int seed = 0; seed < SEEDS; seed++) {
                    Path out = r.file(seed);
                    if (!Files.exists(out) || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(words.get(seed))) < 0) {
                        stale.add(words.get(seed));
                    }
                }
                if (!stale.isEmpty()) {
                    soffice(stale, r.filter, Files.createDirectories(DIR.resolve(r.name().toLowerCase())));
                }
            }
        }
        Files.createDirectories(DIR.resolve(Rendition.ROTATED_PDF.name().toLowerCase()));
        for (int seed = 0; seed < SEEDS; seed++) {
            Path pdf = Rendition.LIBREOFFICE_PDF.file(seed);
            if (Files.isRegularFile(pdf)) {
                Files.write(Rendition.ROTATED_PDF.file(seed), rotated(Files.readAllBytes(pdf)));
            }
        }
    }

    private static byte[] documentXml(byte[] docx) throws IOException {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return zip.readAllBytes();
                }
            }
        }
        return new byte[0];
    }

    private static void soffice(List<Path> files, String to, Path out) throws IOException, InterruptedException {
        LibreOffice.convert(DIR.resolve("profile"), files, to, null, out);
    }

    static Stream<Arguments> renditions() {
        List<Arguments> out = new ArrayList<>();
        for (Rendition r : Rendition.values()) {
            for (int seed = 0; seed < SEEDS; seed++) {
                out.add(Arguments.of(r, seed));
            }
        }
        return out.stream();
    }

    /** Each page of the PDF stored turned: its box swapped, its content drawn rotated and /Rotate 90 turning it back. */
    private static byte[] rotated(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                org.apache.pdfbox.pdmodel.common.PDRectangle box = page.getMediaBox();
                float w = box.getWidth();
                float h = box.getHeight();
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page,
                        org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.PREPEND, false)) {
                    content.transform(new org.apache.pdfbox.util.Matrix(0, 1, -1, 0, h, 0));
                }
                page.setMediaBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(h, w));
                page.setCropBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(h, w));
                page.setRotation(90);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("renditions")
    void everyCellReadsBack(Rendition rendition, int seed) throws IOException {
        assumeTrue(Files.isRegularFile(TEMPLATE), "the official layout is not at " + TEMPLATE.toAbsolutePath() + ": skipped");
        assumeTrue(rendition == Rendition.POI_DOCX || LibreOffice.installed(),
                "LibreOffice (apt-get install libreoffice-writer-nogui) is absent: skipped");
        Filled f = filled.get(seed);
        Path file = rendition.file(seed);
        assertTrue(Files.isRegularFile(file), "LibreOffice wrote " + file);
        byte[] bytes = Files.readAllBytes(file);
        ReportReader.Result read = reader.read(bytes);
        assertEquals(rendition.type, read.type(), file + ": detected type");
        Report report = read.report();
        if (rendition.type == DocumentType.PDF) {
            // The text the parser was given, for a look when a cell differs.
            Path text = Files.createDirectories(DIR.resolve("text")).resolve(name(seed) + ".txt");
            Files.writeString(text, new PdfTextReader(null, 500).read(bytes).text());
        }

        ExpectedReport expected = new ExpectedReport(name(seed), expectedReport(f));
        List<String> wrong = new ArrayList<>();
        for (String d : expected.differences(report)) {
            if (d.startsWith(Report.ACTIVE_DISCLOSURE) || d.startsWith(Report.APPLICATIONS) || d.startsWith(Report.REVIEWS_AND_LAWSUITS)) {
                wrong.add(d);
            } else {
                System.out.println(name(seed) + " " + rendition + ": metadata " + d);
            }
        }
        int falseBlanks = 0;
        int errorCellsKept = 0;
        int errorCells = 0;
        for (Map.Entry<String, String> cell : f.printed().entrySet()) {
            BigDecimal want = f.expected(cell.getKey());
            BigDecimal got = report.cells().get(cell.getKey());
            if (want != null && got == null) {
                falseBlanks++;
            }
        }
        for (String path : errorPaths(f)) {
            errorCells++;
            BigDecimal got = report.cells().get(path);
            BigDecimal want = f.expected(path);
            if (want == null ? got == null : got != null && want.compareTo(got) == 0) {
                errorCellsKept++;
            }
        }
        long unreadable = report.extractionFindings().stream().map(Finding::code).filter("UNREADABLE_TABLE"::equals).count();
        synchronized (SCORES) {
            int[] s = SCORES.computeIfAbsent(rendition, k -> new int[7]);
            s[0] += expected.cellsRight(report);
            s[1] += expected.cellCount();
            s[2] += errorCellsKept;
            s[3] += errorCells;
            s[4] += falseBlanks;
            s[5] += (int) unreadable;
            s[6]++;
        }
        writeCorpus(rendition, seed, f, bytes);
        ExpectedReport.writeResult(DIR.resolve("results").resolve(rendition.name().toLowerCase()), name(seed), report);
        assertTrue(wrong.isEmpty(), file + " (" + f.zeros() + ", " + f.error() + ", landscape 四 " + f.landscapeReviews() + ", running head " + f.runningHead() + ", "
                + f.paragraphs() + " more paragraphs) differs:\n" + String.join("\n", wrong));
        assertEquals(0, unreadable, file + ": " + report.extractionFindings());
    }

    /** The cells a planted error's finding rests on. */
    private static List<String> errorPaths(Filled f) {
        return switch (f.error()) {
            case NONE -> List.of();
            case ROW_TOTAL -> List.of("applications.granted.total", "applications.totalHandled.total");
            case BALANCE -> List.of("applications.newReceived.naturalPerson", "applications.newReceived.total");
            case REVIEW_TOTAL -> List.of("reviewsAndLawsuits.review.total");
        };
    }

    @AfterAll
    static void printScores() {
        if (SCORES.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("\nOfficial Word layout, " + SEEDS + " seeds filled in and converted"
                + " (cells right | cells of planted errors kept | printed numbers read blank | UNREADABLE_TABLE):\n");
        SCORES.forEach((r, s) -> b.append(String.format("  %-18s %2d docs  cells %4d/%-4d %.4f | errors %2d/%-2d | false blanks %3d"
                + " | unreadable %d%n", r, s[6], s[0], s[1], s[0] / (double) s[1], s[2], s[3], s[4], s[5])));
        System.out.println(b);
    }

    /** The filled report's expectations in the report model's JSON (metadata as the title and narrative say). */
    static ObjectNode expectedReport(Filled f) {
        ObjectNode report = ExpectedReport.JSON.createObjectNode();
        report.put("agency", f.agency());
        report.put("administrativeLevel", f.agency().contains("县") || f.agency().contains("区") ? "county" : "city");
        report.put("year", f.year());
        report.putNull("publishedOn");
        report.put("templateVersion", "2021");
        for (String path : f.printed().keySet()) {
            String[] p = path.split("\\.");
            ObjectNode table = report.has(p[0]) ? (ObjectNode) report.get(p[0]) : report.putObject(p[0]);
            ObjectNode row = table.has(p[1]) ? (ObjectNode) table.get(p[1]) : table.putObject(p[1]);
            BigDecimal v = f.expected(path);
            if (v == null) {
                row.putNull(p[2]);
            } else {
                row.put(p[2], v);
            }
        }
        return report;
    }

    /** The rendition and its expectations as score.py reads them: the planted error required, blanks allowed. */
    private static void writeCorpus(Rendition r, int seed, Filled f, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(DIR.resolve("corpus"));
        String name = name(seed) + "-" + r.name().toLowerCase();
        Files.write(dir.resolve(name + "." + r.extension), bytes);
        ObjectNode doc = ExpectedReport.JSON.createObjectNode();
        doc.set("report", expectedReport(f));
        ObjectNode findings = doc.putObject("findings");
        ArrayNode required = findings.putArray("required");
        if (f.error().code != null) {
            required.addObject().put("code", f.error().code).put("path", errorPaths(f).get(0)).put("why", "planted " + f.error());
        }
        ArrayNode allowed = findings.putArray("allowed");
        if (f.hasBlanks()) {
            allowed.addObject().put("code", "MISSING_VALUE").put("why", "zeros left blank");
        }
        if (f.error() == OfficialLayoutFiller.PlantedError.ROW_TOTAL) {
            allowed.addObject().put("code", "APPLICATIONS_TOTAL_ROW").put("why", "the 总计 column's （七）总计 misses the planted excess");
        }
        if (f.error() == OfficialLayoutFiller.PlantedError.BALANCE) {
            allowed.addObject().put("code", "APPLICATIONS_BALANCE").put("why", "the 总计 column's 本年新收 carries the planted excess too");
        }
        ExpectedReport.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(name + ".expected.json").toFile(), doc);
    }
}
