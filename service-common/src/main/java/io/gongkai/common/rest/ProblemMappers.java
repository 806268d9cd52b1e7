package io.gongkai.common.rest;

import com.mongodb.MongoException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of every service into a problem+json answer that names the problem; nothing leaks a stack
 * trace or a token. A service adds mappers only for its own exceptions.
 */
public class ProblemMappers {

    /** The realm of the {@code WWW-Authenticate} challenge. */
    public static final String CHALLENGE = "Bearer realm=\"gongkai\"";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        boolean tokenGiven = e instanceof AuthenticationFailedException;
        Response problem = Problem.response(Response.Status.UNAUTHORIZED, "Unauthorized", tokenGiven
                ? "身份令牌无效。 The bearer token is not valid."
                : "缺少身份令牌：请以 Authorization: Bearer <token> 调用。 Missing bearer token.");
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Forbidden",
                "此令牌无权执行该操作（例如只读令牌不能提交文档）。 This token is not allowed to do this (a read token cannot submit).");
    }

    @ServerExceptionMapper
    public Response mongoFailed(MongoException e) {
        LOG.warn("MongoDB failed: " + e.getMessage());
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Database unavailable",
                "数据库暂不可用，请稍后重试。 MongoDB could not be reached; retry later.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.hasEntity() && r.getMediaType() != null && r.getMediaType().toString().startsWith(Problem.MEDIA_TYPE)) {
            return r;
        }
        String title = r.getStatusInfo().getReasonPhrase();
        return Problem.response(r.getStatus(), title == null ? "Error" : title, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error", "服务器内部错误。 An unexpected error occurred.");
    }
}
