package io.gongkai.ingest.rest;

import io.gongkai.common.rest.Problem;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.ingest.config.OverloadConfig;
import io.gongkai.ingest.service.OverloadGuard;
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
    private final OverloadGuard overload;
    private final IngestConfig config;
    private final OverloadConfig overloadConfig;

    public SubmitAdmission(SubmitRateLimiter rateLimiter, OverloadGuard overload, IngestConfig config, OverloadConfig overloadConfig) {
        this.rateLimiter = rateLimiter;
        this.overload = overload;
        this.config = config;
        this.overloadConfig = overloadConfig;
    }

    /**
     * Refuses every submit while the pipeline is behind (the token's budget is not spent on it), else takes {@code files}
     * submits of this principal's budget; throws 429 when either says no.
     */
    public void admit(String principal, int files) {
        refuseIfBehind();
        long wait = rateLimiter.tryAcquire(principal, files);
        if (wait > 0) {
            String rate = BigDecimal.valueOf(config.upload().rateLimit().perSecond()).stripTrailingZeros().toPlainString();
            throw tooMany(wait, "Too many submits", String.format(Locale.ROOT,
                    "提交过于频繁（每个令牌每秒最多 %s 份），请 %d 秒后重试。 This token submits more than %s documents a second; retry in %d s.",
                    rate, wait, rate, wait));
        }
    }

    /** Throws 429 while the pipeline is behind ({@link OverloadGuard}); a batch asks before its body is read. */
    public void refuseIfBehind() {
        overload.check().ifPresent(behind -> {
            throw tooMany(behind.retryAfterSeconds(), "Pipeline behind", String.format(Locale.ROOT,
                    "处理队列积压 %d 份文档（上限 %d），请 %d 秒后重试。 %d documents wait to be read (limit %d); retry in %d s.",
                    behind.lag(), overloadConfig.maxLag(), behind.retryAfterSeconds(),
                    behind.lag(), overloadConfig.maxLag(), behind.retryAfterSeconds()));
        });
    }

    static WebApplicationException tooMany(long retryAfter, String title, String detail) {
        Response problem = Problem.response(429, title, detail);
        return new WebApplicationException(detail, Response.fromResponse(problem).header("Retry-After", retryAfter).build());
    }
}
