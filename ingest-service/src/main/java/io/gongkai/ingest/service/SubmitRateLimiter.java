package io.gongkai.ingest.service;

import io.gongkai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Submits per token: a token bucket per principal ({@code submit-1}, …) holding {@code gongkai.upload.submits-per-minute}
 * submits, refilled evenly over the minute. A leaked or misbehaving crawler token cannot flood the pipeline.
 */
@ApplicationScoped
public class SubmitRateLimiter {

    private final double capacity;
    private final double perNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public SubmitRateLimiter(IngestConfig config) {
        this(config.upload().submitsPerMinute(), System::nanoTime);
    }

    SubmitRateLimiter(int perMinute, LongSupplier clock) {
        this.capacity = Math.max(1, perMinute);
        this.perNano = capacity / 60e9;
        this.clock = clock;
    }

    /** @return 0 when this principal may submit now (the submit is counted), else the seconds until it may */
    public long tryAcquire(String principal) {
        return buckets.computeIfAbsent(principal, p -> new Bucket(capacity, clock.getAsLong())).take(clock.getAsLong());
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
