package io.gongkai.extract.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of extract-service, under {@code gongkai.*}. */
@ConfigMapping(prefix = "gongkai")
public interface ExtractConfig {

    Blobs blobs();

    Extraction extraction();

    interface Blobs {
        /** The front door's database, which holds the raw blob bucket. */
        @WithDefault("gongkai-ingest")
        String database();

        /** The GridFS bucket the bytes are stored in, by SHA-256. */
        @WithDefault("raw")
        String bucket();
    }

    interface Extraction {
        /** Documents larger than this are not parsed (they end FAILED with the reason). */
        @WithDefault("52428800")
        long maxBytes();

        /** A document whose parsing takes longer ends FAILED instead of holding the consumer. */
        @WithDefault("60s")
        Duration timeout();

        /** PDFs with more pages are refused (annual reports have 5-40). */
        @WithDefault("500")
        int maxPdfPages();

        /** The Tesseract command for scanned PDFs; where it does not run, scans end FAILED with that reason. */
        @WithDefault("tesseract")
        String ocrCommand();
    }
}
