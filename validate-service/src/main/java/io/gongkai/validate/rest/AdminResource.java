package io.gongkai.validate.rest;

import io.gongkai.common.rest.Problem;
import io.gongkai.common.security.Roles;
import io.gongkai.validate.messaging.RevalidationConsumer;
import io.gongkai.validate.repository.RevalidationJob;
import io.gongkai.validate.service.RevalidationJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.regex.Pattern;

/** The admin API (a bearer token of gongkai.auth.admin-tokens): re-check every stored report after the rules changed. */
@Path("/api/admin/revalidate")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final RevalidationJobs jobs;
    private final RevalidationConsumer requests;

    public AdminResource(RevalidationJobs jobs, RevalidationConsumer requests) {
        this.jobs = jobs;
        this.requests = requests;
    }

    /** 202 with the job; its requests go onto reports.revalidate in the background. */
    @POST
    public Response start(@Context UriInfo uri) {
        RevalidationJob job = jobs.start(requests::request);
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.jobId()).build()).build();
    }

    @GET
    @Path("{jobId}")
    public Response progress(@PathParam("jobId") String jobId) {
        if (!JOB_ID.matcher(jobId).matches()) {
            return Problem.response(Response.Status.NOT_FOUND, "Not Found", "没有这个重新校验任务。 No such re-validation job.");
        }
        return jobs.find(jobId).map(j -> Response.ok(j).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "Not Found", "没有这个重新校验任务。 No such re-validation job."));
    }
}
