package io.gongkai.reader.formats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;

/**
 * A PDF whose page never finishes reading (forms that draw the next form twice, 60 deep: 2^60 drawings) is stopped
 * when the time limit cancels it: the reading thread ends instead of keeping a core busy for the rest of the service's
 * life, which PDFBox alone would do (it never looks at interruption).
 */
class CancelledReadingTest {

    @Test
    void aCancelledReadingStopsWorking() throws Exception {
        byte[] pdf = exponentialForms(60);
        ExecutorService parsing = Executors.newSingleThreadExecutor();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        try {
            Future<SourceText> reading = parsing.submit(() -> {
                try {
                    return new PdfTextReader(null, 500).read(pdf);
                } catch (RuntimeException | Error e) {
                    ended.set(e);
                    throw e;
                }
            });
            // The page cannot be read within any limit, so the limit is what ends it.
            assertThrows(TimeoutException.class, () -> reading.get(1, TimeUnit.SECONDS));
            reading.cancel(true);
            await().atMost(Duration.ofSeconds(30)).until(() -> ended.get() != null);
            assertInstanceOf(UnreadableDocumentException.class, ended.get());
        } finally {
            parsing.shutdownNow();
        }
    }

    /** Made with PDFBox: a page drawing form 1; form k draws form k+1 twice; the last one fills a square. */
    private static byte[] exponentialForms(int depth) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFormXObject next = null;
            for (int level = depth; level >= 1; level--) {
                PDFormXObject form = new PDFormXObject(doc);
                form.setBBox(new PDRectangle(612, 792));
                PDResources resources = new PDResources();
                form.setResources(resources);
                try (OutputStream content = form.getContentStream().createOutputStream()) {
                    if (next == null) {
                        content.write("0 0 1 1 re f\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } else {
                        resources.put(COSName.getPDFName("X"), next);
                        content.write("/X Do /X Do\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
                next = form;
            }
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(next);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
