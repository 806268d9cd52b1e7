package io.gongkai.reader.formats;

import io.gongkai.reader.parsing.DecodedText;
import io.gongkai.reader.parsing.ReportTextParser;
import io.gongkai.reader.parsing.TextDecoder;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a 政府信息公开工作年度报告 in any format it knows (text, HTML, PDF with or without a text layer,
 * DOCX, DOC) into the report model: detects the real type from the bytes, turns the document into text
 * lines that keep their origin (page; table, row, column), parses that text and points every value's
 * provenance back at the source. Plain Java and thread-safe.
 *
 * @throws UnreadableDocumentException (from {@link #read}) with a reason users understand
 * @throws io.gongkai.reader.parsing.NotAReportException when the document is readable but not a report
 */
public final class ReportReader {

    static final String EMPTY = "文件为空。 The document is empty.";
    static final String IMAGE = "文件是一张图片，不是年度报告文档（请提交 PDF、Word、HTML 或文本）。"
            + " The document is an image, not a report document.";
    static final String ARCHIVE = "文件是压缩包或 Word 以外的 Office 文件，不是年度报告文档。"
            + " The document is an archive or a non-Word Office file, not a report.";
    static final String BINARY = "文件不是可读的文本或文档格式（无法识别的二进制文件）。"
            + " The document is neither text nor a known document format.";

    /** What was read: the report, the detected type and, for text, the encoding. */
    public record Result(Report report, DocumentType type, String encoding) {
    }

    private final DocumentTypeDetector detector = new DocumentTypeDetector();
    private final TextDecoder decoder = new TextDecoder();
    private final HtmlReader html = new HtmlReader();
    private final MarkdownReader markdown = new MarkdownReader();
    private final DocxReader docx = new DocxReader();
    private final DocReader doc = new DocReader();
    private final PdfTextReader pdf;
    private final ReportTextParser parser = new ReportTextParser();

    public ReportReader(OcrEngine ocr, int maxPdfPages) {
        this.pdf = new PdfTextReader(ocr, maxPdfPages);
    }

    public DocumentType detect(byte[] bytes) {
        return detector.detect(bytes);
    }

    public Result read(byte[] bytes) {
        return read(bytes, detector.detect(bytes));
    }

    /** Reads a document whose type {@link #detect} already told (detection is not free: it is done once). */
    public Result read(byte[] bytes, DocumentType type) {
        return read(bytes, type, null);
    }

    /** As {@link #read(byte[], DocumentType)}, with the URL the document was fetched from (evidence of its agency). */
    public Result read(byte[] bytes, DocumentType type, String sourceUrl) {
        SourceText source = switch (type) {
            case TEXT, MARKDOWN -> text(bytes);
            case HTML -> html.read(bytes);
            case PDF -> pdf.read(bytes);
            case DOCX -> docx.read(bytes);
            case DOC -> doc.read(bytes);
            case EMPTY -> throw new UnreadableDocumentException(EMPTY);
            case IMAGE -> throw new UnreadableDocumentException(IMAGE);
            case ARCHIVE, OFFICE_OTHER -> throw new UnreadableDocumentException(ARCHIVE);
            case BINARY -> throw new UnreadableDocumentException(BINARY);
        };
        return new Result(parse(source, sourceUrl), type, source.encoding());
    }

    /** Parses already extracted text; provenance lines are mapped back to the source. */
    public Report parse(SourceText source) {
        return parse(source, null);
    }

    /** Parses already extracted text fetched from {@code sourceUrl} (may be null); provenance lines are mapped back. */
    public Report parse(SourceText source, String sourceUrl) {
        boolean ocr = source.findings().stream().anyMatch(f -> f.code().equals(OcrEngine.OCR_USED));
        Report report = parser.parse(source.text(), sourceUrl, ocr);
        Map<String, Provenance> mapped = new LinkedHashMap<>(Math.max(16, report.provenance().size() * 2));
        report.provenance().forEach((path, p) -> mapped.put(path, locate(p, source)));
        Report located = report.withProvenance(mapped);
        if (source.findings().isEmpty()) {
            return located;
        }
        List<Finding> more = new ArrayList<>(source.findings());
        if (ocr) {
            more.addAll(OcrCrossCheck.check(located));
        }
        return located.withExtractionFindings(more);
    }

    private static Provenance locate(Provenance p, SourceText source) {
        if (p.line() == null) {
            return p;
        }
        LineOrigin o = source.origin(p.line());
        if (o.page() == null && o.table() == null) {
            return p;
        }
        return new Provenance(o.page(), p.line(), p.column(), p.rawLabel(), p.rawText(), o.table(), o.row(),
                o.valueColumn(p.column()));
    }

    /** Text; its pipe and HTML tables (also in encodings the byte-level detection cannot see into) read as grids. */
    private SourceText text(byte[] bytes) {
        DecodedText decoded = decoder.decode(bytes);
        if (MarkdownReader.hasTable(decoded.text())) {
            return markdown.read(decoded.text(), decoded.encoding());
        }
        return new SourceText(decoded.text(), List.of(), decoded.encoding(), List.of());
    }
}
