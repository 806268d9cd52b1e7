package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.model.Finding;
import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.OfficialLayoutFiller;
import io.gongkai.reader.formats.render.WordVariants;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reports through converters the other tests do not use, read back with the real reader:
 * <ul>
 * <li>pandoc: each Word file to Markdown in each of its table styles (pipe, grid {@code +---+}, simple, multiline;
 * tables with merged cells it writes as HTML blocks), to GitHub Markdown, to HTML and to plain text ({@code -t plain}:
 * tables as aligned text, a table with merged cells left out as {@code [TABLE]}); each web page to Word;</li>
 * <li>poppler's pdftohtml: the PDF LibreOffice exports from the Word file (and, for the project's seeds, Chromium's
 * print of the web page) as HTML of absolutely positioned text ({@code -s -i -noframes}) and as its XML
 * ({@code -xml});</li>
 * <li>Word files as older tools and other suites write them, made by editing the WordprocessingML: merged cells
 * as legacy horizontal merges ({@code w:hMerge}), the report imported as an HTML chunk ({@code w:altChunk}), Word
 * 2003 XML ({@code w:wordDocument}) and flat OPC XML ({@code pkg:package}).</li>
 * </ul>
 * Sources: the project's five seeds and, where the official layout is at hand, eight of {@link OfficialLayoutTest}'s
 * filled-in seeds (zeros written, blank, "/", "—", "无"). Renditions the reader claims must read every cell and
 * metadata value; pandoc's plain text and pdftohtml's output must read every cell right or leave it null under an
 * UNREADABLE_TABLE finding: never a wrong number. Prints cells right and cells flagged per rendition. Skipped,
 * saying why, where pandoc, pdftohtml or soffice is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConverterMatrixTest {

    private static final Path DIR = Path.of("target", "converter-matrix").toAbsolutePath();
    private static final Path PANDOC = Path.of("/usr/bin/pandoc");
    private static final Path PDFTOHTML = Path.of("/usr/bin/pdftohtml");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Official-layout seeds read ({@code -Dconverter.officialSeeds=24} for all of them). */
    private static final int OFFICIAL_SEEDS = Integer.getInteger("converter.officialSeeds", 8);
    /** Only this rendition ({@code -Dconverter.only=LIBREOFFICE_WORD_2003_XML}), rendering only what it needs; else all. */
    private static final String ONLY = System.getProperty("converter.only");
    private static final String TABLE_STYLES = "pipe_tables,grid_tables,simple_tables,multiline_tables";

    /** A rendition: its file name, the type it must be detected as, whether every cell must read (else right or flagged). */
    enum Rendition {
        PANDOC_MD_PIPE("md", DocumentType.MARKDOWN, true, "pipe_tables"),
        PANDOC_MD_GRID("md", DocumentType.MARKDOWN, true, "grid_tables"),
        PANDOC_MD_SIMPLE("md", DocumentType.MARKDOWN, true, "simple_tables"),
        PANDOC_MD_MULTILINE("md", DocumentType.MARKDOWN, true, "multiline_tables"),
        PANDOC_GFM("md", DocumentType.MARKDOWN, true, null),
        PANDOC_DOCX_TO_HTML("html", DocumentType.HTML, true, null),
        PANDOC_HTML_TO_DOCX("docx", DocumentType.DOCX, true, null),
        PANDOC_PLAIN("txt", null, false, null),
        PDFTOHTML_LIBREOFFICE_PDF("html", DocumentType.HTML, false, null),
        PDFTOHTML_XML_LIBREOFFICE_PDF("xml", DocumentType.HTML, false, null),
        PDFTOHTML_CHROMIUM_PDF("html", DocumentType.HTML, false, null),
        PDFTOHTML_XML_CHROMIUM_PDF("xml", DocumentType.HTML, false, null),
        WORD_HMERGE("docx", DocumentType.DOCX, true, null),
        WORD_ALTCHUNK_HTML("docx", DocumentType.DOCX, true, null),
        WORD_2003_XML("xml", DocumentType.DOCX, true, null),
        WORD_FLAT_OPC_XML("xml", DocumentType.DOCX, true, null),
        LIBREOFFICE_HMERGE_TO_DOC("doc", DocumentType.DOC, true, null),
        /** LibreOffice's own "MS Word 2003 XML" export: no vertical merge markers, rows under merged cells short. */
        LIBREOFFICE_WORD_2003_XML("xml", DocumentType.DOCX, true, null);

        final String extension;
        final DocumentType type;
        final boolean claimed;
        final String tableStyle;

        Rendition(String extension, DocumentType type, boolean claimed, String tableStyle) {
            this.extension = extension;
            this.type = type;
            this.claimed = claimed;
            this.tableStyle = tableStyle;
        }

        Path file(String source) {
            return DIR.resolve(name().toLowerCase()).resolve(source + "." + extension);
        }
    }

    private final ReportReader reader = new ReportReader(null, 500);
    private final Map<String, ExpectedReport> expected = new LinkedHashMap<>();
    private static final Map<Rendition, int[]> SCORES = new TreeMap<>();

    static List<String> sources() throws IOException {
        List<String> out = new ArrayList<>(RenderingsTest.seeds().toList());
        if (Files.isRegularFile(OfficialLayoutTest.TEMPLATE)) {
            for (int seed = 0; seed < OFFICIAL_SEEDS; seed++) {
                out.add(OfficialLayoutTest.name(seed));
            }
        }
        return out;
    }

    static Stream<Arguments> renditions() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Rendition r : Rendition.values()) {
            if (ONLY != null && !r.name().equals(ONLY)) {
                continue;
            }
            for (String s : sources()) {
                if (!(s.startsWith("official") && r.name().contains("CHROMIUM"))) {
                    out.add(Arguments.of(r, s));
                }
            }
        }
        return out.stream();
    }

    @BeforeAll
    void render() throws Exception {
        if (Files.exists(DIR)) {
            try (Stream<Path> old = Files.walk(DIR)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path docx = Files.createDirectories(DIR.resolve("docx"));
        Path html = Files.createDirectories(DIR.resolve("html"));
        for (String s : sources()) {
            byte[] word;
            if (s.startsWith("official")) {
                OfficialLayoutFiller.Filled f = OfficialLayoutFiller.fill(OfficialLayoutTest.TEMPLATE, Integer.parseInt(s.substring(9)));
                word = f.docx();
                expected.put(s, new ExpectedReport(s, OfficialLayoutTest.expectedReport(f)));
            } else {
                word = DocxRenderer.render(RenderingsTest.rendered(s));
                Files.write(html.resolve(s + ".html"), HtmlRenderer.render(RenderingsTest.rendered(s), StandardCharsets.UTF_8));
                expected.put(s, ExpectedReport.load(ExpectedReport.SAMPLES, s));
            }
            Files.write(docx.resolve(s + ".docx"), word);
            write(Rendition.WORD_HMERGE, s, WordVariants.apply(word, ConverterMatrixTest::legacyHorizontalMerges));
            write(Rendition.WORD_2003_XML, s, word2003Xml(documentXml(word)));
            write(Rendition.WORD_FLAT_OPC_XML, s, flatOpc(documentXml(word)));
        }
        if (Files.isExecutable(PANDOC) && ONLY == null) {
            for (String s : sources()) {
                Path in = docx.resolve(s + ".docx");
                for (Rendition r : Rendition.values()) {
                    if (r.tableStyle != null) {
                        String others = Stream.of(TABLE_STYLES.split(",")).filter(t -> !t.equals(r.tableStyle))
                                .map(t -> "-" + t).reduce("", String::concat);
                        pandoc(in, "markdown" + others, r.file(s));
                    }
                }
                pandoc(in, "gfm", Rendition.PANDOC_GFM.file(s));
                pandoc(in, "html", Rendition.PANDOC_DOCX_TO_HTML.file(s));
                pandoc(in, "plain", Rendition.PANDOC_PLAIN.file(s));
                // The seeds' own web pages; the official layout's through pandoc's page of it.
                Path page = s.startsWith("official") ? Rendition.PANDOC_DOCX_TO_HTML.file(s) : html.resolve(s + ".html");
                pandoc(page, "docx", Rendition.PANDOC_HTML_TO_DOCX.file(s));
                write(Rendition.WORD_ALTCHUNK_HTML, s, altChunk(Files.readAllBytes(docx.resolve(s + ".docx")), Files.readAllBytes(page)));
            }
        }
        if (LibreOffice.installed()) {
            LibreOffice.convertFolder(DIR.resolve("profile"), docx, "xml:MS Word 2003 XML", null,
                    Files.createDirectories(DIR.resolve(Rendition.LIBREOFFICE_WORD_2003_XML.name().toLowerCase())));
        }
        if (LibreOffice.installed() && ONLY == null) {
            LibreOffice.convertFolder(DIR.resolve("profile"), docx, "pdf", null, Files.createDirectories(DIR.resolve("libreoffice_pdf")));
            Path hmerge = DIR.resolve(Rendition.WORD_HMERGE.name().toLowerCase());
            LibreOffice.convertFolder(DIR.resolve("profile"), hmerge, "doc:MS Word 97", null,
                    Files.createDirectories(DIR.resolve(Rendition.LIBREOFFICE_HMERGE_TO_DOC.name().toLowerCase())));
        }
        if (Files.isExecutable(CHROMIUM) && ONLY == null) {
            Path out = Files.createDirectories(DIR.resolve("chromium_pdf"));
            try (Stream<Path> pages = Files.list(html)) {
                for (Path page : pages.sorted().toList()) {
                    run(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--no-first-run", "--user-data-dir=" + DIR.resolve("chromium-profile"), "--no-pdf-header-footer",
                            "--print-to-pdf=" + out.resolve(page.getFileName().toString().replace(".html", ".pdf")), page.toUri().toString()));
                }
            }
        }
        if (Files.isExecutable(PDFTOHTML) && ONLY == null) {
            for (String s : sources()) {
                pdftohtml(DIR.resolve("libreoffice_pdf").resolve(s + ".pdf"), Rendition.PDFTOHTML_LIBREOFFICE_PDF, Rendition.PDFTOHTML_XML_LIBREOFFICE_PDF, s);
                pdftohtml(DIR.resolve("chromium_pdf").resolve(s + ".pdf"), Rendition.PDFTOHTML_CHROMIUM_PDF, Rendition.PDFTOHTML_XML_CHROMIUM_PDF, s);
            }
        }
    }

    private static void write(Rendition r, String source, byte[] bytes) throws IOException {
        Files.createDirectories(r.file(source).getParent());
        Files.write(r.file(source), bytes);
    }

    private static void pandoc(Path in, String to, Path out) throws Exception {
        Files.createDirectories(out.getParent());
        List<String> cmd = new ArrayList<>(List.of(PANDOC.toString(), in.toString(), "-t", to, "-o", out.toString()));
        if (to.equals("html")) {
            cmd.addAll(List.of("-s", "--metadata", "title=report"));
        }
        run(cmd);
    }

    /** pdftohtml's single HTML page of positioned text, and its XML; each written where the rendition wants it. */
    private static void pdftohtml(Path pdf, Rendition asHtml, Rendition asXml, String source) throws Exception {
        if (!Files.isRegularFile(pdf)) {
            return;
        }
        Path work = Files.createDirectories(DIR.resolve("pdftohtml-work"));
        Path base = work.resolve(source);
        run(List.of(PDFTOHTML.toString(), "-s", "-i", "-noframes", "-q", pdf.toString(), base.toString()));
        run(List.of(PDFTOHTML.toString(), "-xml", "-i", "-q", pdf.toString(), base.toString()));
        if (Files.isRegularFile(work.resolve(source + ".html"))) {
            write(asHtml, source, Files.readAllBytes(work.resolve(source + ".html")));
        }
        if (Files.isRegularFile(work.resolve(source + ".xml"))) {
            write(asXml, source, Files.readAllBytes(work.resolve(source + ".xml")));
        }
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }

    // ---- WordprocessingML edits ---------------------------------------------------------------------------

    /** Every cell spanning columns (gridSpan n) written as older Word does: n cells, the first hMerge restart, the rest continue. */
    static Document legacyHorizontalMerges(Document d) {
        String w = DocxReader.W;
        NodeList spans = d.getElementsByTagNameNS(w, "gridSpan");
        List<Element> all = new ArrayList<>();
        for (int i = 0; i < spans.getLength(); i++) {
            all.add((Element) spans.item(i));
        }
        for (Element span : all) {
            int n = Integer.parseInt(span.getAttributeNS(w, "val"));
            Element tcPr = (Element) span.getParentNode();
            Element cell = (Element) tcPr.getParentNode();
            Element restart = d.createElementNS(w, "w:hMerge");
            restart.setAttributeNS(w, "w:val", "restart");
            tcPr.replaceChild(restart, span);
            for (int k = 1; k < n; k++) {
                Element more = d.createElementNS(w, "w:tc");
                Element pr = d.createElementNS(w, "w:tcPr");
                // A covered cell repeats the vertical merge of the cell it continues.
                NodeList v = tcPr.getElementsByTagNameNS(w, "vMerge");
                if (v.getLength() > 0) {
                    pr.appendChild(v.item(0).cloneNode(true));
                }
                pr.appendChild(d.createElementNS(w, "w:hMerge"));
                more.appendChild(pr);
                more.appendChild(d.createElementNS(w, "w:p"));
                cell.getParentNode().insertBefore(more, cell.getNextSibling());
            }
        }
        return d;
    }

    static byte[] documentXml(byte[] docx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new IOException("no word/document.xml");
    }

    /** The document as Word 2003 XML: the same elements in the 2003 namespace, vMerge spelt vmerge, a wordDocument root. */
    static byte[] word2003Xml(byte[] documentXml) {
        String xml = new String(documentXml, StandardCharsets.UTF_8);
        xml = xml.replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", WordXml.W2003)
                .replace("<w:document", "<?mso-application progid=\"Word.Document\"?><w:wordDocument")
                .replace("</w:document>", "</w:wordDocument>").replace("w:vMerge", "w:vmerge");
        xml = xml.replaceFirst("(<\\?xml[^>]*\\?>)?\\s*", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The document as Word's flat OPC XML: the main part inside a pkg:package. */
    static byte[] flatOpc(byte[] documentXml) {
        String xml = new String(documentXml, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
        return ("<?xml version=\"1.0\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>\n"
                + "<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
                + "<pkg:part pkg:name=\"/word/document.xml\" pkg:contentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"><pkg:xmlData>" + xml + "</pkg:xmlData></pkg:part></pkg:package>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A Word file whose body only imports the web page (w:altChunk), as systems that build DOCX from HTML write it. */
    static byte[] altChunk(byte[] docx, byte[] page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                switch (e.getName()) {
                    case "word/document.xml" -> {
                        // The body's own section properties (its last child) stay; everything before it goes.
                        int body = xml.indexOf("<w:body>") + "<w:body>".length();
                        int sect = xml.lastIndexOf("<w:sectPr");
                        int end = sect > body && xml.indexOf("</w:p>", sect) < 0 ? sect : xml.lastIndexOf("</w:body>");
                        xml = xml.substring(0, body) + "<w:altChunk xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
                                + " r:id=\"rIdChunk1\"/>" + xml.substring(end);
                    }
                    case "word/_rels/document.xml.rels" -> xml = xml.replace("</Relationships>", "<Relationship Id=\"rIdChunk1\""
                            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"afchunk.htm\"/>"
                            + "</Relationships>");
                    case "[Content_Types].xml" -> xml = xml.replace("</Types>",
                            "<Override PartName=\"/word/afchunk.htm\" ContentType=\"application/xhtml+xml\"/></Types>");
                    default -> {
                    }
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(xml.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/afchunk.htm"));
            zip.write(page);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    // ---- reading back -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renditions")
    void everyCellRightOrFlagged(Rendition rendition, String source) throws IOException {
        boolean needsPandoc = rendition.name().startsWith("PANDOC") || rendition == Rendition.WORD_ALTCHUNK_HTML;
        assumeTrue(!needsPandoc || Files.isExecutable(PANDOC), "pandoc (apt-get install pandoc) is absent: skipped");
        assumeTrue(!rendition.name().startsWith("PDFTOHTML") || Files.isExecutable(PDFTOHTML) && LibreOffice.installed(),
                "pdftohtml (poppler-utils) or soffice is absent: skipped");
        assumeTrue(!rendition.name().contains("CHROMIUM") || Files.isExecutable(CHROMIUM), "chromium is absent: skipped");
        assumeTrue(!rendition.name().startsWith("LIBREOFFICE") || LibreOffice.installed(), "soffice is absent: skipped");
        Path file = rendition.file(source);
        assertTrue(Files.isRegularFile(file), "written: " + file);
        ExpectedReport want = expected.get(source);
        ReportReader.Result read = reader.read(Files.readAllBytes(file));
        if (rendition.type != null) {
            assertEquals(rendition.type, read.type(), file + ": detected type");
        }
        ExpectedReport.writeResult(DIR.resolve("results").resolve(rendition.name().toLowerCase()), source, read.report());
        List<Finding> unreadable = read.report().extractionFindings().stream().filter(f -> f.code().equals("UNREADABLE_TABLE")).toList();
        List<String> wrong = new ArrayList<>();
        List<String> metadata = new ArrayList<>();
        int flagged = 0;
        for (String d : want.differences(read.report())) {
            int at = d.indexOf(": expected ");
            String path = at < 0 ? d : d.substring(0, at);
            boolean cell = path.chars().filter(c -> c == '.').count() == 2;
            if (!cell) {
                metadata.add(d);
            } else if (d.endsWith(" got null") && unreadable.stream().anyMatch(f -> covers(f, path))) {
                flagged++;
            } else {
                wrong.add(d);
            }
        }
        int cells = want.cellCount();
        synchronized (SCORES) {
            int[] s = SCORES.computeIfAbsent(rendition, k -> new int[4]);
            s[0] += cells - flagged - wrong.size();
            s[1] += flagged;
            s[2] += wrong.size();
            s[3] += cells;
        }
        assertTrue(wrong.isEmpty(), file + ": cells wrong, or missing without UNREADABLE_TABLE:\n" + String.join("\n", wrong));
        if (rendition.claimed) {
            assertEquals(0, flagged, file + ": cells flagged unreadable in a rendition the reader claims: " + unreadable);
            assertTrue(metadata.isEmpty(), file + ": " + metadata);
        }
    }

    /** Whether the finding names the cell, its row or table, or no path at all (a table the text does not hold). */
    private static boolean covers(Finding f, String path) {
        return f.paths().isEmpty() || f.paths().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."));
    }

    @AfterAll
    static void printScores() {
        if (SCORES.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("\nConverter matrix (cells right | null under UNREADABLE_TABLE | wrong or lost unflagged | cells):\n");
        int[] all = new int[4];
        SCORES.forEach((r, s) -> {
            b.append(String.format("  %-32s %5d | %4d | %d | %5d%n", r, s[0], s[1], s[2], s[3]));
            for (int i = 0; i < 4; i++) {
                all[i] += s[i];
            }
        });
        b.append(String.format("  %-32s %5d | %4d | %d | %5d%n", "all", all[0], all[1], all[2], all[3]));
        System.out.println(b);
    }
}
