package io.gongkai.extract.rest;

import io.gongkai.common.rest.Problem;
import io.gongkai.common.security.Roles;
import io.gongkai.messaging.deadletter.DeadLetterReplay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * The admin API (a bearer token of gongkai.auth.admin-tokens): sends this service's dead letters
 * (reports.raw.dlq.extract: records it could not read) back to their topics once their cause is fixed.
 * The replay itself is service-messaging's, the same in every service.
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
