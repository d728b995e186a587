package io.reasoner.gateway.tracing;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.reasoner.kafka.tracing.TraceContext;
import io.reasoner.kafka.tracing.TraceParent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Opens the span of each HTTP request: a child of the caller's {@code traceparent} header, or a new trace. The
 * request record the gateway produces meanwhile carries it ({@code TraceParentInterceptor}), so the worker's span
 * and its chunks join the same trace. Log lines written meanwhile carry {@code traceId} and {@code spanId}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceContextFilter extends OncePerRequestFilter {

    private final RandomGenerator random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceParent span = TraceParent.parse(request.getHeader(TraceParent.HEADER))
                .map(parent -> parent.child(random)).orElseGet(() -> TraceParent.root(random));
        try (TraceContext.Scope scope = TraceContext.open(span)) {
            chain.doFilter(request, response);
        }
    }
}
