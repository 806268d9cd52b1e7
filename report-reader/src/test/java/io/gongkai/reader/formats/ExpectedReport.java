package io.gongkai.reader.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gongkai.model.Report;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A hand-checked {@code *.expected.json}, compared with what was read: every metadata value and every cell. */
record ExpectedReport(String name, JsonNode report) {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The seeds (copied into the project) and the shared corpus (PDFs, not committed). */
    static final Path SAMPLES = Path.of("..", "samples");
    static final Path CORPUS = Path.of("..", "..", "shared", "corpus", "dev");

    static ExpectedReport load(Path dir, String name) throws IOException {
        return new ExpectedReport(name, JSON.readTree(dir.resolve(name + ".expected.json").toFile()).get("report"));
    }

    /** The same expectations for a rendering that prints every zero as a blank cell: each 0 becomes null. */
    ExpectedReport withZerosBlank() {
        com.fasterxml.jackson.databind.node.ObjectNode copy = report.deepCopy();
        for (String table : List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS)) {
            for (JsonNode row : copy.get(table)) {
                com.fasterxml.jackson.databind.node.ObjectNode fields = (com.fasterxml.jackson.databind.node.ObjectNode) row;
                List<String> names = new ArrayList<>();
                fields.fieldNames().forEachRemaining(names::add);
                for (String f : names) {
                    JsonNode v = fields.get(f);
                    if (v.isNumber() && v.decimalValue().signum() == 0) {
                        fields.putNull(f);
                    }
                }
            }
        }
        return new ExpectedReport(name, copy);
    }

    /** How many table cells the expectations hold. */
    int cellCount() {
        int n = 0;
        for (String table : List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS)) {
            for (JsonNode row : report.get(table)) {
                n += row.size();
            }
        }
        return n;
    }

    /** How many of those cells were read right. */
    int cellsRight(Report actual) {
        int wrong = 0;
        for (String d : differences(actual)) {
            if (d.contains(": expected") && (d.startsWith(Report.ACTIVE_DISCLOSURE + ".")
                    || d.startsWith(Report.APPLICATIONS + ".") || d.startsWith(Report.REVIEWS_AND_LAWSUITS + "."))) {
                wrong++;
            }
        }
        return cellCount() - wrong;
    }

    /** Every value that differs, as "path: expected X got Y"; empty when all agree. */
    List<String> differences(Report actual) {
        List<String> wrong = new ArrayList<>();
        for (String key : List.of("agency", "administrativeLevel", "templateVersion")) {
            String want = report.get(key).asText();
            String got = switch (key) {
                case "agency" -> actual.agency();
                case "administrativeLevel" -> actual.administrativeLevel();
                default -> actual.templateVersion();
            };
            if (!want.equals(got)) {
                wrong.add(key + ": expected " + want + " got " + got);
            }
        }
        if (!Objects.equals(report.get("year").asInt(), actual.year())) {
            wrong.add("year: expected " + report.get("year") + " got " + actual.year());
        }
        JsonNode published = report.get("publishedOn");
        String want = published == null || published.isNull() ? "null" : published.asText();
        if (!want.equals(String.valueOf(actual.publishedOn()))) {
            wrong.add("publishedOn: expected " + want + " got " + actual.publishedOn());
        }
        for (String table : List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS)) {
            JsonNode rows = report.get(table);
            Map<String, Map<String, BigDecimal>> got = actual.table(table);
            for (Iterator<String> r = rows.fieldNames(); r.hasNext(); ) {
                String row = r.next();
                for (Iterator<String> f = rows.get(row).fieldNames(); f.hasNext(); ) {
                    String field = f.next();
                    JsonNode w = rows.get(row).get(field);
                    BigDecimal g = got.containsKey(row) ? got.get(row).get(field) : null;
                    boolean same = w.isNull() ? g == null : g != null && w.decimalValue().compareTo(g) == 0;
                    if (!same) {
                        wrong.add(table + "." + row + "." + field + ": expected " + w + " got " + g);
                    }
                }
            }
            if (!got.keySet().equals(names(rows))) {
                wrong.add(table + " rows: expected " + names(rows) + " got " + got.keySet());
            }
        }
        return wrong;
    }

    private static java.util.Set<String> names(JsonNode node) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Writes {"report", "findings"} as score.py reads it (the findings are the extractor's own). */
    static void writeResult(Path dir, String name, Report report) throws IOException {
        Files.createDirectories(dir);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(name + ".json").toFile(),
                Map.of("report", report, "findings", report.extractionFindings()));
    }
}
