package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.BlobStore;
import io.gongkai.ingest.repository.ListCursor;
import io.gongkai.ingest.repository.ReportFilter;
import io.gongkai.ingest.repository.ReportListing;
import io.gongkai.ingest.repository.ReportSort;
import io.gongkai.ingest.repository.StoredReport;
import io.gongkai.ingest.repository.WorkbenchRepository;
import io.gongkai.common.rest.Problem;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The reviewers' workbench: server-rendered pages over the read model (report list, one report, upload, problem
 * list) and the problem list's CSV and XLSX downloads. Reading is open like the API's reads; uploading goes through
 * {@code POST /api/documents} with the submit token the user types in.
 */
@Path("/")
public class WorkbenchResource {

    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{32}");
    private static final List<Integer> PAGE_SIZES = List.of(20, 50, 100);
    /** A text original larger than this is offered as a download rather than shown line by line. */
    private static final int MAX_SOURCE_VIEW_BYTES = 8 * 1024 * 1024;
    private static final int MAX_AGENCY_YEARS = 12;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate(basePath = "workbench")
    static class Templates {
        static native TemplateInstance reports(ReportsPage page);

        static native TemplateInstance report(ReportPage page);

        static native TemplateInstance upload();

        static native TemplateInstance problems(ProblemsPage page);

        static native TemplateInstance source(SourcePage page);

        static native TemplateInstance overview(OverviewPage page);

        static native TemplateInstance agency(AgencyPage page);
    }

    private final WorkbenchRepository reports;
    private final ProblemList problems;
    private final BlobStore blobs;

    public WorkbenchResource(WorkbenchRepository reports, ProblemList problems, BlobStore blobs) {
        this.reports = reports;
        this.problems = problems;
        this.blobs = blobs;
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        return Response.seeOther(URI.create("/reports")).build();
    }

