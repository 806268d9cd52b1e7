package io.gongkai.extract.service;

import io.gongkai.common.store.BlobBucket;
import io.gongkai.extract.config.ExtractConfig;
import io.gongkai.reader.formats.DocumentType;
import io.gongkai.reader.formats.OcrEngine;
import io.gongkai.reader.formats.ReportReader;
import io.gongkai.reader.formats.UnreadableDocumentException;
import io.gongkai.reader.parsing.NotAReportException;
import io.gongkai.reader.parsing.HostRegions;
import io.gongkai.extract.repository.RawBlobRepository;
import io.gongkai.model.events.ExtractedEvent;
import io.gongkai.model.events.RawDocumentEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Turns a raw document into the report model. Every outcome is an event: a document that cannot be
 * read gets a FAILED event with the reason, never silence.
 */
@ApplicationScoped
public class ExtractionService {

    /** Changes whenever extraction changes its output for the same bytes. */
    public static final String EXTRACTOR_VERSION = "formats-3-agency-1";

    private static final Logger LOG = Logger.getLogger(ExtractionService.class);

    private final RawBlobRepository blobs;
    private final ExtractConfig config;
    private final MeterRegistry metrics;
    private final ReportReader reader;
    /** Parsing runs here so that a pathological document can be abandoned after the time limit. */
    private final ExecutorService parsing = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "report-parser");
        t.setDaemon(true);
        return t;
    });

    public ExtractionService(RawBlobRepository blobs, ExtractConfig config, MeterRegistry metrics) {
        this.blobs = blobs;
        this.config = config;
        this.metrics = metrics;
        this.reader = new ReportReader(new OcrEngine(config.extraction().ocrCommand()), config.extraction().maxPdfPages());
    }

    /**
     * Builds the host-name table (ICU transliteration of every division: seconds of CPU) in the background at start-up,
     * so that the first report naming a gov.cn source does not wait for it (a report arriving meanwhile waits for the
     * class's initialisation, which runs once).
     */
    void warmUp(@Observes StartupEvent started) {
        parsing.submit(HostRegions::get);
    }

    @PreDestroy
    void stop() {
        parsing.shutdownNow();
    }

    public ExtractedEvent extract(RawDocumentEvent raw) {
        Timer.Sample sample = Timer.start(metrics);
        ExtractedEvent event = doExtract(raw);
        sample.stop(metrics.timer("gongkai.extraction", "status", event.status(),
                "type", event.detectedType() == null ? "unknown" : event.detectedType()));
        return event;
    }

    private ExtractedEvent doExtract(RawDocumentEvent raw) {
        BlobBucket.Blob blob = blobs.find(raw.sha256()).orElse(null);
        if (blob == null) {
            return ExtractedEvent.failed(raw, "原始文件缺失（存储中找不到该哈希）。 The stored bytes of this document are missing.",
                    null, EXTRACTOR_VERSION);
        }
        long size = blob.size();
        if (size == 0) {
            return ExtractedEvent.failed(raw, "文件为空。 The document is empty.", null, EXTRACTOR_VERSION);
        }
        if (size > config.extraction().maxBytes()) {
            return ExtractedEvent.failed(raw, "文件过大（" + size + " 字节）。 The document is larger than the extraction limit.",
                    null, EXTRACTOR_VERSION);
        }
        byte[] bytes = blobs.read(blob);
        // Detection runs under the time limit too (a zip is scanned entry by entry); the type it found is kept
        // for the event even when reading then fails or times out.
        AtomicReference<String> detected = new AtomicReference<>();
        Future<ReportReader.Result> result = parsing.submit(() -> {
            DocumentType type = reader.detect(bytes);
            detected.set(type.mediaType());
            return reader.read(bytes, type, raw.sourceUrl());
        });
        String type = null;
        try {
            ReportReader.Result read = result.get(config.extraction().timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new ExtractedEvent(raw.documentId(), raw.sha256(), ExtractedEvent.EXTRACTED, null,
                    read.type().mediaType(), read.encoding(), read.report(), EXTRACTOR_VERSION);
        } catch (TimeoutException e) {
            result.cancel(true);
            type = detected.get();
            return ExtractedEvent.failed(raw, "解析超时（超过 " + config.extraction().timeout().toSeconds()
                    + " 秒）。 Reading the document took too long.", type, EXTRACTOR_VERSION);
        } catch (ExecutionException e) {
            type = detected.get();
            if (e.getCause() instanceof NotAReportException notAReport) {
                return ExtractedEvent.failed(raw, notAReport.getMessage(), type, EXTRACTOR_VERSION);
            }
            if (e.getCause() instanceof UnreadableDocumentException unreadable) {
                return ExtractedEvent.failed(raw, unreadable.getMessage(), type, EXTRACTOR_VERSION);
            }
            if (e.getCause() instanceof OutOfMemoryError) {
                return ExtractedEvent.failed(raw, "文件过于复杂，超出内存限制。 The document needs more memory than extraction may use.",
                        type, EXTRACTOR_VERSION);
            }
            // A parser bug is deterministic: redelivery would fail again, so say so instead of dead-lettering.
            LOG.errorf(e.getCause(), "extraction of %s failed", raw.documentId());
            return ExtractedEvent.failed(raw, "解析时发生内部错误，已记录。 The document could not be read because of an internal error.",
                    type, EXTRACTOR_VERSION);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + raw.documentId(), e);
        }
    }
}
