package io.gongkai.ingest.service;

import io.gongkai.ingest.config.OverloadConfig;
import io.gongkai.ingest.messaging.ConsumerLagSource;
import io.gongkai.ingest.messaging.LagSample;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Whether the pipeline is too far behind to take more now ({@link OverloadConfig}): a lag above the bound
 * answers how long until the group, at the rate it drained over the last samples (up to a minute of them), is back
 * under it. Accepting more would only lengthen every document's wait and fill the broker's disk.
 */
@ApplicationScoped
public class OverloadGuard {

    /** Samples kept for the drain rate: a minute of them at the default 5 s refresh. */
    private static final int KEPT = 13;

    private final OverloadConfig config;
    private final ConsumerLagSource lag;
    private final Deque<LagSample> samples = new ArrayDeque<>();

    public OverloadGuard(OverloadConfig config, ConsumerLagSource lag, MeterRegistry metrics) {
        this.config = config;
        this.lag = lag;
        if (config.enabled()) {
            // what the guard sees, for dashboards and alerts: NaN while unknown
            Gauge.builder("gongkai.overload.lag", lag, l -> l.latest().map(s -> (double) s.lag()).orElse(Double.NaN))
                    .description("records of reports.raw not yet committed by extract-service, as last read")
                    .register(metrics);
        }
    }

    /** What a refusal tells: the lag seen and when to come back. */
    public record Behind(long lag, long retryAfterSeconds) {
    }

    /** Empty when submits may go in (or the lag is unknown); else the lag and the seconds to wait. */
    public Optional<Behind> check() {
        if (!config.enabled()) {
            return Optional.empty();
        }
        Optional<LagSample> latest = lag.latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        LagSample now = latest.get();
        LagSample oldest;
        synchronized (samples) {
            if (samples.isEmpty() || samples.peekLast().atNanos() != now.atNanos()) {
                samples.addLast(now);
                while (samples.size() > KEPT) {
                    samples.removeFirst();
                }
            }
            oldest = samples.peekFirst();
        }
        if (now.lag() <= config.maxLag()) {
            return Optional.empty();
        }
        long max = Math.max(1, config.maxRetryAfter().toSeconds());
        double seconds = (now.atNanos() - oldest.atNanos()) / 1e9;
        double perSecond = seconds > 0 ? (now.committed() - oldest.committed()) / seconds : 0;
        long wait = perSecond > 0 ? (long) Math.ceil((now.lag() - config.maxLag()) / perSecond) : max;
        return Optional.of(new Behind(now.lag(), Math.clamp(wait, 1, max)));
    }
}
