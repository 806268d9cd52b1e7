package io.gongkai.validate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of validate-service, under {@code gongkai.*}. */
@ConfigMapping(prefix = "gongkai")
public interface ValidateConfig {

    Storage storage();

    Publish publish();

    interface Storage {
        /** validate-service's own database: reports and findings. */
        @WithDefault("gongkai-validate")
        String database();
    }

    interface Publish {
        /** How long to wait for the broker to acknowledge a reports.validated event. */
        @WithDefault("30s")
        Duration timeout();
    }
}
