package io.reasoner.gateway.tracing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.kafka.tracing.TraceContext;

/**
 * The CONSUMER spans that end a trace at this gateway: processing a record (a request's first chunk, its result) for
 * a client waiting here, as a child of the worker's PRODUCER span its {@code traceparent} names. The caller picks
 * which records get one; the live path's other chunks get none, so a chunk costs no span here.
 */
public final class DeliverySpans {

    private final Tracer tracer;

    public DeliverySpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Runs {@code delivery} (the registry update that notifies the waiting streams) inside the record's span. */
    public void process(ConsumerRecord<?, ?> record, String requestId, String tenant, Runnable delivery) {
        SpanBuilder builder = MessagingSpans.consumer(tracer, record).setAttribute(MessagingSpans.REQUEST_ID, requestId);
        if (tenant != null) {
            builder.setAttribute(MessagingSpans.TENANT, tenant);
        }
        Span span = builder.startSpan();
        try (TraceContext.Scope scope = TraceContext.open(span)) {
            delivery.run();
        } catch (RuntimeException e) {
            MessagingSpans.fail(span, e);
            throw e;
        } finally {
            span.end();
        }
    }
}
