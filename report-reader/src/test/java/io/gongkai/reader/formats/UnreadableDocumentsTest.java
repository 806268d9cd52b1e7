package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.reader.parsing.NotAReportException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

/** Documents that cannot be read end with a reason users understand, never a crash; types come from the bytes. */
class UnreadableDocumentsTest {

    private final ReportReader reader = new ReportReader(null, 500);
    private final DocumentTypeDetector detector = new DocumentTypeDetector();

    private String reason(byte[] bytes) {
        return assertThrows(UnreadableDocumentException.class, () -> reader.read(bytes)).getMessage();
    }

    @Test
    void anEmptyFileSaysSo() {
        assertEquals(ReportReader.EMPTY, reason(new byte[0]));
    }

    @Test
    void anEncryptedPdfSaysItNeedsAPassword() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            assertEquals(DocumentType.PDF, detector.detect(out.toByteArray()));
            assertEquals(PdfTextReader.ENCRYPTED, reason(out.toByteArray()));
        }
    }

    @Test
    void aTruncatedPdfSaysItIsDamaged() throws IOException {
        byte[] bytes = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(PdfTextReader.CORRUPT, reason(bytes));
    }

    @Test
    void aScannedPdfWithoutOcrSaysSo() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            doc.save(out);
            assertEquals(PdfTextReader.NO_TEXT, reason(out.toByteArray()));
        }
    }

    @Test
    void anImageIsNotAReportWhateverItIsCalled() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        assertEquals(DocumentType.IMAGE, detector.detect(png.toByteArray()));
        assertEquals(ReportReader.IMAGE, reason(png.toByteArray()));
    }

    @Test
    void aZipThatIsNoWordFileIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("report.txt"));
            zip.write("年度报告".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertEquals(DocumentType.ARCHIVE, detector.detect(bytes.toByteArray()));
        assertEquals(ReportReader.ARCHIVE, reason(bytes.toByteArray()));
    }

    @Test
    void aDamagedWordFileSaysSo() throws IOException {
        byte[] docx = DocxRenderer.render(new RenderedReport(List.of(new RenderedReport.Paragraph("政府信息公开工作年度报告"))));
        assertEquals(DocumentType.DOCX, detector.detect(docx));
        byte[] broken = Arrays.copyOf(docx, docx.length - 200);
        // Cut short, the central directory is gone: it is at best an unreadable zip.
        String reason = reason(broken);
        assertTrue(reason.equals(DocxReader.CORRUPT) || reason.equals(ReportReader.ARCHIVE), reason);
    }

    @Test
    void binaryNoiseIsNeitherTextNorADocument() {
        byte[] noise = new byte[2048];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 1;
        assertEquals(DocumentType.BINARY, detector.detect(noise));
        assertEquals(ReportReader.BINARY, reason(noise));
    }

    @Test
    void aWebPageThatIsNoReportSaysSo() {
        byte[] page = "<html><head><meta charset=\"gbk\"></head><body><p>今天天气很好，我们去公园散步。</p></body></html>"
                .getBytes(Charset.forName("GBK"));
        assertEquals(DocumentType.HTML, detector.detect(page));
        assertThrows(NotAReportException.class, () -> reader.read(page));
    }

    @Test
    void textIsTextInAnyEncoding() {
        String text = "政府信息公开工作年度报告\n一、总体情况\n";
        assertEquals(DocumentType.TEXT, detector.detect(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(DocumentType.TEXT, detector.detect(text.getBytes(Charset.forName("GB18030"))));
        assertEquals(DocumentType.TEXT, detector.detect(text.getBytes(StandardCharsets.UTF_16LE)));
    }
}
