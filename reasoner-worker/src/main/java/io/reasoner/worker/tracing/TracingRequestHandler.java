package io.reasoner.worker.tracing;

import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.kafka.tracing.TraceContext;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.MalformedEventException;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.worker.intake.RequestHandler;

/**
 * Serves each request record inside a CONSUMER span ({@code process reasoning.requests}), a child of the span its
 * {@code traceparent} header names (or the root of a new trace when it has none), so that the chunks, result and
 * dead letter the worker produces for it are its children (the request consumer is a plain KafkaConsumer, outside
 * Spring's observation). The span carries the request id, tenant and model, and once the result is out its thinking
 * tokens and finish reason ({@link ResultSpans}); log lines meanwhile carry {@code requestId}, {@code tenant},
 * {@code traceId} and {@code spanId} (MDC). Never the prompt.
 */
public final class TracingRequestHandler implements RequestHandler {

    static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Boolean> HANDED_OVER = AttributeKey.booleanKey("reasoner.handed_over");

    private final RequestHandler delegate;
    private final EventCodec codec;
    private final Tracer tracer;
    private final String model;

    public TracingRequestHandler(RequestHandler delegate, EventCodec codec, Tracer tracer, String model) {
        this.delegate = delegate;
        this.codec = codec;
        this.tracer = tracer;
        this.model = model;
    }

    @Override
    public Handled handle(ConsumerRecord<String, byte[]> record, boolean mayHaveHistory, BooleanSupplier handedOver) {
        String tenant = tenant(record);
        SpanBuilder builder = MessagingSpans.consumer(tracer, record).setAttribute(MODEL, model);
        if (record.key() != null) {
            builder.setAttribute(MessagingSpans.REQUEST_ID, record.key());
        }
        if (tenant != null) {
            builder.setAttribute(MessagingSpans.TENANT, tenant);
        }
        Span span = builder.startSpan();
        try (TraceContext.Scope scope = TraceContext.open(span)) {
            putMdc("requestId", record.key());
            putMdc("tenant", tenant);
            Handled handled = delegate.handle(record, mayHaveHistory, handedOver);
            if (handled == Handled.HANDED_OVER) {
                span.setAttribute(HANDED_OVER, true);
            }
            return handled;
        } catch (RuntimeException | Error e) {
            MessagingSpans.fail(span, e);
            throw e;
        } finally {
            span.end();
            MDC.remove("requestId");
            MDC.remove("tenant");
        }
    }

    /** The request's tenant, or null for a record that does not decode (the delegate rejects it). */
    private String tenant(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return codec.decode(record.value(), ReasoningRequest.class).tenant();
        } catch (MalformedEventException e) {
            return null;
        }
    }

    private static void putMdc(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
