package io.reasoner.worker.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;

import io.reasoner.kafka.tracing.TraceContext;
import io.reasoner.kafka.tracing.TraceParent;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.MalformedEventException;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.worker.intake.RequestHandler;

/**
 * Serves each request record inside a span of the trace its {@code traceparent} header names (or of a new trace
 * when it has none), so that the chunks, result and dead letter the worker produces for it carry that trace on
 * (the request consumer is a plain KafkaConsumer, outside Spring's observation). Log lines meanwhile carry
 * {@code requestId}, {@code tenant}, {@code traceId} and {@code spanId} (MDC); never the prompt.
 */
public final class TracingRequestHandler implements RequestHandler {

    private final RequestHandler delegate;
    private final EventCodec codec;
    private final RandomGenerator random;

    public TracingRequestHandler(RequestHandler delegate, EventCodec codec, RandomGenerator random) {
        this.delegate = delegate;
        this.codec = codec;
        this.random = random;
    }

    @Override
    public Handled handle(ConsumerRecord<String, byte[]> record, BooleanSupplier handedOver) {
        Header header = record.headers().lastHeader(TraceParent.HEADER);
        Optional<TraceParent> parent = header == null || header.value() == null ? Optional.empty()
                : TraceParent.parse(new String(header.value(), StandardCharsets.US_ASCII));
        TraceParent span = parent.map(p -> p.child(random)).orElseGet(() -> TraceParent.root(random));
        try (TraceContext.Scope scope = TraceContext.open(span)) {
            putMdc("requestId", record.key());
            putMdc("tenant", tenant(record));
            return delegate.handle(record, handedOver);
        } finally {
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
