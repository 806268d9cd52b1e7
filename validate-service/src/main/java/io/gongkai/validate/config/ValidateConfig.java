package io.gongkai.validate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of validate-service, under {@code gongkai.*}. */
@ConfigMapping(prefix = "gongkai")
public interface ValidateConfig {

    Storage storage();

    Publish publish();

    Agencies agencies();

    Outlier outlier();

    CopiedText copiedText();

    interface Storage {
        /** validate-service's own database: reports and findings. */
        @WithDefault("gongkai-validate")
        String database();
    }

    interface Publish {
        /** How long to wait for the broker to acknowledge a reports.validated event. */
        @WithDefault("30s")
        Duration timeout();

        /**
         * The {@code transactional.id} of this instance's reports.validated producer (env GONGKAI_PUBLISH_TRANSACTIONAL_ID):
         * unique per instance and the same after its restart (a StatefulSet ordinal, a host name). Default
         * {@code validate-service-<host name>}.
         */
        Optional<String> transactionalId();

        /**
         * How long the broker keeps a transaction open before aborting it: what read_committed readers wait at most
         * behind an instance killed mid-transaction that does not come back with the same id.
         */
        @WithDefault("30s")
        Duration transactionTimeout();
    }

    interface Agencies {
        /**
         * Names that stand for another, as {@code 印出的名称=规范名称} pairs (env GONGKAI_AGENCIES_ALIASES, comma-separated),
         * e.g. a body renamed between two years.
         */
        Optional<List<String>> aliases();
    }

    interface Outlier {
        /** Reports of a level that must be stored before any value of that level is called far off. */
        @WithDefault("30")
        int minReports();

        /** Robust standard deviations (1.4826 × MAD) above the median from which a value is far off. */
        @WithDefault("10")
        double threshold();

        /** Values below this are never outliers. */
        @WithDefault("50")
        double minValue();

        /** How often the per-level statistics are read again from the store's histograms (a few small documents). */
        @WithDefault("30s")
        Duration refresh();
    }

    interface CopiedText {
        /** Estimated Jaccard similarity of two narratives' 8-character shingles from which the text counts as copied. */
        @WithDefault("0.7")
        double similarity();
    }
}
