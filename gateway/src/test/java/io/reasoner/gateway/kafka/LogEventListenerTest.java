package io.reasoner.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.gateway.tracing.DeliverySpans;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;

class LogEventListenerTest {

    private static final String FIRST_CHUNK = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String RESULT = "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01";

    private final EventCodec codec = new EventCodec();
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final RequestRegistry registry = new RequestRegistry(Clock.systemUTC(), 60_000, 100);
    private final LogEventListener listener = new LogEventListener(registry, codec, new DeliverySpans(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build().get("test")));

    @Test
    void watchedRequest_getsConsumerSpansForItsFirstChunkAndResult_childrenOfTheirRecordsTraceparent() {
        TrackedRequest tracked = registry.accept(request("rsn_1"));
        tracked.addListener(() -> { });

        listener.onEvent(record("reasoning.chunks", new ReasoningChunk("rsn_1", 0, Phase.THINKING, "a", 1, 0),
                FIRST_CHUNK));
        listener.onEvent(record("reasoning.chunks", new ReasoningChunk("rsn_1", 1, Phase.THINKING, "b", 2, 0),
                FIRST_CHUNK));
        listener.onEvent(record("reasoning.results", ReasoningResult.failed("rsn_1", "acme", "x", 1L), RESULT));

        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).extracting(SpanData::getName).containsExactly("process reasoning.chunks",
                "process reasoning.results");
        assertThat(spans).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(span.getAttributes().get(MessagingSpans.REQUEST_ID)).isEqualTo("rsn_1");
        });
        assertThat(spans.get(0).getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(spans.get(1).getParentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(spans.get(1).getAttributes().get(MessagingSpans.TENANT)).isEqualTo("acme");
        assertThat(tracked.chunksFrom(0)).hasSize(2);
        assertThat(tracked.result()).isNotNull();
    }

    @Test
    void requestNobodyWaitsOnHere_getsNoSpan() {
        registry.accept(request("rsn_2"));

        listener.onEvent(record("reasoning.chunks", new ReasoningChunk("rsn_2", 0, Phase.THINKING, "a", 1, 0),
                FIRST_CHUNK));
        listener.onEvent(record("reasoning.results", ReasoningResult.failed("rsn_2", "acme", "x", 1L), RESULT));

        assertThat(exported.getFinishedSpanItems()).isEmpty();
        assertThat(registry.find("rsn_2").orElseThrow().result()).isNotNull();
    }

    private ConsumerRecord<String, byte[]> record(String topic, ReasoningEvent event, String traceparent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0L, event.key(), codec.encode(event));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        return record;
    }

    private static ReasoningRequest request(String id) {
        return new ReasoningRequest(id, "acme", null, "Once upon a time", null, Budget.of(8, 8), null, null, null,
                Map.of(), 0);
    }
}
