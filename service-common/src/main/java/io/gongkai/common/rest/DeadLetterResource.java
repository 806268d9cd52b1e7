package io.gongkai.common.rest;

import io.gongkai.common.security.Roles;
import io.gongkai.messaging.deadletter.DeadLetterReplay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;

/**
 * The admin API of every service (a bearer token of gongkai.auth.admin-tokens): sends the service's own dead letters
 * back to their topics once their cause is fixed (ingest: reports.extracted.dlq.ingest and reports.validated.dlq.ingest,
 * statuses it could not record; extract: reports.raw.dlq.extract, records it could not read; validate:
 * reports.extracted.dlq.validate and reports.revalidate.dlq.validate). The replay itself is service-messaging's
 * {@link DeadLetterReplay}, which finds the topics in the service's channel settings.
 */
@Path("/api/admin/dead-letters")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    /** 200 with what was sent back per dead-letter topic; 503 when the broker could not be reached (try again). */
    @POST
    @Path("replay")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replay this service's dead letters", description = "Admin token. Sends each dead letter of "
            + "the service's dead-letter topics back to its topic once (consumer group SERVICE-dlq-replay); 200 with the "
            + "counts per topic, 503 problem+json when the broker cannot be reached.")
    public Response replay() {
        try {
            return Response.ok(replay.replay()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Service Unavailable", "重放被中断。 Replay interrupted.");
        } catch (Exception e) {
            LOG.warnf("dead-letter replay failed: %s", e.toString());
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "暂时无法重放死信，请稍后重试。 The broker could not be reached; try again (what was replayed stays replayed).");
        }
    }
}
