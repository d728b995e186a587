package io.reasoner.gateway.tracing;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.kafka.tracing.TraceContext;
import io.reasoner.kafka.tracing.TraceParent;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Opens the SERVER span of each HTTP request: a child of the caller's {@code traceparent} header, or a new trace.
 * It is named after the route once Spring has matched one ({@code POST /v1/reasoning},
 * {@code GET /v1/reasoning/{id}/events}), else after the method alone; it carries method, path, route, status and,
 * once known, the request id and tenant ({@link RequestTags}). An asynchronous request (an SSE stream, a
 * non-streaming completion waiting for its result) ends its span when it completes. The request record the gateway
 * produces meanwhile is a child ({@code EventPublisher}), so the worker's spans join the same trace; log lines
 * written on the request's thread carry {@code traceId}, {@code spanId}, {@code requestId} and {@code tenant}.
 * Actuator paths (probes, scrapes) get no span.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceContextFilter extends OncePerRequestFilter {

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private final Tracer tracer;

    public TraceContextFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Span span = tracer.spanBuilder(request.getMethod()).setSpanKind(SpanKind.SERVER)
                .setParent(TraceContext.parentOf(request.getHeader(TraceParent.HEADER)))
                .setAttribute(METHOD, request.getMethod()).setAttribute(PATH, request.getRequestURI()).startSpan();
        boolean async = false;
        try (TraceContext.Scope scope = TraceContext.open(span); TraceContext.Scope tags = RequestTags.open()) {
            chain.doFilter(request, response);
            async = request.isAsyncStarted();
        } catch (IOException | ServletException | RuntimeException e) {
            MessagingSpans.fail(span, e);
            throw e;
        } finally {
            if (async) {
                request.getAsyncContext().addListener(new EndOnCompletion(span, request, response));
            } else {
                end(span, request, response);
            }
        }
    }

    private static void end(Span span, HttpServletRequest request, HttpServletResponse response) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (route != null) {
            span.updateName(request.getMethod() + " " + route);
            span.setAttribute(ROUTE, route.toString());
        }
        span.setAttribute(STATUS, response.getStatus());
        if (response.getStatus() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** Ends the span when the asynchronous request completes (after a timeout or an error too). */
    private record EndOnCompletion(Span span, HttpServletRequest request, HttpServletResponse response)
            implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            end(span, request, response);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            span.setStatus(StatusCode.ERROR, "async request timed out");
        }

        @Override
        public void onError(AsyncEvent event) {
            if (event.getThrowable() != null) {
                MessagingSpans.fail(span, event.getThrowable());
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
