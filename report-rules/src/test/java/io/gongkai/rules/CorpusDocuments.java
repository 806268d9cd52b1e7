package io.gongkai.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A corpus document as the rules see it: the hand-checked cells of NAME.expected.json (so only findings are judged)
 * with the six sections' text cut out of the document itself (NAME.txt, or NAME.pdf through poppler's pdftotext where
 * it is installed). The sections are cut the way the extractor does, by the numbered headings.
 */
final class CorpusDocuments {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Pattern HEADING = Pattern.compile("^([一二三四五六])、(.{2,30})$");
    private static final List<List<String>> KEYWORDS = List.of(
            List.of("总体情况", "概述"), List.of("主动公开"), List.of("收到和处理", "申请情况"),
            List.of("行政复议", "行政诉讼"), List.of("问题", "改进"), List.of("其他需要报告", "其他事项"));

    private CorpusDocuments() {
    }

    static JsonNode expected(Path expectedFile) throws IOException {
        return JSON.readTree(expectedFile.toFile());
    }

    static String name(Path expectedFile) {
        String file = expectedFile.getFileName().toString();
        return file.substring(0, file.length() - ".expected.json".length());
    }

    /** The expected report with the document's sections, or without sections when its text cannot be had here. */
    static Report report(Path expectedFile) throws IOException {
        Report cells = JSON.treeToValue(expected(expectedFile).get("report"), Report.class);
        String text = text(expectedFile.resolveSibling(name(expectedFile)));
        if (text == null) {
            return cells;
        }
        return new Report(cells.agency(), cells.year(), cells.administrativeLevel(), cells.publishedOn(), cells.templateVersion(),
                cells.activeDisclosure(), cells.applications(), cells.reviewsAndLawsuits(), cells.provenance(), cells.units(),
                sections(text), cells.extractionFindings());
    }

    private static String text(Path base) throws IOException {
        Path txt = base.resolveSibling(base.getFileName() + ".txt");
        if (Files.exists(txt)) {
            return Files.readString(txt, StandardCharsets.UTF_8);
        }
        Path pdf = base.resolveSibling(base.getFileName() + ".pdf");
        if (!Files.exists(pdf)) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null; // no pdftotext here: the report is judged without its text
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static List<Section> sections(String text) {
        String[] lines = text.split("\\R");
        List<int[]> headings = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].replaceAll("[#*\\s\\u3000]", "");
            Matcher m = HEADING.matcher(s);
            if (!m.matches() || s.contains("。")) {
                continue;
            }
            int n = "一二三四五六".indexOf(m.group(1)) + 1;
            if (n > last && KEYWORDS.get(n - 1).stream().anyMatch(m.group(2)::contains)) {
                headings.add(new int[] {n, i});
                last = n;
            }
        }
        List<Section> out = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            int start = headings.get(h)[1];
            int end = h + 1 < headings.size() ? headings.get(h + 1)[1] : lines.length;
            StringBuilder body = new StringBuilder();
            for (int i = start + 1; i < end; i++) {
                body.append(lines[i]).append('\n');
            }
            out.add(new Section(headings.get(h)[0], lines[start].strip(), start + 1, end, body.toString().strip()));
        }
        return out;
    }
}
