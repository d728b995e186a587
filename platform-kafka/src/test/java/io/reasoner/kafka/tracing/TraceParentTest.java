package io.reasoner.kafka.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

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
    void child_keepsTheTraceAndFlags_withANewSpan() {
        TraceParent parent = TraceParent.parse(HEADER).orElseThrow();
        TraceParent child = parent.child(new Random(7));
        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.flags()).isEqualTo("01");
        assertThat(child.spanId()).hasSize(16).isNotEqualTo(parent.spanId());
    }

    @Test
    void interceptor_stampsRecordsSentInsideAScope_only() {
        TraceParentInterceptor interceptor = new TraceParentInterceptor();
        TraceParent span = TraceParent.root(new Random(1));
        ProducerRecord<Object, Object> inside;
        try (TraceContext.Scope scope = TraceContext.open(span)) {
            assertThat(MDC.get("traceId")).isEqualTo(span.traceId());
            inside = interceptor.onSend(new ProducerRecord<>("t", "k", "v"));
        }
        ProducerRecord<Object, Object> outside = interceptor.onSend(new ProducerRecord<>("t", "k", "v"));

        assertThat(new String(inside.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .isEqualTo(span.header());
        assertThat(outside.headers().lastHeader("traceparent")).isNull();
        assertThat(MDC.get("traceId")).isNull();
    }

    @Test
    void interceptor_keepsAHeaderTheRecordAlreadyHas() {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("t", "k", "v");
        record.headers().add("traceparent", HEADER.getBytes(StandardCharsets.US_ASCII));
        try (TraceContext.Scope scope = TraceContext.open(TraceParent.root(new Random(2)))) {
            new TraceParentInterceptor().onSend(record);
        }
        assertThat(record.headers().headers("traceparent")).hasSize(1);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .isEqualTo(HEADER);
    }
}
