package io.reasoner.policy.web;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.kafka.tracing.TraceContext;

/**
 * A SERVER span around a manual override ({@code PUT} or {@code DELETE /policy/{tier}/override}), a child of the
 * caller's {@code traceparent} when it sends one; the override record sent meanwhile carries it. The only spans this
 * service records: its Kafka Streams topology is not traced.
 */
final class OverrideSpans {

    static final AttributeKey<String> TIER = AttributeKey.stringKey("reasoner.tier");

    /** What runs inside the span; may throw what the HTTP layer translates. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final Tracer tracer;

    OverrideSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    <T, E extends Exception> T traced(String method, String tier, String traceparent, Work<T, E> work) throws E {
        Span span = tracer.spanBuilder(method + " /policy/{tier}/override").setSpanKind(SpanKind.SERVER)
                .setParent(TraceContext.parentOf(traceparent))
                .setAttribute("http.request.method", method).setAttribute("http.route", "/policy/{tier}/override")
                .setAttribute(TIER, tier).startSpan();
        try (TraceContext.Scope scope = TraceContext.open(span)) {
            return work.run();
        } catch (Exception | Error e) {
            MessagingSpans.fail(span, e);
            throw e;
        } finally {
            span.end();
        }
    }
}
