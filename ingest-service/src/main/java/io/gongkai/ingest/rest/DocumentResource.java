package io.gongkai.ingest.rest;

import io.gongkai.common.rest.Problem;
import io.gongkai.common.security.Roles;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.ingest.mapping.DocumentMapper;
import io.gongkai.ingest.mapping.DocumentPage;
import io.gongkai.ingest.mapping.DocumentView;
import io.gongkai.ingest.repository.DocumentQuery;
import io.gongkai.ingest.repository.DocumentRepository;
import io.gongkai.ingest.service.DocumentIntakeService;
import io.gongkai.ingest.service.Submission;
import io.gongkai.ingest.service.SubmissionResult;
import io.gongkai.ingest.service.FileNames;
import io.quarkus.security.identity.SecurityIdentity;
import io.gongkai.model.events.DocumentStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Submitting documents and reading what became of them. The bearer scheme is declared here, on the resource
 * SmallRye OpenAPI scans, so that Swagger UI offers "Authorize" for the submit operations.
 */
@SecurityScheme(securitySchemeName = DocumentResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A submit token (gongkai.auth.submit-tokens; ./gongkai up keeps one in .gongkai/token). "
                + "Read tokens (gongkai.auth.read-tokens) may read but not submit.")
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    static final String BEARER = "bearer";
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_URL_LENGTH = 2048;

    private final DocumentIntakeService intake;
    private final DocumentRepository documents;
    private final IngestConfig config;
    private final SubmitAdmission admission;
    private final SecurityIdentity identity;

    public DocumentResource(DocumentIntakeService intake, DocumentRepository documents, IngestConfig config,
            SubmitAdmission admission, SecurityIdentity identity) {
        this.intake = intake;
        this.documents = documents;
        this.config = config;
        this.admission = admission;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.SUBMIT)
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = DocumentResource.BEARER)
    @Operation(summary = "Submit a document", description = "The body is the document's bytes (HTML, PDF, DOC/DOCX or text) "
            + "with its Content-Type. Answers 202 once the document is stored and its reports.raw event acknowledged; "
            + "the same bytes again answer 200 with the same documentId and publish nothing.")
    @APIResponse(responseCode = "202", description = "Accepted: a new document")
    @APIResponse(responseCode = "200", description = "Already known: the same bytes were submitted before")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "A read-only token")
    @APIResponse(responseCode = "413", description = "Larger than gongkai.upload.max-bytes")
    @APIResponse(responseCode = "429", description = "This token used up its submit budget (gongkai.upload.rate-limit), "
            + "or the pipeline is behind (gongkai.overload); see Retry-After")
    @APIResponse(responseCode = "503", description = "Kafka or MongoDB unavailable: retry later, without risk of duplicates")
    public Response submit(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("X-File-Name") String fileName, @HeaderParam("X-Source-Url") String sourceUrl,
            @HeaderParam("X-Fetched-At") String fetchedAt) {
        return accept(new Submission(checkSize(body), contentType, decodeFileName(fileName), checkSourceUrl(sourceUrl), parseInstant(fetchedAt)));
    }

    /** A file name from a header or a form part ({@link FileNames#fromHeader}): never a path. */
    static String decodeFileName(String header) {
        return FileNames.fromHeader(header);
    }

    /** Where the crawler found the document: an absolute http(s) URL, or nothing. */
    static String checkSourceUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() <= MAX_URL_LENGTH && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw problem(Response.Status.BAD_REQUEST, "Bad X-Source-Url", "来源地址须为不超过 " + MAX_URL_LENGTH
                + " 个字符的 http(s) 绝对地址。 X-Source-Url must be an absolute http or https URL of at most " + MAX_URL_LENGTH + " characters.");
    }

    @POST
    @RolesAllowed(Roles.SUBMIT)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SecurityRequirement(name = DocumentResource.BEARER)
    @Operation(summary = "Submit a document as a form upload", description = "Field `file` holds the document "
            + "(for browsers and curl -F); optional fields `sourceUrl` and `fetchedAt`.")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("sourceUrl") String sourceUrl,
            @RestForm("fetchedAt") String fetchedAt) {
        if (file == null) {
            throw problem(Response.Status.BAD_REQUEST, "Missing file", "表单缺少 file 字段。 The form has no field named file.");
        }
        if (file.size() > config.upload().maxBytes()) {
            throw tooLarge(file.size());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accept(new Submission(checkSize(bytes), file.contentType(), decodeFileName(file.fileName()), checkSourceUrl(sourceUrl),
                parseInstant(fetchedAt)));
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Path("/{documentId}")
    @Operation(summary = "A document's status, and once validated its report and findings")
    public DocumentView get(@PathParam("documentId") String documentId) {
        if (!DOCUMENT_ID.matcher(documentId).matches()) {
            throw notFound(documentId);
        }
        return documents.find(documentId).map(DocumentMapper::toView).orElseThrow(() -> notFound(documentId));
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List documents, newest first, filtered by status, agency and year")
    public DocumentPage list(@QueryParam("status") String status, @QueryParam("agency") String agency,
            @QueryParam("year") String year, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw problem(Response.Status.BAD_REQUEST, "Bad paging",
                    "page 须 ≥ 0，size 须在 1 到 " + MAX_PAGE_SIZE + " 之间。 page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        DocumentQuery query = new DocumentQuery(status == null || status.isBlank() ? null : parseStatus(status),
                agency == null || agency.isBlank() ? null : agency.strip(), year == null || year.isBlank() ? null : parseYear(year));
        return new DocumentPage(documents.list(query, page, size).stream().map(DocumentMapper::toSummary).toList(),
                page, size, documents.count(query));
    }

    private Response accept(Submission submission) {
        admission.admit(identity.getPrincipal().getName(), 1);
        SubmissionResult result = intake.submit(submission);
        Map<String, String> body = Map.of("documentId", result.documentId(), "status", result.status());
        return Response.status(result.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(URI.create("/api/documents/" + result.documentId())).entity(body).build();
    }

    private byte[] checkSize(byte[] body) {
        if (body == null || body.length == 0) {
            throw problem(Response.Status.BAD_REQUEST, "Empty document", "提交的文档为空。 The document is empty.");
        }
        if (body.length > config.upload().maxBytes()) {
            throw tooLarge(body.length);
        }
        return body;
    }

    private WebApplicationException tooLarge(long size) {
        return problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Document too large", String.format(Locale.ROOT,
                "文档大小 %d 字节，超过上限 %d 字节。 The document has %d bytes, more than the limit of %d.",
                size, config.upload().maxBytes(), size, config.upload().maxBytes()));
    }

    private static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw problem(Response.Status.BAD_REQUEST, "Bad X-Fetched-At",
                    "抓取时间须为 ISO-8601 格式，例如 2024-03-01T08:00:00Z。 X-Fetched-At must be an ISO-8601 instant.");
        }
    }

    private static int parseYear(String year) {
        try {
            int value = Integer.parseInt(year.strip());
            if (value >= 1900 && value <= 9999) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw problem(Response.Status.BAD_REQUEST, "Bad year", "year 须为四位年份，例如 2023。 year must be a four-digit year.");
    }

    private static DocumentStatus parseStatus(String status) {
        try {
            return DocumentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(Response.Status.BAD_REQUEST, "Unknown status",
                    "status 只能是 RECEIVED、EXTRACTED、VALIDATED 或 FAILED。 Unknown status.");
        }
    }

    private static WebApplicationException notFound(String documentId) {
        return problem(Response.Status.NOT_FOUND, "Document not found", "没有此文档。 No such document.");
    }

    private static WebApplicationException problem(Response.Status status, String title, String detail) {
        return Problem.exception(status, title, detail);
    }
}