    @GET
    @Path("reports")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The report list (HTML)", description = "Filters: agency (part of the name), year, status, level, "
            + "template, region (a division code: reports in it or under it), errors=1, warnings=1, late=1, copied=1; "
            + "tab=failed for the failed documents; sort (received, agency, year, errors, warnings) and dir (asc, desc); "
            + "size (20, 50, 100); after or before (the page position the list's own links carry), or page (a page number, from 1).")
    public TemplateInstance list(@QueryParam("agency") String agency, @QueryParam("year") String year,
            @QueryParam("status") String status, @QueryParam("level") String level, @QueryParam("template") String template,
            @QueryParam("errors") String errors, @QueryParam("warnings") String warnings, @QueryParam("tab") String tab,
            @QueryParam("region") String region, @QueryParam("late") String late, @QueryParam("copied") String copied,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("after") String after,
            @QueryParam("before") String before, @QueryParam("size") String size, @QueryParam("page") String page) {
        ReportFilter filter = filter(agency, year, status, level, template, errors, warnings, "failed".equals(tab), region, late, copied);
        ReportSort order = sort(sort);
        boolean ascending = dir == null || dir.isBlank() ? order.ascendingByDefault() : direction(dir);
        int pageSize = pageSize(size);
        if (after != null && before != null) {
            throw problem(Response.Status.BAD_REQUEST, "Bad paging", "after 与 before 只能给出一个。 Give after or before, not both.");
        }
        Integer number = page == null || page.isBlank() ? null : parseInt(page, "page");
        if (number != null && (number < 1 || number > MAX_PAGE)) {
            throw problem(Response.Status.BAD_REQUEST, "Bad page", "页码须在 1 到 " + MAX_PAGE + " 之间。 page must be 1.." + MAX_PAGE + ".");
        }
        if (number != null && (after != null || before != null)) {
            throw problem(Response.Status.BAD_REQUEST, "Bad paging", "page 与 after、before 只能给出一个。 Give page, after or before.");
        }
        ListCursor from = cursor(after != null ? after : before);
        boolean forward = before == null;
        if (from == null && number == null) {
            number = 1;
        }
        int skip = number == null ? 0 : (number - 1) * pageSize;
        List<ReportListing> rows = new ArrayList<>(reports.list(filter, order, ascending, from, forward, skip, pageSize + 1));
        boolean more = rows.size() > pageSize;
        if (more) {
            rows = forward ? rows.subList(0, pageSize) : rows.subList(1, rows.size());
        }
        boolean hasPrevious = forward ? from != null || number > 1 : more;
        boolean hasNext = forward ? more : true;
        // The other tab's count is unfiltered: failed documents have no agency, year or level to filter by.
        ReportFilter other = new ReportFilter(null, null, null, null, false, false, null, !filter.failed(), null, false, false);
        return Templates.reports(new ReportsPage(filter, order, ascending, pageSize, reports.count(filter), rows,
                reports.count(other), query(filter), hasPrevious, hasNext && !rows.isEmpty(), number));
    }

    @GET
    @Path("reports/{documentId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One report (HTML): its tables as in the official format, findings, provenance, sections")
    public TemplateInstance report(@PathParam("documentId") String documentId) {
        StoredReport stored = find(documentId);
        ReportTables tables = stored.report() == null ? null : new ReportTables(stored.report(), stored.findings());
        List<ReportListing> otherYears = List.of();
        if (stored.report() != null && stored.report().agency() != null) {
            otherYears = reports.sameAgency(stored.report().agency(), stored.documentId());
        }
        return Templates.report(new ReportPage(stored, tables, otherYears, copiedSentences(stored, tables)));
    }

    /** For each COPIED_TEXT finding, the sentences this report shares with the report it names (one read each). */
    private Map<Integer, List<String>> copiedSentences(StoredReport stored, ReportTables tables) {
        Map<Integer, List<String>> out = new HashMap<>();
        if (tables == null) {
            return out;
        }
        for (ReportTables.NumberedFinding f : tables.findings()) {
            String other = CopiedSentences.CODE.equals(f.finding().code()) ? CopiedSentences.otherDocument(f.finding().paths()) : null;
            if (other != null && DOCUMENT_ID.matcher(other).matches()) {
                reports.find(other).filter(o -> o.report() != null)
                        .ifPresent(o -> out.put(f.number(), CopiedSentences.shared(stored.report(), o.report())));
            }
        }
        return out;
    }

    @GET
    @Path("reports/{documentId}/original")
    @Operation(summary = "The stored original document, served so that it never runs in the workbench's origin",
            description = "For an HTML original, ?table=T&row=R&col=C (a value's provenance: 1-based data table, row and grid "
                    + "column) marks that cell (id gongkai-cell, so that #gongkai-cell scrolls to it); still sandboxed.")
    public Response original(@PathParam("documentId") String documentId, @QueryParam("table") String table,
            @QueryParam("row") String row, @QueryParam("col") String col) {
        StoredReport stored = find(documentId);
        boolean html = OriginalDocument.isHtml(stored.detectedType(), stored.declaredContentType());
        boolean atCell = table != null || row != null || col != null;
        if (atCell && !html) {
            throw problem(Response.Status.BAD_REQUEST, "No cell view", "只有 HTML 原文可以定位到单元格。 Only HTML originals open at a cell.");
        }
        int t = atCell ? cellIndex(table, "table") : 0;
        int r = atCell ? cellIndex(row, "row") : 0;
        int c = atCell ? cellIndex(col, "col") : 0;
        InputStream in = blobs.open(stored.sha256()).orElseThrow(() -> notFound("原文件不在存储中。"));
        StreamingOutput body = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        String type = OriginalDocument.contentType(stored.detectedType(), stored.declaredContentType(), stored.encoding());
        if (atCell) {
            String marked;
            try (in) {
                if (stored.size() > MAX_MARKED_BYTES) {
                    throw problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Too large to mark", "原文过大，请直接打开原文件。 The original is too large to mark.");
                }
                marked = HtmlCellMarker.marked(new String(in.readAllBytes(), OriginalDocument.charset(stored.encoding())), t, r, c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (marked != null) {
                byte[] bytes = marked.getBytes(StandardCharsets.UTF_8);
                body = out -> out.write(bytes);
                type = "text/html; charset=UTF-8";
            } else {
                // the cell is not in the page as stored (the page changed shape?): shown as stored, from the top
                InputStream again = blobs.open(stored.sha256()).orElseThrow(() -> notFound("原文件不在存储中。"));
                body = out -> {
                    try (again) {
                        again.transferTo(out);
                    }
                };
            }
        }
        return Response.ok(body)
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header("Content-Disposition", OriginalDocument.contentDisposition(stored.detectedType(), stored.declaredContentType(),
                        stored.fileName(), stored.documentId()))
                .header("Content-Security-Policy", OriginalDocument.contentSecurityPolicy(stored.detectedType(), stored.declaredContentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }

    /** An HTML original larger than this is opened as stored (at the top) rather than parsed to mark a cell. */
    private static final long MAX_MARKED_BYTES = 20_000_000;

    private int cellIndex(String value, String name) {
        int n = value == null || value.isBlank() ? 0 : parseInt(value, name);
        if (n < 1 || n > 10_000) {
            throw problem(Response.Status.BAD_REQUEST, "Bad cell", "table、row、col 须同时给出，且为 1 到 10000 的整数。 table, row and col are 1..10000.");
        }
        return n;
    }

    @GET
    @Path("reports/{documentId}/source")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A text original as numbered lines (HTML), the line given by ?line= marked")
    public TemplateInstance source(@PathParam("documentId") String documentId, @QueryParam("line") String line) {
        StoredReport stored = find(documentId);
        if (!OriginalDocument.isText(stored.detectedType(), stored.declaredContentType())) {
            throw problem(Response.Status.NOT_FOUND, "No text view", "只有纯文本原文可以逐行显示，请打开原文件。 Only text originals have a line view.");
        }
        if (stored.size() > MAX_SOURCE_VIEW_BYTES) {
            throw problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Too large to show", "原文过大，请下载原文件查看。 The original is too large to show.");
        }
        byte[] bytes;
        try (InputStream in = blobs.open(stored.sha256()).orElseThrow(() -> notFound("原文件不在存储中。"))) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(bytes, OriginalDocument.charset(stored.encoding()));
        Integer marked = line == null || line.isBlank() ? null : parseInt(line, "line");
        return Templates.source(SourcePage.of(stored, text, marked));
    }

    @GET
    @Path("overview")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Overview (HTML) of a region (?region=, a division code; the whole country without it)",
            description = "Reports per administrative level and year with errors, warnings, failures, late publication and "
                    + "copied text; for one year (?year=, the newest by default) the divisions just below the region with the "
                    + "same counts, and the region's governments that have no report, reckoned from the division list.")
    public TemplateInstance overview(@QueryParam("region") String region, @QueryParam("year") String year) {
        ReportFilter where = filter(null, year, null, null, null, null, null, false, region, null, null);
        Division division = where.region() == null ? null : Divisions.get().byAnyCode(where.region());
        List<Integer> years = reports.years(where.region());
        Integer chosen = where.year() != null ? where.year() : years.isEmpty() ? null : years.get(0);
        var below = reports.countBelow(where.region(), chosen);
        var withReport = division == null || chosen == null ? java.util.Set.<String>of() : reports.governmentsWithReport(where.region(), chosen);
        return Templates.overview(OverviewPage.of(division, reports.countByLevelAndYear(where.region()), chosen, years, below, withReport));
    }

    @GET
    @Path("agency")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One agency's years side by side (HTML), by its exact name (?name=)")
    public TemplateInstance agency(@QueryParam("name") String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw problem(Response.Status.BAD_REQUEST, "Bad agency", "请给出机关全称（name，不超过 100 个字符）。 name is required.");
        }
        List<StoredReport> years = reports.agencyYears(name.strip(), MAX_AGENCY_YEARS);
        if (years.isEmpty()) {
            throw notFound("没有此机关的已校验报告。");
        }
        return Templates.agency(AgencyPage.of(name.strip(), years));
    }

    @GET
    @Path("upload")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The upload page (HTML): drag and drop many files; needs a submit token")
    public TemplateInstance upload() {
        return Templates.upload();
    }

    @GET
    @Path("problems")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The problem list (问题清单, HTML): one row per finding, filtered like the report list plus severity and code")
    public TemplateInstance problemsPage(@QueryParam("agency") String agency, @QueryParam("year") String year,
            @QueryParam("level") String level, @QueryParam("template") String template, @QueryParam("severity") String severity,
            @QueryParam("code") String code, @QueryParam("region") String region, @QueryParam("after") String after,
            @QueryParam("size") String size, @QueryParam("page") String page) {
        ProblemFilter filter = problemFilter(agency, year, level, template, severity, code, region);
        int pageSize = pageSize(size);
        Integer number = page == null || page.isBlank() ? null : parseInt(page, "page");
        if (number != null && (number < 1 || number > MAX_PAGE)) {
            throw problem(Response.Status.BAD_REQUEST, "Bad page", "页码须在 1 到 " + MAX_PAGE + " 之间。 page must be 1.." + MAX_PAGE + ".");
        }
        // page=N alone: found by counting findings; with after (the next-page link): the keyset position, N its number
        WorkbenchRepository.ProblemCursor from = after != null ? problemCursor(after)
                : number != null ? problems.start(filter, number, pageSize) : null;
        ProblemList.Page rows = problems.page(filter, from, pageSize);
        int shown = number != null ? number : after == null ? 1 : 0;
        return Templates.problems(new ProblemsPage(filter, pageSize, rows.total(), rows.rows(), query(filter), shown != 1, rows.next(),
                shown));
    }

    @GET
    @Path("problems.csv")
    @Produces("text/csv")
    @Operation(summary = "The problem list as CSV (UTF-8 with BOM), streamed")
    public Response problemsCsv(@QueryParam("agency") String agency, @QueryParam("year") String year,
            @QueryParam("level") String level, @QueryParam("template") String template, @QueryParam("severity") String severity,
            @QueryParam("code") String code, @QueryParam("region") String region, @Context UriInfo uri) {
        ProblemFilter filter = problemFilter(agency, year, level, template, severity, code, region);
        String base = base(uri);
        return download((StreamingOutput) out -> problems.writeCsv(filter, base, out), "text/csv; charset=UTF-8", "问题清单.csv");
    }

    /** The CJK font the PDF export draws with, looked for once (an empty Optional: none on this system). */
    private volatile Optional<java.nio.file.Path> pdfFont;

    @GET
    @Path("reports/{documentId}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "One report's page as PDF, streamed: findings, every table cell (flagged ones coloured), the sections' text")
    public Response reportPdf(@PathParam("documentId") String documentId) {
        StoredReport stored = find(documentId);
        if (pdfFont == null) {
            pdfFont = ReportPdf.findFont();
        }
        java.nio.file.Path font = pdfFont.orElseThrow(() -> problem(Response.Status.SERVICE_UNAVAILABLE, "No CJK font",
                "服务器上没有可嵌入的中文 TrueType 字体，无法生成 PDF；请安装 fonts-wqy-zenhei（或 fonts-wqy-microhei）后重试。"
                        + " No CJK TrueType font on the server: install fonts-wqy-zenhei."));
        ReportTables tables = stored.report() == null ? null : new ReportTables(stored.report(), stored.findings());
        ReportPage page = new ReportPage(stored, tables, List.of());
        String name = page.title() + ".pdf";
        return Response.ok((StreamingOutput) out -> ReportPdf.write(page, font, out)).header(HttpHeaders.CONTENT_TYPE, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"report-" + stored.documentId() + ".pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("problems.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The problem list as an Excel workbook, streamed")
    public Response problemsXlsx(@QueryParam("agency") String agency, @QueryParam("year") String year,
            @QueryParam("level") String level, @QueryParam("template") String template, @QueryParam("severity") String severity,
            @QueryParam("code") String code, @QueryParam("region") String region, @Context UriInfo uri) {
        ProblemFilter filter = problemFilter(agency, year, level, template, severity, code, region);
        String base = base(uri);
        return download((StreamingOutput) out -> problems.writeXlsx(filter, base, out), XLSX, "问题清单.xlsx");
    }

    private static Response download(StreamingOutput body, String type, String name) {
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, type)
                .header("Content-Disposition", "attachment; filename=\"problems" + name.substring(name.lastIndexOf('.'))
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private StoredReport find(String documentId) {
        if (!DOCUMENT_ID.matcher(documentId).matches()) {
            throw notFound("没有此文档。");
        }
        return reports.find(documentId).orElseThrow(() -> notFound("没有此文档。"));
    }

    static ReportFilter filter(String agency, String year, String status, String level, String template, String errors,
            String warnings, boolean failed, String region, String late, String copied) {
        try {
            return new ReportFilter(agency, year == null || year.isBlank() ? null : parseInt(year, "year"), status, level,
                    flag(errors), flag(warnings), template, failed, region, flag(late), flag(copied));
        } catch (IllegalArgumentException e) {
            throw problem(Response.Status.BAD_REQUEST, "Bad filter", e.getMessage());
        }
    }

    private static ProblemFilter problemFilter(String agency, String year, String level, String template, String severity,
            String code, String region) {
        ReportFilter reports = filter(agency, year, null, level, template, null, null, false, region, null, null);
        try {
            return new ProblemFilter(reports, severity, code);
        } catch (IllegalArgumentException e) {
            throw problem(Response.Status.BAD_REQUEST, "Bad filter", e.getMessage());
        }
    }

    private static ReportSort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return ReportSort.RECEIVED;
        }
        ReportSort order = ReportSort.of(sort);
        if (!order.param().equals(sort.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw problem(Response.Status.BAD_REQUEST, "Bad sort", "排序只能是 received、agency、year、errors 或 warnings。");
        }
        return order;
    }

    private static boolean direction(String dir) {
        return switch (dir.strip()) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw problem(Response.Status.BAD_REQUEST, "Bad sort", "dir 只能是 asc 或 desc。");
        };
    }

    private static ListCursor cursor(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return ListCursor.parse(token.strip());
        } catch (IllegalArgumentException e) {
            throw problem(Response.Status.BAD_REQUEST, "Bad paging", e.getMessage());
        }
    }

    private static final Pattern PROBLEM_CURSOR = Pattern.compile("(\\d{1,15})\\.([0-9a-f]{32})\\.(\\d{1,6})");

    /** A problem-list position as ProblemsPage writes it: receivedAt millis, report id, findings already shown. */
    private static WorkbenchRepository.ProblemCursor problemCursor(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        var m = PROBLEM_CURSOR.matcher(token.strip());
        if (!m.matches()) {
            throw problem(Response.Status.BAD_REQUEST, "Bad paging", "翻页位置无效。 Not a page position.");
        }
        return new WorkbenchRepository.ProblemCursor(new java.util.Date(Long.parseLong(m.group(1))), m.group(2), Integer.parseInt(m.group(3)));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean flag(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"));
    }

    /** The highest page number a link may ask for (100 rows a page: ten million rows). */
    static final int MAX_PAGE = 100_000;

    private static int pageSize(String size) {
        if (size == null || size.isBlank()) {
            return PAGE_SIZES.get(0);
        }
        int n = parseInt(size, "size");
        if (!PAGE_SIZES.contains(n)) {
            throw problem(Response.Status.BAD_REQUEST, "Bad paging", "每页条数只能是 20、50 或 100。 size must be 20, 50 or 100.");
        }
        return n;
    }

    private static int parseInt(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw problem(Response.Status.BAD_REQUEST, "Bad " + name, name + " 须为整数。 " + name + " must be a whole number.");
        }
    }

    /** The filter as a query string, for the links that keep it. */
    static String query(ReportFilter f) {
        List<String> parts = new ArrayList<>();
        add(parts, "agency", f.agency());
        add(parts, "year", f.year() == null ? null : f.year().toString());
        add(parts, "status", f.status());
        add(parts, "level", f.level());
        add(parts, "template", f.template());
        add(parts, "errors", f.hasErrors() ? "1" : null);
        add(parts, "warnings", f.hasWarnings() ? "1" : null);
        add(parts, "tab", f.failed() ? "failed" : null);
        add(parts, "region", f.region());
        add(parts, "late", f.late() ? "1" : null);
        add(parts, "copied", f.copied() ? "1" : null);
        return String.join("&", parts);
    }

    static String query(ProblemFilter f) {
        List<String> parts = new ArrayList<>();
        String reports = query(f.reports());
        if (!reports.isEmpty()) {
            parts.add(reports);
        }
        add(parts, "severity", f.severity());
        add(parts, "code", f.code());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static WebApplicationException notFound(String detail) {
        return problem(Response.Status.NOT_FOUND, "Document not found", detail + " No such document.");
    }

    private static WebApplicationException problem(Response.Status status, String title, String detail) {
        return new WebApplicationException(detail, Problem.response(status, title, detail));
    }
}
