package io.gongkai.messaging.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Where spans go when no collector was named: nowhere. Without it the OTLP exporter would try localhost:4317 every few
 * seconds and log each failure. Spans are still made and their context still travels in the records' {@code traceparent}
 * headers. Setting {@code OTEL_EXPORTER_OTLP_ENDPOINT} (docs/operations.md) retires this exporter, and the extension's
 * OTLP exporter sends to that endpoint instead (Quarkus builds its OTLP exporter only when no other exporter bean is
 * there).
 */
@Dependent
public class SpanExport {

    @Produces
    @Singleton
    // Read from the environment (OTEL_EXPORTER_OTLP_ENDPOINT) or -Dotel.exporter.otlp.endpoint; no property file names
    // it, since a service's @ConfigMapping roots refuse properties they do not map.
    @LookupIfProperty(name = "otel.exporter.otlp.endpoint", stringValue = "none", lookupIfMissing = true)
    SpanExporter discard() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
