package io.gongkai.reader.bench;

import io.gongkai.reader.formats.ReportReader;
import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.PdfRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
import io.gongkai.reader.formats.render.RenderedReportBuilder;
import io.gongkai.reader.parsing.ReportTextParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Throughput of extraction per input type (documents per second on one core, after warm-up, one thread)
 * and the peak heap while reading a ~50 MB PDF, with the serial collector (its work stays on the measured
 * core). Not a test: run it with
 * {@code ./mvnw -B -o -pl extract-service -am -Pbench -DskipTests test} (forks java -Xmx512m).
 */
public final class ExtractionBenchmark {

    private static final long WARMUP_NANOS = Long.getLong("bench.warmup-seconds", 5) * 1_000_000_000L;
    private static final long MEASURE_NANOS = Long.getLong("bench.measure-seconds", 5) * 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "../samples");
        Path corpus = Path.of(args.length > 1 ? args[1] : "../../shared/corpus/dev");
        ReportReader reader = new ReportReader(null, 2000);
        Map<String, List<byte[]>> inputs = new LinkedHashMap<>();
        List<Path> seeds;
        try (Stream<Path> files = Files.list(samples)) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Path font = PdfRenderer.font().orElse(null);
        for (Path seed : seeds) {
            String text = Files.readString(seed, StandardCharsets.UTF_8);
            RenderedReport doc = RenderedReportBuilder.build(text, new ReportTextParser().parse(text));
            inputs.computeIfAbsent("text (UTF-8)", k -> new ArrayList<>()).add(text.getBytes(StandardCharsets.UTF_8));
            inputs.computeIfAbsent("html", k -> new ArrayList<>()).add(HtmlRenderer.render(doc, StandardCharsets.UTF_8));
            inputs.computeIfAbsent("docx", k -> new ArrayList<>()).add(DocxRenderer.render(doc));
            if (font != null) {
                inputs.computeIfAbsent("pdf (rendered seeds)", k -> new ArrayList<>()).add(PdfRenderer.render(doc, font));
            }
        }
        try (Stream<Path> files = Files.exists(corpus) ? Files.list(corpus) : Stream.empty()) {
            for (Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                inputs.computeIfAbsent("pdf (corpus 006-008)", k -> new ArrayList<>()).add(Files.readAllBytes(pdf));
            }
        }
        System.out.printf("machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        // -Dbench.only=html (a prefix of the type names) measures one type, e.g. under a profiler.
        String only = System.getProperty("bench.only", "");
        for (Map.Entry<String, List<byte[]>> e : inputs.entrySet()) {
            if (e.getKey().startsWith(only)) {
                measure(reader, e.getKey(), e.getValue());
            }
        }
        if (font != null && only.isEmpty()) {
            bigPdf(reader, inputs.get("pdf (rendered seeds)").get(0));
        }
    }

    private static void measure(ReportReader reader, String type, List<byte[]> docs) {
        run(reader, docs, WARMUP_NANOS);
        // CPU time as well as wall time: on a shared machine the wall figure says more about the neighbours.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long n = run(reader, docs, MEASURE_NANOS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
        long bytes = docs.stream().mapToLong(d -> d.length).sum() / docs.size();
        System.out.printf("%-22s %9.1f documents/s/core, %.2f ms CPU/document (process)  (%d documents of ~%d KB, one thread)%n",
                type, n / seconds, cpuMs / n, docs.size(), bytes >> 10);
    }

    private static long run(ReportReader reader, List<byte[]> docs, long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        while (System.nanoTime() < end) {
            reader.read(docs.get((int) (n % docs.size())));
            n++;
        }
        return n;
    }

    /** A report followed by pages of incompressible images (with a caption, so they are no scan) up to ~50 MB. */
    private static void bigPdf(ReportReader reader, byte[] report) throws IOException {
        byte[] big;
        try (PDDocument doc = Loader.loadPDF(report)) {
            Random random = new Random(1);
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int page = 0;
            while (true) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1000, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 1000; y++) {
                    for (int x = 0; x < 1000; x++) {
                        image.setRGB(x, y, random.nextInt());
                    }
                }
                PDImageXObject x = LosslessFactory.createFromImage(doc, image);
                PDPage p = new PDPage(PDRectangle.A4);
                doc.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.drawImage(x, 50, 200, 495, 495);
                    cs.beginText();
                    cs.setFont(helvetica, 10);
                    cs.newLineAtOffset(50, 150);
                    cs.showText("Appendix figure " + (++page) + ": photographs of the information disclosure work");
                    cs.endText();
                }
                if (page % 4 == 0) {
                    out.reset();
                    doc.save(out);
                    if (out.size() > 50 << 20) {
                        break;
                    }
                }
            }
            big = out.toByteArray();
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        ReportReader.Result result = reader.read(big);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("large pdf: %d MB, %d pages, read in %.1f s, peak heap %d MB (max heap %d MB), agency %s%n",
                big.length >> 20, result.report().sections().isEmpty() ? -1 : countPages(big), seconds, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, result.report().agency());
    }

    private static int countPages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }
}
