package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scans as the world makes them, built with third-party tools at test time: a seed's web page printed to PDF by
 * headless Chromium, rasterised by poppler's {@code pdftoppm -r 200}, turned by a small angle, blurred and
 * speckled (ImageIO), and wrapped as an image-only PDF; then read through Tesseract. Every value read must be
 * right or carry a finding on its cell (a wrong number unflagged would feed false cross-year findings). Prints
 * cells right, wrong numbers and blanks per variant. Skipped with the reason when chromium, pdftoppm or
 * tesseract (chi_sim) is absent. About a minute per document on one core.
 */
class ScanVariantsTest {

    static final Path DIR = Path.of("target", "scan-variants").toAbsolutePath();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");

    /** How the paper went through the scanner. */
    enum Variant {
        STRAIGHT(0, 0, false),
        TILT_03_NOISY(0.3, 18, false),
        TILT_M08_BLUR(-0.8, 10, true),
        TILT_15_NOISY_BLUR(1.5, 22, true);

        final double degrees;
        final int noise;
        final boolean blur;

        Variant(double degrees, int noise, boolean blur) {
            this.degrees = degrees;
            this.noise = noise;
            this.blur = blur;
        }
    }

    private static final Map<String, int[]> SCORES = new TreeMap<>();
    private final OcrEngine ocr = new OcrEngine("tesseract");

    static Stream<Arguments> scans() {
        List<Arguments> out = new ArrayList<>();
        for (String seed : System.getProperty("scan.seeds", "000_f8a12ae11966356f").split(",")) {
            variants().forEach(v -> out.add(Arguments.of(seed, v)));
        }
        return out.stream();
    }

    /** By default the two noisiest (a minute or more each); -Dscan.variant=all for every one. */
    private static List<Variant> variants() {
        String only = System.getProperty("scan.variant", "TILT_03_NOISY,TILT_15_NOISY_BLUR");
        return java.util.Arrays.stream(Variant.values())
                .filter(v -> only.equals("all") || List.of(only.split(",")).contains(v.name())).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scans")
    void aScanReadsThroughTheGridAndNoWrongNumberIsSilent(String seed, Variant variant) throws Exception {
        assumeTrue(ocr.available(), "tesseract with chi_sim is not installed (apt-get install tesseract-ocr-chi-sim)");
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        assumeTrue(Files.isExecutable(PDFTOPPM), "pdftoppm is not installed (apt-get install poppler-utils)");
        byte[] scan = scan(seed, variant);
        ReportReader reader = new ReportReader(ocr, 500);
        assertEquals(DocumentType.PDF, reader.detect(scan));
        SourceText source = new PdfTextReader(ocr, 500).read(scan);
        Report got = reader.parse(source);
        Path results = DIR.resolve("results").resolve(variant.name());
        ExpectedReport.writeResult(results, seed, got);
        Files.writeString(results.resolve(seed + ".txt"), source.text());
        ExpectedReport expected = ExpectedReport.load(ExpectedReport.SAMPLES, seed);
        Report want = new io.gongkai.reader.parsing.ReportTextParser().parse(RenderingsTest.seedText(seed));
        score(seed, variant, got, want.cells());
        assertEquals(expected.report().get("year").asInt(), got.year(), seed + " year");
    }

    /**
     * A real report as published (a corpus PDF that Word exported, its tables fully ruled), rasterised by poppler
     * at 200 dpi and degraded the same way: the scans nobody prints for a test. {@code -Dscan.corpus=all} for the
     * three corpus PDFs (the first by default), skipped where the corpus is absent.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("corpusScans")
    void aScannedPublishedReportReadsThroughTheGridAndNoWrongNumberIsSilent(String name, Variant variant) throws Exception {
        assumeTrue(ocr.available(), "tesseract with chi_sim is not installed (apt-get install tesseract-ocr-chi-sim)");
        assumeTrue(Files.isExecutable(PDFTOPPM), "pdftoppm is not installed (apt-get install poppler-utils)");
        Path pdf = ExpectedReport.CORPUS.resolve(name + ".pdf");
        assumeTrue(Files.isReadable(pdf), "corpus PDF " + pdf.toAbsolutePath() + " is absent: skipped");
        byte[] scan = scanOf(name, pdf, variant);
        SourceText source = new PdfTextReader(ocr, 500).read(scan);
        Report got = new ReportReader(ocr, 500).parse(source);
        Path results = DIR.resolve("results").resolve(variant.name());
        ExpectedReport.writeResult(results, name, got);
        Files.writeString(results.resolve(name + ".txt"), source.text());
        ExpectedReport expected = ExpectedReport.load(ExpectedReport.CORPUS, name);
        Map<String, BigDecimal> want = new TreeMap<>();
        for (String table : List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS)) {
            expected.report().get(table).properties().forEach(row -> row.getValue().properties().forEach(f -> want.put(
                    table + "." + row.getKey() + "." + f.getKey(), f.getValue().isNull() ? null : f.getValue().decimalValue())));
        }
        score(name, variant, got, want);
        assertEquals(expected.report().get("year").asInt(), got.year(), name + " year");
    }

    static Stream<Arguments> corpusScans() {
        List<String> all = List.of("006_huaian-szf_2024", "007_huaian-hongzequ_2023", "008_huaian-hongzequ_2024");
        String which = System.getProperty("scan.corpus", all.get(0));
        List<Arguments> out = new ArrayList<>();
        for (String name : which.equals("all") ? all : List.of(which.split(","))) {
            variants().forEach(v -> out.add(Arguments.of(name, v)));
        }
        return out.stream();
    }

    /** Counts cells right, wrong and blank against {@code want}, prints them, and fails on a wrong value without a finding. */
    private static void score(String seed, Variant variant, Report got, Map<String, BigDecimal> want) {
        int right = 0;
        int wrongNumbers = 0;
        int blanks = 0;
        int flaggedWrong = 0;
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> cell : want.entrySet()) {
            BigDecimal g = got.cells().get(cell.getKey());
            BigDecimal w = cell.getValue();
            boolean same = w == null ? g == null : g != null && g.compareTo(w) == 0;
            boolean flagged = got.extractionFindings().stream().anyMatch(f -> f.paths().contains(cell.getKey()));
            if (same) {
                right++;
            } else if (g == null) {
                blanks++;
            } else {
                wrongNumbers++;
                flaggedWrong += flagged ? 1 : 0;
            }
            if (!same && !flagged) {
                silent.add(cell.getKey() + ": expected " + w + " got " + g);
            }
        }
        List<String> codes = got.extractionFindings().stream().map(Finding::code).filter(c -> !c.startsWith("OCR_")).toList();
        synchronized (SCORES) {
            int[] s = SCORES.computeIfAbsent(variant.name(), k -> new int[6]);
            s[0] += right;
            s[1] += want.size();
            s[2] += wrongNumbers;
            s[3] += flaggedWrong;
            s[4] += blanks;
            s[5] += codes.size();
        }
        System.out.println(seed + " " + variant + ": " + right + "/" + want.size() + " right, " + wrongNumbers
                + " wrong numbers (" + flaggedWrong + " flagged), " + blanks + " blank; findings " + codes
                + (silent.isEmpty() ? "" : "\n  unflagged: " + silent));
        assertTrue(silent.isEmpty(), seed + " " + variant + " values differ without a finding:\n" + String.join("\n", silent));
    }

