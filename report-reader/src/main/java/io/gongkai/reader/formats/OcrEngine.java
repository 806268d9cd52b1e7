package io.gongkai.reader.formats;

import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Runs the Tesseract command (simplified Chinese) on scanned pages and their table cells, one bounded process
 * per page or per batch of cells, with word boxes (TSV output); {@link ScannedPage} says what is read how. Tesseract is an operating-system package; where it is absent,
 * {@link #available()} says so and scanned documents fail with that reason.
 */
public final class OcrEngine {

    public static final String OCR_USED = "OCR_USED";
    private static final int DPI = 300;
    private static final long PAGE_TIMEOUT_SECONDS = 120;

    private final String command;
    private final boolean available;
    /** The model figures are read with on their own: eng where installed (chi_sim reads a lone 1 as 工 or nothing). */
    private final String digitsLanguage;

    public OcrEngine(String command) {
        this.command = command;
        String languages = probe(command);
        this.available = languages.contains("chi_sim");
        this.digitsLanguage = languages.lines().anyMatch(l -> l.strip().equals("eng")) ? "eng" : "chi_sim";
    }

    /** Whether the tesseract command runs and has the chi_sim language. */
    public boolean available() {
        return available;
    }

    /**
     * The text of a page without ruled tables, as lines (psm 4: one column of text of varying sizes, which keeps
     * each row of a table without rulings on one line).
     */
    String recognise(BufferedImage image, int pageIndex) throws IOException {
        return run(List.of(image), DPI, 4, "txt", "chi_sim", List.of("preserve_interword_spaces=1"), pageIndex + 1);
    }

    /** One word Tesseract recognised: its text, box (pixels), confidence (0..100) and line of its layout. */
    record Word(String text, int left, int top, int width, int height, float confidence, String line) {
    }

    /**
     * The words of a page image with their boxes, from Tesseract's TSV output: one process per page, bounded in
     * time. {@code psm} is Tesseract's page segmentation mode.
     */
    List<Word> words(BufferedImage image, int dpi, int psm, int pageNumber) throws IOException {
        return parseTsv(run(List.of(image), dpi, psm, "tsv", "chi_sim", List.of(), pageNumber));
    }

    /**
     * The text of each of several small images (table cells), recognised by one Tesseract process that reads a
     * list of image files (the model is loaded once): one string per image, its words joined without a gap.
     */
    List<String> texts(List<BufferedImage> images, int dpi, int psm, int pageNumber) throws IOException {
        return texts(images, dpi, psm, "chi_sim", List.of(), pageNumber);
    }

    /**
     * The same with only digits allowed: a cell whose lone {@code 0} the general model reads as punctuation
     * (a {@code ，} or {@code 。}) reads as a digit when nothing but digits may come out; read with the English
     * model where installed, whose digits are surer than chi_sim's (a lone 1 that chi_sim reads as nothing).
     */
    List<String> digits(List<BufferedImage> images, int dpi, int psm, int pageNumber) throws IOException {
        return texts(images, dpi, psm, digitsLanguage, List.of("tessedit_char_whitelist=0123456789."), pageNumber);
    }

    private List<String> texts(List<BufferedImage> images, int dpi, int psm, String language, List<String> config,
            int pageNumber)
            throws IOException {
        if (images.isEmpty()) {
            return List.of();
        }
        String[] out = new String[images.size()];
        java.util.Arrays.fill(out, "");
        for (String row : run(images, dpi, psm, "tsv", language, config, pageNumber).split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5") || f[11].isBlank()) {
                continue;
            }
            int image = Integer.parseInt(f[1]) - 1;
            if (image >= 0 && image < out.length) {
                out[image] += f[11].strip();
            }
        }
        return List.of(out);
    }

    /**
     * One bounded Tesseract process over one image or a list of images (then the model loads once and the TSV
     * numbers the images as its pages): the output file's text ({@code format} txt or tsv). The PNGs carry no
     * resolution: without --dpi Tesseract assumes 70 dpi and loses the tables' digits. Output goes to a file so that
     * waiting can time out, and a process still running when the parse is abandoned is killed; the temporary files
     * are removed whatever happens.
     */
    private String run(List<BufferedImage> images, int dpi, int psm, String format, String language, List<String> config,
            int pageNumber) throws IOException {
        Path dir = Files.createTempDirectory("gongkai-ocr-");
        Process p = null;
        try {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < images.size(); i++) {
                Path png = dir.resolve(i + ".png");
                ImageIO.write(images.get(i), "png", png.toFile());
                list.append(png).append('\n');
            }
            Path input = images.size() == 1 ? dir.resolve("0.png") : Files.writeString(dir.resolve("images.txt"), list);
            Path base = dir.resolve("out");
            List<String> cmd = new java.util.ArrayList<>(List.of(command, input.toString(), base.toString(), "-l", language,
                    "--psm", String.valueOf(psm), "--dpi", String.valueOf(dpi)));
            config.forEach(c -> cmd.addAll(List.of("-c", c)));
            if (format.equals("tsv")) {
                cmd.add("tsv");
            }
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path output = Path.of(base + "." + format);
            if (!p.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(output)) {
                throw new UnreadableDocumentException("第 " + pageNumber + " 页 OCR 识别失败。 OCR (tesseract) failed on page "
                        + pageNumber + ".");
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("解析被中止。 Reading was interrupted.", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Level-5 rows (words) of Tesseract's TSV: level page block par line word left top width height conf text. */
    static List<Word> parseTsv(String tsv) {
        List<Word> words = new java.util.ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                words.add(new Word(text, Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                        Integer.parseInt(f[9]), Float.parseFloat(f[10]), f[1] + "." + f[2] + "." + f[3] + "." + f[4]));
            } catch (NumberFormatException e) {
                // a malformed row: skipped, the rest of the page still reads
            }
        }
        return words;
    }

    static Finding finding(List<Integer> pages) {
        return new Finding(OCR_USED, Severity.info, List.of(),
                "第 " + pages + " 页为扫描图像，文字经 OCR 识别，数值可能有误。 Pages " + pages + " were read by OCR.");
    }

    /** The languages the command lists, one a line; "" when it does not run. */
    private static String probe(String command) {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
