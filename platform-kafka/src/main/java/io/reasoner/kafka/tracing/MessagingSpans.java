package io.reasoner.kafka.tracing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * Spans of the Kafka hops, named and attributed after OpenTelemetry's messaging conventions ({@code send <topic>},
 * {@code process <topic>}), plus the platform's own request attributes. Attributes never carry prompt or output
 * text.
 */
public final class MessagingSpans {

    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    public static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    public static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    /** The reasoning request a span works for. */
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("reasoner.request.id");
    /** The tenant that owns it. */
    public static final AttributeKey<String> TENANT = AttributeKey.stringKey("reasoner.tenant");

    private MessagingSpans() {
    }

    /** A PRODUCER span for one record to {@code topic}, a child of the current span. */
    public static SpanBuilder producer(Tracer tracer, String topic, String key) {
        SpanBuilder span = tracer.spanBuilder("send " + topic).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic).setAttribute(OPERATION, "send");
        return key == null ? span : span.setAttribute(KEY, key);
    }

    /** A CONSUMER span that processes {@code record}, a child of the span its {@code traceparent} names. */
    public static SpanBuilder consumer(Tracer tracer, ConsumerRecord<?, ?> record) {
        return tracer.spanBuilder("process " + record.topic()).setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.parentOf(record.headers()))
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process")
                .setAttribute(PARTITION, Integer.toString(record.partition()))
                .setAttribute(OFFSET, record.offset());
    }

    /** Marks {@code span} failed by {@code failure}: its type and message, which never hold request text. */
    public static void fail(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }
}
