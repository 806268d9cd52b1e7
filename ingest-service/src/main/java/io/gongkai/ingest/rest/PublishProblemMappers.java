package io.gongkai.ingest.rest;

import io.gongkai.common.rest.Problem;
import io.gongkai.ingest.messaging.RawDocumentPublisher.PublishFailedException;
import io.gongkai.ingest.service.BatchRefusedException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The front door's own failures: the broker did not take a submitted document, a batch refused whole (the shared
 * mappers answer the rest).
 */
public class PublishProblemMappers {

    private static final Logger LOG = Logger.getLogger(PublishProblemMappers.class);

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e) {
        LOG.warn(e.getMessage());
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Message broker unavailable",
                "消息队列暂不可用，文档未被接收，请稍后重试（同一文件重试不会重复）。 Kafka did not acknowledge the document; retry later.");
    }

    @ServerExceptionMapper
    public Response batchRefused(BatchRefusedException e) {
        return Problem.response(e.status(), e.title(), e.getMessage());
    }
}
