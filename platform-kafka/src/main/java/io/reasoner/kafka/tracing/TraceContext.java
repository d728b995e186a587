package io.reasoner.kafka.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

/**
 * The span the current thread works for: OpenTelemetry's current span. A service opens a scope where work for one
 * request starts (an HTTP request, a request record taken from Kafka); {@link TraceParentInterceptor} stamps every
 * record produced on that thread with it, and the log lines written meanwhile carry {@code traceId} and
 * {@code spanId} (MDC).
 *
 * <p>Thread-confined: work handed to another thread does not carry the span unless that thread opens it too.
 */
public final class TraceContext {

    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private TraceContext() {
    }

    /** The current span's header, or empty when this thread works for no trace. */
    public static Optional<TraceParent> current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? Optional.of(TraceParent.of(span)) : Optional.empty();
    }

    /** Makes {@code span} current until the returned scope is closed, which restores what was current before. */
    public static Scope open(Span span) {
        String previousTrace = MDC.get(TRACE_ID);
        String previousSpan = MDC.get(SPAN_ID);
        io.opentelemetry.context.Scope current = span.makeCurrent();
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
        }
        return () -> {
            current.close();
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        };
    }

    /**
     * The parent of a span that serves a received record or request: the remote span its {@code traceparent}
     * names, or the root context (a new trace) when the header is absent or malformed.
     */
    public static Context parentOf(String traceparent) {
        return TraceParent.parse(traceparent)
                .map(parent -> Context.root().with(Span.wrap(parent.spanContext())))
                .orElse(Context.root());
    }

    /** As {@link #parentOf(String)}, for the last {@code traceparent} header of a Kafka record. */
    public static Context parentOf(Headers headers) {
        Header header = headers.lastHeader(TraceParent.HEADER);
        return parentOf(header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.US_ASCII));
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** A scope that closes without exceptions. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
