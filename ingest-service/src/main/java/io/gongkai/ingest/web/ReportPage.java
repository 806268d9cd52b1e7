package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.ReportListing;
import io.gongkai.ingest.repository.StoredReport;
import io.gongkai.model.Section;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One report: its document, its tables laid out as the format prints them, its findings, sections and other years;
 * {@code copied} the sentences each COPIED_TEXT finding (by number) shares with the report it names.
 */
public record ReportPage(StoredReport document, ReportTables tables, List<ReportListing> otherYears, Map<Integer, List<String>> copied) {

    public ReportPage(StoredReport document, ReportTables tables, List<ReportListing> otherYears) {
        this(document, tables, otherYears, Map.of());
    }

    /** The agency's other documents of this report's year: renditions of the same report (HTML page, PDF, Word). */
    public List<ReportListing> renditions() {
        Integer year = document.report() == null ? null : document.report().year();
        return year == null ? List.of() : otherYears.stream().filter(y -> year.equals(y.year())).toList();
    }

    /** The agency's documents of other years. */
    public List<ReportListing> yearsBesides() {
        Integer year = document.report() == null ? null : document.report().year();
        return otherYears.stream().filter(y -> year == null || !year.equals(y.year())).toList();
    }

    public boolean hasReport() {
        return document.report() != null;
    }

    public String title() {
        if (document.report() != null && document.report().agency() != null) {
            return document.report().agency() + (document.report().year() == null ? "" : " " + document.report().year() + " 年度报告");
        }
        return document.fileName() == null ? document.documentId() : document.fileName();
    }

    public List<Section> sections() {
        return document.report() == null ? List.of()
                : document.report().sections().stream().sorted(Comparator.comparingInt(Section::number)).toList();
    }

    /** Whether the original can be shown as numbered lines (a text document) rather than only as stored. */
    public boolean textSource() {
        return OriginalDocument.isText(document.detectedType(), document.declaredContentType());
    }

    public boolean htmlSource() {
        return OriginalDocument.isHtml(document.detectedType(), document.declaredContentType());
    }

    public boolean pdfSource() {
        return OriginalDocument.isPdf(document.detectedType(), document.declaredContentType());
    }

    /**
     * The findings about the whole section rather than a sentence of it (COPIED_TEXT, FEE_NOT_REPORTED): they quote
     * nothing the text shows, so the section itself is marked with them (a COPIED_TEXT finding also marks the sentences
     * it is made of).
     */
    public List<ReportTables.NumberedFinding> sectionFindings(Section section) {
        if (tables == null) {
            return List.of();
        }
        List<SectionText.Part> parts = parts(section);
        return tables.findings().stream()
                .filter(f -> f.finding().paths().contains("sections." + section.number()))
                .filter(f -> copied.containsKey(f.number()) || parts.stream().noneMatch(p -> p.findings().contains(f.number())))
                .toList();
    }

    /** The section's text in parts, the sentences that text findings quote marked. */
    public List<SectionText.Part> parts(Section section) {
        return SectionText.parts(section, tables == null ? List.of() : tables.findings(), copied);
    }
}