    @AfterAll
    static void printScores() {
        if (SCORES.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("\nScans (Chromium PDF -> pdftoppm -r 200 -> tilt/noise/blur -> image PDF -> OCR):\n");
        b.append(String.format("  %-20s %9s %7s %14s %7s %s%n", "variant", "cells", "right", "wrong(flagged)", "blank", "other findings"));
        SCORES.forEach((k, s) -> b.append(String.format("  %-20s %4d/%-4d %.4f %8d(%d) %9d %5d%n", k, s[0], s[1],
                s[0] / (double) s[1], s[2], s[3], s[4], s[5])));
        System.out.println(b);
    }

    /** The seed's page printed by Chromium, rasterised by pdftoppm, degraded and wrapped as an image-only PDF. */
    static byte[] scan(String seed, Variant variant) throws Exception {
        Path dir = Files.createDirectories(DIR.resolve(seed));
        Path pdf = dir.resolve("printed.pdf");
        if (!Files.isRegularFile(pdf)) {
            Path page = dir.resolve("page.html");
            Files.write(page, HtmlRenderer.render(RenderingsTest.rendered(seed), StandardCharsets.UTF_8));
            run(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + dir.resolve("chromium-profile"),
                    "--print-to-pdf=" + pdf, page.toUri().toString()));
        }
        assumeTrue(Files.isRegularFile(pdf), "chromium made no PDF of " + seed);
        return scanOf(seed, pdf, variant);
    }

    /** The PDF rasterised by pdftoppm at 200 dpi, each page degraded and wrapped as an image-only PDF. */
    static byte[] scanOf(String seed, Path pdf, Variant variant) throws Exception {
        Path dir = Files.createDirectories(DIR.resolve(seed));
        Path pngs = Files.createDirectories(dir.resolve("png"));
        try (Stream<Path> made = Files.list(pngs)) {
            if (made.findAny().isEmpty()) {
                run(List.of(PDFTOPPM.toString(), "-r", "200", "-gray", "-png", pdf.toString(), pngs.resolve("p").toString()));
            }
        }
        List<Path> pages;
        try (Stream<Path> made = Files.list(pngs)) {
            pages = made.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Random random = new Random(seed.hashCode() * 31L + variant.ordinal());
        try (PDDocument doc = new PDDocument()) {
            for (Path p : pages) {
                BufferedImage image = degrade(ImageIO.read(p.toFile()), variant, random);
                // The paper's own size at the scan's 200 dpi (Chromium prints on Letter, not A4).
                PDRectangle size = new PDRectangle(image.getWidth() * 72f / 200, image.getHeight() * 72f / 200);
                PDPage page = new PDPage(size);
                doc.addPage(page);
                PDImageXObject x = JPEGFactory.createFromImage(doc, image, 0.8f);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            Files.write(dir.resolve(variant.name().toLowerCase() + ".pdf"), out.toByteArray());
            return out.toByteArray();
        }
    }

    /** Turned about the page centre (white corners), optionally blurred, with grey speckle noise. */
    static BufferedImage degrade(BufferedImage source, Variant v, Random random) {
        BufferedImage gray = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = gray.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, new AffineTransform(AffineTransform.getRotateInstance(Math.toRadians(v.degrees),
                source.getWidth() / 2.0, source.getHeight() / 2.0)), null);
        g.dispose();
        BufferedImage out = gray;
        if (v.blur) {
            float[] k = {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f};
            out = new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(gray, null);
        }
        var raster = out.getRaster();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int n = (int) Math.round(random.nextGaussian() * v.noise);
                // Sparse dark specks as dust on the glass.
                if (v.noise > 0 && random.nextInt(4000) == 0) {
                    n -= 160;
                }
                raster.setSample(x, y, 0, Math.max(0, Math.min(255, raster.getSample(x, y, 0) + n)));
            }
        }
        return out;
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }
}
