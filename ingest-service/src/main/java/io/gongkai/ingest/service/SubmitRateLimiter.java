package io.gongkai.ingest.service;

import io.gongkai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Submits per token: a token bucket per principal ({@code submit-1}, …) of {@code gongkai.upload.rate-limit.burst}
 * submits, refilled at {@code gongkai.upload.rate-limit.per-second}. A leaked or misbehaving crawler token cannot
 * flood the pipeline; with {@code enabled=false} every submit passes.
 */
@ApplicationScoped
public class SubmitRateLimiter {

    private final boolean enabled;
    private final double capacity;
    private final double perNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public SubmitRateLimiter(IngestConfig config) {
        this(config.upload().rateLimit().enabled(), config.upload().rateLimit().perSecond(), config.upload().rateLimit().burst(),
                System::nanoTime);
    }

    SubmitRateLimiter(boolean enabled, double perSecond, int burst, LongSupplier clock) {
        if (enabled && (!(perSecond > 0) || burst < 1)) {
            throw new IllegalArgumentException("gongkai.upload.rate-limit: per-second must be > 0 and burst >= 1, or enabled=false");
        }
        this.enabled = enabled;
        this.capacity = Math.max(1, burst);
        this.perNano = perSecond / 1e9;
        this.clock = clock;
    }

    /** @return 0 when this principal may submit now (the submit is counted), else the whole seconds until it may */
    public long tryAcquire(String principal) {
        return tryAcquire(principal, 1);
    }

    /**
     * For a batch of {@code submits} files: all are counted at once, or none. A batch larger than the bucket needs a
     * full bucket (it could never have more).
     *
     * @return 0 when this principal may submit them now, else the whole seconds until it may
     */
    public long tryAcquire(String principal, int submits) {
        if (!enabled) {
            return 0;
        }
        double need = Math.min(capacity, Math.max(1, submits));
        return buckets.computeIfAbsent(principal, p -> new Bucket(capacity, clock.getAsLong())).take(clock.getAsLong(), need);
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now, double need) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= need) {
                tokens -= need;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((need - tokens) / perNano / 1e9));
        }
    }
}
