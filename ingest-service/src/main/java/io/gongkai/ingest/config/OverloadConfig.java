package io.gongkai.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Refusing submits while extract-service is far behind, under {@code gongkai.overload.*}. While the lag of
 * {@code group} on {@code topic} (records published but not yet committed by extract-service) is above {@code max-lag}, a submit is answered 429 with {@code Retry-After} = the time the group needs, at the drain
 * rate seen over the last samples, to come back under the bound, within 1 s and {@code max-retry-after}. The lag
 * is read with Kafka's admin client at most every {@code refresh}, on a thread of its own (never while a request
 * waits); while it is unknown (broker away, group not yet committed) nothing is refused for it.
 */
@ConfigMapping(prefix = "gongkai.overload")
public interface OverloadConfig {

    @WithDefault("true")
    boolean enabled();

    /** extract-service's consumer group. */
    @WithDefault("extract-service")
    String group();

    @WithDefault("reports.raw")
    String topic();

    /** Records waiting beyond which submits are refused: about ten minutes of one extract-service's work. */
    @WithDefault("5000")
    long maxLag();

    @WithDefault("300s")
    Duration maxRetryAfter();

    /** How old a lag reading may be before it is read again. */
    @WithDefault("5s")
    Duration refresh();
}
