package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gongkai.reader.formats.render.DocxRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seed's DOCX rendering saved as a legacy Word 97-2003 file by LibreOffice reads back exactly (POI HWPF).
 * POI cannot write DOC tables itself; skipped, saying so, where LibreOffice (soffice) is not installed.
 */
class LegacyWordTest {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"003_0b343912e46db269", "004_ca1fd1482ab00037"})
    void aDocFileReadsTheSame(String name) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SOFFICE), "LibreOffice (apt-get install libreoffice-writer-nogui) is absent: DOC test skipped");
        Path docx = dir.resolve(name + ".docx");
        Files.write(docx, DocxRenderer.render(RenderingsTest.rendered(name)));
        Process p = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", "doc", "--outdir", dir.toString(), docx.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "soffice finished");
        Path doc = dir.resolve(name + ".doc");
        assumeTrue(Files.exists(doc), "soffice did not convert (exit " + p.exitValue() + "): DOC test skipped");
        ReportReader.Result read = new ReportReader(null, 500).read(Files.readAllBytes(doc));
        assertEquals(DocumentType.DOC, read.type());
        ExpectedReport.writeResult(RenderingsTest.RESULTS.resolve("doc"), name, read.report());
        List<String> wrong = ExpectedReport.load(ExpectedReport.SAMPLES, name).differences(read.report());
        assertTrue(wrong.isEmpty(), name + " as DOC differs:\n" + String.join("\n", wrong));
    }
}
