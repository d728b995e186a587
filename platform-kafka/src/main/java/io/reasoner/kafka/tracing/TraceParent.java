package io.reasoner.kafka.tracing;

import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A span's identity as the W3C Trace Context {@code traceparent} header carries it between services:
 * {@code 00-<trace id, 32 hex>-<span id, 16 hex>-<flags, 2 hex>}. The platform puts it on Kafka records so that one
 * trace spans gateway → request topic → worker → chunk and result topics.
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

    /** The first span of a new, sampled trace. */
    public static TraceParent root(RandomGenerator random) {
        return new TraceParent(hex(random, 16), hex(random, 8), "01");
    }

    /** A span of the same trace whose parent is this one. */
    public TraceParent child(RandomGenerator random) {
        return new TraceParent(traceId, hex(random, 8), flags);
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String hex(RandomGenerator random, int bytes) {
        byte[] id = new byte[bytes];
        do {
            random.nextBytes(id);
        } while (zero(HexFormat.of().formatHex(id)));
        return HexFormat.of().formatHex(id);
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
