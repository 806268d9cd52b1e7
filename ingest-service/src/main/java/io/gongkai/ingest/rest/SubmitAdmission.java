package io.gongkai.ingest.rest;

import io.gongkai.common.rest.Problem;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.ingest.service.SubmitRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Locale;

/** Whether a submit (of one file or a batch) may go in now; if not, 429 problem+json with Retry-After. */
@ApplicationScoped
public class SubmitAdmission {

    private final SubmitRateLimiter rateLimiter;
    private final IngestConfig config;

    public SubmitAdmission(SubmitRateLimiter rateLimiter, IngestConfig config) {
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    /** Takes {@code files} submits of this principal's budget, or throws 429. */
    public void admit(String principal, int files) {
        long wait = rateLimiter.tryAcquire(principal, files);
        if (wait > 0) {
            String rate = BigDecimal.valueOf(config.upload().rateLimit().perSecond()).stripTrailingZeros().toPlainString();
            throw tooMany(wait, "Too many submits", String.format(Locale.ROOT,
                    "提交过于频繁（每个令牌每秒最多 %s 份），请 %d 秒后重试。 This token submits more than %s documents a second; retry in %d s.",
                    rate, wait, rate, wait));
        }
    }

    static WebApplicationException tooMany(long retryAfter, String title, String detail) {
        Response problem = Problem.response(429, title, detail);
        return new WebApplicationException(detail, Response.fromResponse(problem).header("Retry-After", retryAfter).build());
    }
}
