package io.gongkai.ingest.rest;

import io.gongkai.common.security.Roles;
import io.gongkai.ingest.service.BatchAnswer;
import io.gongkai.ingest.service.BatchIntakeService;
import io.gongkai.ingest.service.BatchPart;
import io.gongkai.ingest.service.FileNames;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Many documents in one request, for backfills: form parts named {@code file} (a zip part stands for its files), or a
 * zip as the body. The answer lists every file in order, accepted with its id or refused with its own problem; limits
 * of the whole request are answered as one problem before anything is submitted ({@link BatchIntakeService}).
 */
@Path("/api/documents/batch")
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    private static final Logger LOG = Logger.getLogger(BatchResource.class);
    static final String ZIP = "application/zip";

    private final BatchIntakeService batches;
    private final SubmitAdmission admission;
    private final SecurityIdentity identity;

    public BatchResource(BatchIntakeService batches, SubmitAdmission admission, SecurityIdentity identity) {
        this.batches = batches;
        this.admission = admission;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.SUBMIT)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SecurityRequirement(name = DocumentResource.BEARER)
    @Operation(summary = "Submit many documents as a form upload", description = "Any number of fields `file` "
            + "(curl -F file=@a.pdf -F file=@b.html …); a part that is a zip (application/zip, or a name ending .zip) "
            + "stands for its files, one level deep. Answers 200 with one item per file, in order: "
            + "{fileName, entry?, documentId, status, created} or {fileName, entry?, problem}.")
    @APIResponse(responseCode = "200", description = "Each file accepted or refused on its own; counts")
    @APIResponse(responseCode = "400", description = "No file, or a zip part that is no readable zip")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "A read-only token")
    @APIResponse(responseCode = "413", description = "More files than gongkai.upload.batch.max-files, or more bytes once "
            + "expanded than gongkai.upload.batch.max-total-bytes: nothing submitted")
    @APIResponse(responseCode = "429", description = "Over the token's budget (one per file) or the pipeline is behind; see Retry-After")
    @APIResponse(responseCode = "503", description = "Kafka or MongoDB unavailable: send the batch again later, without duplicates")
    public BatchAnswer upload(@RestForm("file") List<FileUpload> files) {
        List<BatchPart> parts = files == null ? List.of() : files.stream()
                .map(f -> new BatchPart(FileNames.fromHeader(f.fileName()), f.contentType(), f.uploadedFile(), f.size()))
                .toList();
        return submit(parts);
    }

    @POST
    @RolesAllowed(Roles.SUBMIT)
    @Consumes({ZIP, "application/x-zip-compressed"})
    @SecurityRequirement(name = DocumentResource.BEARER)
    @Operation(summary = "Submit the files of a zip archive", description = "The body is a zip; each of its files "
            + "(directories skipped, nested archives not expanded, names kept as their last segment) is answered as "
            + "by the form upload. Optional X-File-Name names the archive in problems.")
    public BatchAnswer zip(File body, @HeaderParam("X-File-Name") String fileName) {
        try {
            String name = FileNames.fromHeader(fileName);
            return submit(List.of(new BatchPart(name == null ? "batch.zip" : name, ZIP, body.toPath(), body.length())));
        } finally {
            try {
                Files.deleteIfExists(body.toPath());
            } catch (IOException e) {
                LOG.debugf("temporary body %s not deleted: %s", body, e.getMessage());
            }
        }
    }

    private BatchAnswer submit(List<BatchPart> parts) {
        admission.refuseIfBehind();
        try (BatchIntakeService.Plan plan = batches.plan(parts)) {
            admission.admit(identity.getPrincipal().getName(), plan.size());
            return batches.submit(plan);
        }
    }
}
