package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-checked expectations, scored like shared/tools/score.py: every required finding is reported, and no error or
 * warning is reported outside required/allowed. Each document is the expected report (the hand-checked cells) with its
 * sections' text, checked by the whole catalogue with the other documents of its directory as the store (007 and 008
 * are one agency's 2023 and 2024). The results are also written to target/corpus-results/DIR/NAME.json in score.py's
 * format: {@code score.py ../../shared/corpus/dev target/corpus-results/dev --min-recall 1 --max-false 0 -v}.
 */
class CorpusExpectationsTest {

    private static final Set<Severity> SCORED = Set.of(Severity.error, Severity.warning);

    private final RuleCatalogue catalogue = new RuleCatalogue();

    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        Path dir = Path.of("../samples");
        assertTrue(Files.isDirectory(dir), "samples directory missing: " + dir.toAbsolutePath());
        List<DynamicTest> tests = tests(dir);
        assertFalse(tests.isEmpty(), "no expected.json in " + dir.toAbsolutePath());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> sharedDevCorpus() throws IOException {
        Path dir = Path.of("../../shared/corpus/dev");
        assumeTrue(Files.isDirectory(dir), "shared dev corpus not present at " + dir.toAbsolutePath() + "; skipped");
        return tests(dir).stream();
    }

    private List<DynamicTest> tests(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
        Map<String, Report> reports = new LinkedHashMap<>();
        InMemoryReportHistory store = new InMemoryReportHistory(AgencyNames.withoutAliases());
        for (Path file : files) {
            Report report = CorpusDocuments.report(file);
            reports.put(CorpusDocuments.name(file), report);
            store.add(CorpusDocuments.name(file), report);
        }
        Path out = Path.of("target/corpus-results").resolve(dir.getFileName());
        Files.createDirectories(out);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String name = CorpusDocuments.name(file);
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                    () -> score(file, catalogue.check(reports.get(name), store.without(name)), out.resolve(name + ".json"))));
        }
        return tests;
    }

    private void score(Path file, List<Finding> all, Path result) throws IOException {
        JsonNode expected = CorpusDocuments.expected(file);
        ObjectNode doc = CorpusDocuments.JSON.createObjectNode();
        doc.set("report", expected.get("report"));
        doc.set("findings", CorpusDocuments.JSON.valueToTree(all));
        CorpusDocuments.JSON.writerWithDefaultPrettyPrinter().writeValue(result.toFile(), doc);

        List<Finding> found = all.stream().filter(f -> SCORED.contains(f.severity())).toList();
        List<JsonNode> required = new ArrayList<>();
        expected.path("findings").path("required").forEach(required::add);
        List<String> allowedCodes = new ArrayList<>();
        expected.path("findings").path("allowed").forEach(w -> allowedCodes.add(w.path("code").asText()));

        List<String> problems = new ArrayList<>();
        for (JsonNode want : required) {
            if (found.stream().noneMatch(f -> matches(want, f))) {
                problems.add("missed " + want.path("code").asText() + " " + want.path("path").asText("") + ": " + want.path("why").asText());
            }
        }
        for (Finding f : found) {
            if (required.stream().noneMatch(w -> matches(w, f)) && !allowedCodes.contains(f.code())) {
                problems.add("false " + f.code() + " " + f.paths() + ": " + f.message());
            }
        }
        assertTrue(problems.isEmpty(), file.getFileName() + "\n  " + String.join("\n  ", problems));
    }

    private static boolean matches(JsonNode want, Finding finding) {
        return finding.code().equals(want.path("code").asText())
                && (!want.has("path") || finding.paths().contains(want.path("path").asText()));
    }
}
