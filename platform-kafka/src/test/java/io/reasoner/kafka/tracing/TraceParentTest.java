package io.reasoner.kafka.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

class TraceParentTest {

    private static final String HEADER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parse_readsTheW3cExample_andWritesItBack() {
        TraceParent span = TraceParent.parse(HEADER).orElseThrow();
        assertThat(span.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.header()).isEqualTo(HEADER);
    }

    @Test
    void parse_refusesMalformedAndAllZeroIds() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new TraceParent("abc", "00f067aa0ba902b7", "01"))
                .withMessage("traceId must be 32 lower-case hex digits, not all zero, was abc");
    }

    @Test
    void spanContext_roundTripsThroughOpenTelemetry_asARemoteParent() {
        TraceParent header = TraceParent.parse(HEADER).orElseThrow();
        SpanContext span = header.spanContext();
        assertThat(span.isRemote()).isTrue();
        assertThat(span.isSampled()).isTrue();
        assertThat(TraceParent.of(span)).isEqualTo(header);
        assertThatIllegalArgumentException().isThrownBy(() -> TraceParent.of(SpanContext.getInvalid()));
    }

    @Test
    void parentOf_startsANewTrace_forAMissingOrMalformedHeader() {
        assertThat(Span.fromContext(TraceContext.parentOf("garbage")).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceContext.parentOf(HEADER)).getSpanContext().getSpanId())
                .isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void interceptor_stampsRecordsSentInsideAScope_only() {
        TraceParentInterceptor interceptor = new TraceParentInterceptor();
        TraceParent span = TraceParent.parse(HEADER).orElseThrow();
        ProducerRecord<Object, Object> inside;
        try (TraceContext.Scope scope = TraceContext.open(Span.wrap(span.spanContext()))) {
            assertThat(MDC.get("traceId")).isEqualTo(span.traceId());
            assertThat(MDC.get("spanId")).isEqualTo(span.spanId());
            inside = interceptor.onSend(new ProducerRecord<>("t", "k", "v"));
        }
        ProducerRecord<Object, Object> outside = interceptor.onSend(new ProducerRecord<>("t", "k", "v"));

        assertThat(new String(inside.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .isEqualTo(span.header());
        assertThat(outside.headers().lastHeader("traceparent")).isNull();
        assertThat(MDC.get("traceId")).isNull();
        assertThat(TraceContext.current()).isEmpty();
    }

    @Test
    void interceptor_keepsAHeaderTheRecordAlreadyHas() {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("t", "k", "v");
        record.headers().add("traceparent", HEADER.getBytes(StandardCharsets.US_ASCII));
        SpanContext other = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (TraceContext.Scope scope = TraceContext.open(Span.wrap(other))) {
            new TraceParentInterceptor().onSend(record);
        }
        assertThat(record.headers().headers("traceparent")).hasSize(1);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .isEqualTo(HEADER);
    }
}
