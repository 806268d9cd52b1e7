package io.gongkai.validate.rest;

import com.mongodb.MongoException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of the admin API as problem+json; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response mongoFailed(MongoException e) {
        LOG.warn("MongoDB failed: " + e.getMessage());
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Database unavailable", "数据库暂不可用，请稍后重试。 MongoDB could not be reached.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.hasEntity() && r.getMediaType() != null && r.getMediaType().toString().startsWith(Problem.MEDIA_TYPE)) {
            return r;
        }
        Response.Status status = Response.Status.fromStatusCode(r.getStatus());
        return Problem.response(status == null ? Response.Status.BAD_REQUEST : status,
                status == null ? "Error" : status.getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error", "服务器内部错误。 An unexpected error occurred.");
    }
}
