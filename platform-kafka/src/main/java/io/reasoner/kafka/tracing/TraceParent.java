package io.reasoner.kafka.tracing;

import java.util.Optional;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * A span's identity as the W3C Trace Context {@code traceparent} header carries it between services:
 * {@code 00-<trace id, 32 hex>-<span id, 16 hex>-<flags, 2 hex>}. The platform puts it on Kafka records so that one
 * trace spans gateway → request topic → worker → chunk and result topics. The ids are OpenTelemetry's
 * ({@link #of(SpanContext)}, {@link #spanContext()}), so the ids in headers, logs and exported spans are the same.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId  16 lower-case hex digits, not all zero: the span that sent the record (the receiver's parent)
 * @param flags   2 hex digits; {@code 01} means sampled
 */
public record TraceParent(String traceId, String spanId, String flags) {

    /** The header's name, on HTTP requests and on Kafka records alike. */
    public static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    public TraceParent {
        check("traceId", traceId, 32);
        check("spanId", spanId, 16);
        if (flags == null || !flags.matches("[0-9a-f]{2}")) {
            throw new IllegalArgumentException("flags must be 2 lower-case hex digits, was " + flags);
        }
    }

    /** The header's value parsed; empty when absent or malformed (a bad header starts a new trace, as W3C says). */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(header.trim());
        if (!m.matches() || zero(m.group(1)) || zero(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(1), m.group(2), m.group(3)));
    }

    /** The header of an OpenTelemetry span; the context must be valid. */
    public static TraceParent of(SpanContext span) {
        if (!span.isValid()) {
            throw new IllegalArgumentException("span context must be valid, was " + span);
        }
        return new TraceParent(span.getTraceId(), span.getSpanId(), span.getTraceFlags().asHex());
    }

    /** This header as the remote parent of a span the receiver starts. */
    public SpanContext spanContext() {
        return SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.fromHex(flags, 0), TraceState.getDefault());
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static boolean zero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    private static void check(String name, String value, int digits) {
        if (value == null || value.length() != digits || !value.matches("[0-9a-f]+") || zero(value)) {
            throw new IllegalArgumentException(name + " must be " + digits + " lower-case hex digits, not all zero, was "
                    + value);
        }
    }
}
