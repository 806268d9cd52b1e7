package io.gongkai.ingest.rest;

import com.mongodb.MongoException;
import io.gongkai.ingest.messaging.RawDocumentPublisher.PublishFailedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a problem+json answer that names the problem; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e) {
        LOG.warn(e.getMessage());
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Message broker unavailable",
                "消息队列暂不可用，文档未被接收，请稍后重试（同一文件重试不会重复）。 Kafka did not acknowledge the document; retry later.");
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
