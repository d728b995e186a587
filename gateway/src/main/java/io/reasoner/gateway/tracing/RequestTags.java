package io.reasoner.gateway.tracing;

import org.slf4j.MDC;

import io.opentelemetry.api.trace.Span;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.kafka.tracing.TraceContext;

/**
 * Names the reasoning request and tenant an HTTP request works for, once they are known (the tenant after
 * authentication, the id once created or looked up): log lines written on the request's thread carry them
 * ({@code requestId}, {@code tenant} in the MDC) and so does its SERVER span. Only inside {@link TraceContextFilter}'s
 * scope, which clears them when the request's thread is done; elsewhere (a Kafka or timer thread) a call does
 * nothing, so nothing leaks into another thread's later log lines.
 */
public final class RequestTags {

    static final String REQUEST_ID = "requestId";
    static final String TENANT = "tenant";

    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    private RequestTags() {
    }

    public static void requestId(String requestId) {
        if (requestId != null && Boolean.TRUE.equals(INSIDE.get())) {
            MDC.put(REQUEST_ID, requestId);
            Span.current().setAttribute(MessagingSpans.REQUEST_ID, requestId);
        }
    }

    public static void tenant(String tenant) {
        if (tenant != null && Boolean.TRUE.equals(INSIDE.get())) {
            MDC.put(TENANT, tenant);
            Span.current().setAttribute(MessagingSpans.TENANT, tenant);
        }
    }

    /** Opens tagging on this thread for one HTTP request; closing it clears the tags. */
    static TraceContext.Scope open() {
        INSIDE.set(Boolean.TRUE);
        return () -> {
            INSIDE.remove();
            MDC.remove(REQUEST_ID);
            MDC.remove(TENANT);
        };
    }
}
