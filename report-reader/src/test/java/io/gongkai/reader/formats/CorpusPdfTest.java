package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real PDFs of the shared corpus (not committed: read from ../shared/corpus/dev, skipped where absent)
 * read exactly as their hand-checked expectations say. Results go to target/corpus-results for score.py.
 */
class CorpusPdfTest {

    static final Path RESULTS = Path.of("target", "corpus-results");
    private final ReportReader reader = new ReportReader(null, 500);

    @ParameterizedTest
    @ValueSource(strings = {"006_huaian-szf_2024", "007_huaian-hongzequ_2023", "008_huaian-hongzequ_2024"})
    void readsEveryValueOfTheCorpusPdf(String name) throws IOException {
        Path pdf = ExpectedReport.CORPUS.resolve(name + ".pdf");
        assumeTrue(Files.isReadable(pdf), "corpus PDF " + pdf.toAbsolutePath() + " is absent: skipped");
        ReportReader.Result read = reader.read(Files.readAllBytes(pdf));
        assertEquals(DocumentType.PDF, read.type());
        Report report = read.report();
        ExpectedReport.writeResult(RESULTS, name, report);
        List<String> wrong = ExpectedReport.load(ExpectedReport.CORPUS, name).differences(report);
        assertTrue(wrong.isEmpty(), name + " differs:\n" + String.join("\n", wrong));
        for (String path : report.cells().keySet()) {
            Provenance p = report.provenance().get(path);
            assertNotNull(p, path);
            assertNotNull(p.page(), "page of " + path);
            assertNotNull(p.line(), "line of " + path);
        }
    }
}
