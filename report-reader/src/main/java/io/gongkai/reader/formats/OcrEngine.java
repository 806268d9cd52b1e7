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

    public OcrEngine(String command) {
        this.command = command;
        this.available = probe(command);
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
        Path png = Files.createTempFile("gongkai-ocr-", ".png");
        Path base = Path.of(png.toString().replaceFirst("\\.png$", ""));
        Path txt = Path.of(base + ".txt");
        Process p = null;
        try {
            ImageIO.write(image, "png", png.toFile());
            // psm 4: one column of text of varying sizes, which keeps each table row on one line. The PNG
            // carries no resolution: without --dpi Tesseract assumes 70 dpi and loses the table's digits.
            // Output goes to a file so that waiting can time out and an abandoned parse kills the process.
            p = new ProcessBuilder(command, png.toString(), base.toString(), "-l", "chi_sim", "--psm", "4",
                    "--dpi", String.valueOf(DPI), "-c", "preserve_interword_spaces=1")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(txt)) {
                throw new UnreadableDocumentException("第 " + (pageIndex + 1) + " 页 OCR 识别失败。 OCR (tesseract) failed on page "
                        + (pageIndex + 1) + ".");
            }
            return Files.readString(txt, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("解析被中止。 Reading was interrupted.", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(png);
            Files.deleteIfExists(txt);
        }
    }

    /** One word Tesseract recognised: its text, box (pixels), confidence (0..100) and line of its layout. */
    record Word(String text, int left, int top, int width, int height, float confidence, String line) {
    }

    /**
     * The words of a page image with their boxes, from Tesseract's TSV output: one process per page, bounded in
     * time. {@code psm} is Tesseract's page segmentation mode.
     */
    List<Word> words(BufferedImage image, int dpi, int psm, int pageNumber) throws IOException {
        Path png = Files.createTempFile("gongkai-ocr-", ".png");
        Path base = Path.of(png.toString().replaceFirst("\\.png$", ""));
        Path tsv = Path.of(base + ".tsv");
        Process p = null;
        try {
            ImageIO.write(image, "png", png.toFile());
            // The PNG carries no resolution: without --dpi Tesseract assumes 70 dpi and loses the table's digits.
            p = new ProcessBuilder(command, png.toString(), base.toString(), "-l", "chi_sim", "--psm", String.valueOf(psm),
                    "--dpi", String.valueOf(dpi), "tsv")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(tsv)) {
                throw new UnreadableDocumentException("第 " + pageNumber + " 页 OCR 识别失败。 OCR (tesseract) failed on page "
                        + pageNumber + ".");
            }
            return parseTsv(Files.readString(tsv, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("解析被中止。 Reading was interrupted.", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(png);
            Files.deleteIfExists(tsv);
        }
    }

    /**
     * The text of each of several small images (table cells), recognised by one Tesseract process that reads a
     * list of image files (the model is loaded once): one string per image, its words joined without a gap.
     */
    List<String> texts(List<BufferedImage> images, int dpi, int psm, int pageNumber) throws IOException {
        if (images.isEmpty()) {
            return List.of();
        }
        Path dir = Files.createTempDirectory("gongkai-ocr-cells-");
        Process p = null;
        try {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < images.size(); i++) {
                Path png = dir.resolve(i + ".png");
                ImageIO.write(images.get(i), "png", png.toFile());
                list.append(png).append('\n');
            }
            Path listFile = Files.writeString(dir.resolve("cells.txt"), list);
            Path base = dir.resolve("out");
            p = new ProcessBuilder(command, listFile.toString(), base.toString(), "-l", "chi_sim", "--psm",
                    String.valueOf(psm), "--dpi", String.valueOf(dpi), "tsv")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Path tsv = Path.of(base + ".tsv");
            if (!p.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(tsv)) {
                throw new UnreadableDocumentException("第 " + pageNumber + " 页 OCR 识别失败。 OCR (tesseract) failed on page "
                        + pageNumber + ".");
            }
            String[] out = new String[images.size()];
            java.util.Arrays.fill(out, "");
            for (String row : Files.readString(tsv, StandardCharsets.UTF_8).split("\n")) {
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

    private static boolean probe(String command) {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("chi_sim");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
