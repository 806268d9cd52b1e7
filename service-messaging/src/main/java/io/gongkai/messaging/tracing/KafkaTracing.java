package io.gongkai.messaging.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace context across a Kafka hop where a service reads and writes records with the Kafka client itself (the
 * transactional batches of validate-service), so that a report's trace goes on from the record it came in on to the
 * records it yields. The channels SmallRye writes and reads are traced by Quarkus' OpenTelemetry extension already.
 */
@ApplicationScoped
public class KafkaTracing {

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private final OpenTelemetry otel;
    private final Tracer tracer;

    public KafkaTracing(OpenTelemetry otel) {
        this.otel = otel;
        this.tracer = otel.getTracer("io.gongkai.messaging");
    }

    /** A span for processing {@code record}, child of the span that wrote it (its {@code traceparent} header). End it. */
    public Span process(ConsumerRecord<?, ?> record) {
        Context parent = otel.getPropagators().getTextMapPropagator().extract(Context.root(), record.headers(), GETTER);
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }

    /** Writes the current context (the span made current around the work that yields {@code record}) into its headers. */
    public <K, V> ProducerRecord<K, V> inject(ProducerRecord<K, V> record) {
        otel.getPropagators().getTextMapPropagator().inject(Context.current(), record.headers(), SETTER);
        return record;
    }
}
