package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.PageVariants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kinds of real-world input the other matrices do not make, each built from the seeds' web pages by a jsoup rewrite
 * and, for the PDF kinds, printed by headless Chromium (and post-processed with PDFBox where a print driver would):
 * old CMS tables whose borders are the page showing through cell spacing ({@code bgcolor} + {@code cellspacing}),
 * separate (double) borders, dashed and dotted borders, tiny fonts, two pages printed per sheet, header rows
 * repeated inside a table, sections printed without their numbers, the tables moved to an appendix after section
 * 六, and tables published as images. Every rendition must read every cell back, or leave the cells it cannot read
 * {@code null} with a finding: a wrong value never passes. Figures per rendition are printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WildVariantsTest {

    private static final Path DIR = Path.of("target", "wild-variants").toAbsolutePath();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** A web-page rewrite, read as the page itself and/or as Chromium prints it. */
    /**
     * {@code flagsOnly}: the cells need not all be read, but none may be wrong, and (but for two-up, a known limit)
     * those not read must be named by a finding.
     */
    record Kind(String name, UnaryOperator<Document> rewrite, boolean html, boolean pdf, boolean flagsOnly, boolean docx) {
        Kind(String name, UnaryOperator<Document> rewrite, boolean html, boolean pdf, boolean flagsOnly) {
            this(name, rewrite, html, pdf, flagsOnly, false);
        }
    }

    static List<Kind> kinds() {
        return List.of(
                new Kind("bgcolor-cellspacing", WildVariantsTest::bgcolorBorders, true, true, false),
                new Kind("separate-borders", d -> css(d, "table.t1,table.t2,table.t3{border-collapse:separate;border-spacing:2px}"), false, true, false),
                new Kind("dashed-borders", d -> css(d, "td{border:1px dashed #000}"), false, true, false),
                new Kind("dotted-borders", d -> css(d, "td{border:1px dotted #000}"), false, true, false),
                // 6px figures: one row of seed 001 comes out in more columns than it has, flagged (known limit)
                new Kind("tiny-font", d -> css(d, "table.t1 td,table.t2 td,table.t3 td{font-size:6px}"), false, true, true),
                new Kind("header-repeated", WildVariantsTest::headerRepeated, true, true, false),
                new Kind("no-section-numbers", WildVariantsTest::noSectionNumbers, true, true, false),
                new Kind("tables-in-appendix", WildVariantsTest::appendix, true, true, false, true),
                // the page as it is (data tables inside the page's one-cell frame), saved as Word by an office suite
                new Kind("page-saved-as-word", d -> d, false, false, false, true),
                new Kind("tables-as-images", WildVariantsTest::images, true, false, true, true),
                new Kind("vertical-labels", d -> css(d, "td[rowspan]{writing-mode:vertical-rl}"), false, true, false),
                // Known limit (docs/known-limits.md): measured, held to "no wrong value" only.
                new Kind("two-up", d -> d, false, true, true));
    }

    private final ReportReader reader = new ReportReader(null, 500);
    private final Map<String, int[]> figures = new TreeMap<>();
    private boolean written;

    static Stream<Arguments> renditions() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String seed : RenderingsTest.seeds().toList()) {
            for (Kind k : kinds()) {
                if (k.html()) {
                    out.add(Arguments.of(seed, k.name() + ".html"));
                }
                if (k.pdf()) {
                    out.add(Arguments.of(seed, k.name() + ".pdf"));
                }
                if (k.docx()) {
                    out.add(Arguments.of(seed, k.name() + ".docx"));
                    out.add(Arguments.of(seed, k.name() + ".doc"));
                }
            }
        }
        return out.stream();
    }

    private synchronized void writeAll() throws Exception {
        if (written) {
            return;
        }
        written = true;
        Files.createDirectories(DIR);
        for (String seed : RenderingsTest.seeds().toList()) {
            byte[] page = HtmlRenderer.render(RenderingsTest.rendered(seed), StandardCharsets.UTF_8);
            for (Kind k : kinds()) {
                Document d = k.rewrite().apply(PageVariants.parse(page));
                Path html = DIR.resolve(seed + "-" + k.name() + ".html");
                Files.writeString(html, d.outerHtml());
                if (k.docx()) {
                    Files.createDirectories(DIR.resolve("to-docx"));
                    Files.writeString(DIR.resolve("to-docx").resolve(seed + "-" + k.name() + ".html"), d.outerHtml());
                }
                if (k.pdf() && Files.isExecutable(CHROMIUM)) {
                    Path pdf = DIR.resolve(seed + "-" + k.name() + ".pdf");
                    run(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                            "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer",
                            "--user-data-dir=" + DIR.resolve("chromium-profile"), "--print-to-pdf=" + pdf, html.toUri().toString()));
                    if (k.name().equals("two-up") && Files.exists(pdf)) {
                        Files.write(pdf, twoUp(Files.readAllBytes(pdf)));
                    }
                }
            }
        }
        if (LibreOffice.installed() && Files.isDirectory(DIR.resolve("to-docx"))) {
            // A CMS page saved as a Word file, as LibreOffice (and Word) open and save it.
            LibreOffice.convertFolder(DIR.resolve("soffice-profile"), DIR.resolve("to-docx"), "docx:MS Word 2007 XML",
                    "HTML (StarWriter)", DIR);
            LibreOffice.convertFolder(DIR.resolve("soffice-profile"), DIR.resolve("to-docx"), "doc:MS Word 97",
                    "HTML (StarWriter)", DIR);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renditions")
    void readsEveryCellOrFlagsIt(String seed, String rendition) throws Exception {
        writeAll();
        Path file = DIR.resolve(seed + "-" + rendition);
        assumeTrue(Files.exists(file), "not made (chromium absent?): " + file);
        ExpectedReport expected = ExpectedReport.load(ExpectedReport.SAMPLES, seed);
        Report report = reader.read(Files.readAllBytes(file)).report();
        List<String> diffs = expected.differences(report);
        List<String> wrongValues = new ArrayList<>();
        int nulls = 0;
        for (String d : diffs) {
            boolean cell = d.startsWith(Report.ACTIVE_DISCLOSURE + ".") || d.startsWith(Report.APPLICATIONS + ".")
                    || d.startsWith(Report.REVIEWS_AND_LAWSUITS + ".");
            if (cell && d.contains(": expected") && d.endsWith("got null")) {
                nulls++;
            } else if (cell && d.contains(": expected")) {
                wrongValues.add(d);
            }
        }
        boolean flagged = report.extractionFindings().stream().map(Finding::code)
                .anyMatch(c -> c.equals("UNREADABLE_TABLE") || c.equals("TABLE_NOT_FOUND") || c.equals("MISSING_VALUE"));
        synchronized (figures) {
            int[] f = figures.computeIfAbsent(rendition, k -> new int[4]);
            f[0] += expected.cellsRight(report);
            f[1] += expected.cellCount();
            f[2] += wrongValues.size();
            f[3] += nulls;
        }
        System.out.println(seed + " " + rendition + ": " + diffs.size() + " differences, findings "
                + report.extractionFindings().stream().map(Finding::code).toList() + "\n  " + String.join("\n  ", diffs.stream().limit(12).toList()));
        assertTrue(wrongValues.isEmpty(), seed + " " + rendition + " reads wrong values:\n" + String.join("\n", wrongValues));
        assertTrue(nulls == 0 || flagged || rendition.startsWith("two-up."), seed + " " + rendition + ": " + nulls
                + " cells null without a finding");
        if (!kinds().stream().filter(k -> rendition.startsWith(k.name() + ".")).findFirst().orElseThrow().flagsOnly()) {
            assertTrue(diffs.isEmpty(), seed + " " + rendition + " differs:\n" + String.join("\n", diffs));
        }
    }

    @AfterAll
    void print() {
        System.out.println("rendition: cells right / cells, wrong values, null cells");
        figures.forEach((k, f) -> System.out.printf("  %-32s %5d/%5d  wrong %d  null %d%n", k, f[0], f[1], f[2], f[3]));
    }

    // ---- the rewrites ----

    private static List<Element> dataTables(Document d) {
        return new ArrayList<>(d.select("table.t1, table.t2, table.t3"));
    }

    static Document css(Document d, String css) {
        d.head().appendElement("style").appendText(css);
        return d;
    }

    /** Borders as old CMS editors draw them: a dark table background showing through 1px cell spacing. */
    static Document bgcolorBorders(Document d) {
        d.select("style").forEach(s -> s.html(s.html().replace("td{border:1px solid #000}", "")));
        for (Element t : dataTables(d)) {
            t.attr("border", "0").attr("cellspacing", "1").attr("cellpadding", "2").attr("bgcolor", "#000000");
            t.select("td").forEach(td -> td.attr("bgcolor", "#ffffff"));
        }
        return d;
    }

    /** Table 三's header rows printed again before its row 三 (a header pasted from a PDF's page break). */
    static Document headerRepeated(Document d) {
        Element t = d.selectFirst("table.t2");
        List<Element> rows = new ArrayList<>(t.select("tr"));
        String span = rows.get(0).child(0).attr("rowspan");
        int head = span.isEmpty() ? 1 : Integer.parseInt(span);
        Element before = rows.stream().filter(r -> r.child(0).text().startsWith("三、")).findFirst().orElseThrow();
        for (int i = 0; i < head; i++) {
            before.before(rows.get(i).clone());
        }
        return d;
    }

    /** Headings printed without 一、/（一）: only the words. */
    static Document noSectionNumbers(Document d) {
        for (Element p : d.select("p")) {
            String t = p.text();
            String stripped = t.replaceFirst("^[一二三四五六七八九十]+、", "").replaceFirst("^（[一二三四五六七八九十]+）", "");
            if (!stripped.equals(t) && stripped.length() < 30) {
                p.text(stripped);
            }
        }
        return d;
    }

    /** The three tables after section 六, under 附件 with a caption each; the sections say 详见附表. */
    static Document appendix(Document d) {
        List<Element> tables = dataTables(d);
        Element last = d.select("p").last();
        Element anchor = last;
        Element heading = new Element("p").text("附件：政府信息公开工作年度报告统计表");
        anchor.after(heading);
        anchor = heading;
        int n = 0;
        for (Element t : tables) {
            n++;
            t.before(new Element("p").text("具体情况详见附表" + n + "。"));
            Element caption = new Element("p").text("附表" + n);
            anchor.after(caption);
            caption.after(t.clone());
            anchor = caption.nextElementSibling();
            t.remove();
        }
        return d;
    }

    /** Each table published as a picture of it (as many sites do): the page holds an img, not the numbers. */
    static Document images(Document d) {
        int n = 0;
        for (Element t : dataTables(d)) {
            n++;
            t.replaceWith(new Element("p").attr("style", "text-align:center").appendChild(
                    new Element("img").attr("src", "/u/cms/www/2024/table" + n + ".png").attr("width", "600")));
        }
        return d;
    }

    /** Two pages side by side on one landscape sheet, each scaled down (a print driver's "2 pages per sheet"). */
    static byte[] twoUp(byte[] pdf) throws IOException {
        try (PDDocument src = Loader.loadPDF(pdf); PDDocument out = new PDDocument()) {
            LayerUtility layers = new LayerUtility(out);
            PDRectangle sheet = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            for (int i = 0; i < src.getNumberOfPages(); i += 2) {
                PDPage page = new PDPage(sheet);
                out.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                    for (int j = 0; j < 2 && i + j < src.getNumberOfPages(); j++) {
                        PDRectangle box = src.getPage(i + j).getMediaBox();
                        float scale = Math.min(sheet.getWidth() / 2 / box.getWidth(), sheet.getHeight() / box.getHeight());
                        PDFormXObject form = layers.importPageAsForm(src, i + j);
                        cs.saveGraphicsState();
                        cs.transform(new Matrix(scale, 0, 0, scale, j * sheet.getWidth() / 2, (sheet.getHeight() - box.getHeight() * scale) / 2));
                        cs.drawForm(form);
                        cs.restoreGraphicsState();
                    }
                }
            }
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            out.save(b);
            return b.toByteArray();
        }
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }
}
