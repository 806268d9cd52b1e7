package io.gongkai.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the front door, under {@code gongkai.*} (tokens: {@link io.gongkai.common.security.AuthConfig}). */
@ConfigMapping(prefix = "gongkai")
public interface IngestConfig {

    Upload upload();

    Storage storage();

    Publish publish();

    interface Upload {
        /** Largest document accepted, in bytes; larger ones are answered 413. */
        @WithDefault("52428800")
        long maxBytes();

        /** The per-token submit budget. */
        RateLimit rateLimit();

        /** Limits of {@code POST /api/documents/batch} (many files, or a zip, in one request). */
        Batch batch();
    }

    /**
     * A batch is refused whole (413 problem+json, nothing submitted) above {@code max-files} files or
     * {@code max-total-bytes} bytes once expanded, both known before anything is read (form parts' sizes, the sizes a
     * zip's central directory declares). Each file is then held to {@code gongkai.upload.max-bytes}; a zip entry
     * declaring more than {@code max-ratio} times its compressed size (above 1 MiB) is refused unread, one inflating more
     * than it declares is cut off there, and reading stops after {@code max-parse-time}: a zip bomb costs at most those
     * bounds. The request body itself is bounded by {@code quarkus.http.limits.max-body-size}.
     */
    interface Batch {
        /** Files per request (form parts plus zip entries; keep {@code quarkus.http.limits.max-form-fields} above it). */
        @WithDefault("500")
        int maxFiles();

        /** Bytes of the files of a request that are read (those refused unread, too large or bombs, do not count). */
        @WithDefault("524288000")
        long maxTotalBytes();

        /** Largest ratio of a zip entry's size to its compressed size (for entries above 1 MiB). */
        @WithDefault("100")
        int maxRatio();

        /** How long reading a request's archives may take; the files not read by then are answered 503 each. */
        @WithDefault("60s")
        Duration maxParseTime();
    }

    /**
     * A token bucket per submit token: {@code burst} submits at once, refilled at {@code per-second}; a submit beyond it
     * is answered 429 with {@code Retry-After}. The defaults let a crawler bring its 10^5 reports of a spring in under
     * two hours (20/s, above what one deployment validates) while a leaked or runaway token cannot submit without bound.
     */
    interface RateLimit {
        /** Off for trusted local runs ({@code ./gongkai up} and the benchmark submit as fast as the pipeline takes). */
        @WithDefault("true")
        boolean enabled();

        /** Submits per second each token sustains (may be fractional: 0.5 is one every two seconds). */
        @WithDefault("20")
        double perSecond();

        /** Submits a token may make at once after a quiet time (the bucket's size). */
        @WithDefault("600")
        int burst();
    }

    interface Storage {
        /** The database of the front door: documents, statuses and the raw blob bucket. */
        @WithDefault("gongkai-ingest")
        String database();

        /** The GridFS bucket holding each document's bytes once, named by SHA-256 (the claim check). */
        @WithDefault("raw")
        String bucket();
    }

    interface Publish {
        /** How long a submit waits for the broker to acknowledge its reports.raw event before answering 503. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * A document whose submit was answered 503 after its bytes were stored is published by a sweep once it is
         * this old, so it is not left RECEIVED if the client never retries.
         */
        @WithDefault("2m")
        Duration sweepAfter();

        /** How often that sweep runs (a Quarkus scheduler expression such as {@code 30s}; {@code off} disables it). */
        @WithDefault("30s")
        String sweepEvery();
    }
}
