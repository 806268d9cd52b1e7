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

        /** Submits each token may make per minute (a burst of this many, refilled evenly); more are answered 429. */
        @WithDefault("120")
        int submitsPerMinute();
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
