package io.gongkai.messaging.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Where a service reads and writes records with the Kafka client itself, a report's trace goes on: the span of the
 * work is a child of the span that wrote the incoming record, and the records it yields carry that span's context.
 */
class KafkaTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String WRITER_SPAN = "00f067aa0ba902b7";

    @Test
    void theTraceGoesOnFromTheIncomingRecordToTheOnesItYields() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build()) {
            KafkaTracing tracing = new KafkaTracing(otel);
            ConsumerRecord<String, String> in = new ConsumerRecord<>("reports.extracted", 2, 41L, "doc-1", "{}");
            in.headers().add("traceparent", ("00-" + TRACE + "-" + WRITER_SPAN + "-01").getBytes(StandardCharsets.UTF_8));

            ProducerRecord<String, String> out = new ProducerRecord<>("reports.validated", "doc-1", "{}");
            out.headers().add("traceparent", "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01".getBytes(StandardCharsets.UTF_8));
            Span span = tracing.process(in);
            try (Scope scope = span.makeCurrent()) {
                tracing.inject(out);
            } finally {
                span.end();
            }

            SpanData processed = spans.getFinishedSpanItems().getFirst();
            assertEquals(TRACE, processed.getTraceId(), "the span is in the trace of the record it processed");
            assertEquals(WRITER_SPAN, processed.getParentSpanId(), "and a child of the span that wrote it");
            assertEquals(SpanKind.CONSUMER, processed.getKind());
            assertEquals("reports.extracted process", processed.getName());

            Header header = out.headers().lastHeader("traceparent");
            assertNotNull(header);
            assertEquals(1, out.headers().toArray().length, "one traceparent, the stale one replaced");
            assertEquals("00-" + TRACE + "-" + processed.getSpanId() + "-01", new String(header.value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRecordWithoutTraceStartsOne() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build()) {
            Span span = new KafkaTracing(otel).process(new ConsumerRecord<>("reports.revalidate", 0, 0L, "doc-2", "{}"));
            span.end();
            SpanData processed = spans.getFinishedSpanItems().getFirst();
            assertEquals(false, processed.getParentSpanContext().isValid(), "a root span: nothing to continue");
        }
    }
}
