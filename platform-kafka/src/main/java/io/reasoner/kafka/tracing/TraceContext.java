package io.reasoner.kafka.tracing;

import java.util.Optional;

import org.slf4j.MDC;

/**
 * The span the current thread works for. A service opens a scope where work for one request starts (an HTTP
 * request, a request record taken from Kafka); {@link TraceParentInterceptor} stamps every record produced on that
 * thread with it, and the log lines written meanwhile carry {@code traceId} and {@code spanId} (MDC).
 *
 * <p>Thread-confined: work handed to another thread does not carry the span unless that thread opens it too.
 */
public final class TraceContext {

    private static final ThreadLocal<TraceParent> CURRENT = new ThreadLocal<>();

    private TraceContext() {
    }

    public static Optional<TraceParent> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes {@code span} current until the returned scope is closed, which restores what was current before. */
    public static Scope open(TraceParent span) {
        TraceParent previous = CURRENT.get();
        CURRENT.set(span);
        MDC.put("traceId", span.traceId());
        MDC.put("spanId", span.spanId());
        return () -> {
            if (previous == null) {
                CURRENT.remove();
                MDC.remove("traceId");
                MDC.remove("spanId");
            } else {
                CURRENT.set(previous);
                MDC.put("traceId", previous.traceId());
                MDC.put("spanId", previous.spanId());
            }
        };
    }

    /** A scope that closes without exceptions. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
