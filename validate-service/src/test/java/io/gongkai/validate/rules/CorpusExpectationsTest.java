package io.gongkai.validate.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-checked expectations, scored like shared/tools/score.py restricted to the catalogue's codes: every
 * required finding of those codes is reported, and nothing of those codes is reported outside required/allowed.
 */
class CorpusExpectationsTest {

    private static final Set<String> CODES = Set.of("APPLICATIONS_BALANCE", "APPLICATIONS_TOTAL_ROW", "APPLICATIONS_TOTAL_COLUMN",
            "REVIEW_TOTAL", "LAWSUIT_TOTAL", "MISSING_VALUE", "INVALID_VALUE");
    private static final Set<Severity> SCORED = Set.of(Severity.error, Severity.warning);

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted()
                    .forEach(p -> tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> score(p))));
        }
        return tests;
    }

    private void score(Path file) throws IOException {
        JsonNode expected = JSON.readTree(file.toFile());
        Report report = JSON.treeToValue(expected.get("report"), Report.class);
        List<Finding> found = catalogue.check(report).stream()
                .filter(f -> SCORED.contains(f.severity()) && CODES.contains(f.code()))
                .toList();
        List<JsonNode> required = new ArrayList<>();
        expected.path("findings").path("required").forEach(w -> {
            if (CODES.contains(w.path("code").asText())) {
                required.add(w);
            }
        });
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
