package io.reasoner.worker.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.kafka.tracing.TraceContext;
import io.reasoner.kafka.tracing.TraceParent;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Forcing;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;
import io.reasoner.worker.intake.RequestHandler;
import io.reasoner.worker.intake.RequestHandler.Handled;

class TracingRequestHandlerTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventCodec codec = new EventCodec();
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Map<String, String> seen = new HashMap<>();

    private TracingRequestHandler handler(RequestHandler delegate) {
        return new TracingRequestHandler((record, mayHaveHistory, handedOver) -> {
            seen.put("span", TraceContext.current().map(TraceParent::header).orElse(null));
            seen.put("requestId", MDC.get("requestId"));
            seen.put("tenant", MDC.get("tenant"));
            seen.put("spanId", MDC.get("spanId"));
            return delegate.handle(record, mayHaveHistory, handedOver);
        }, codec, tracers.get("test"), "stories260K");
    }

    @Test
    void servesARecordInAConsumerSpan_childOfItsTraceparent_withRequestIdTenantAndResultRecorded() {
        ConsumerRecord<String, byte[]> record = record(codec.encode(request("r-1", "acme")));
        record.headers().add("traceparent", CALLER.getBytes(StandardCharsets.US_ASCII));

        Handled handled = handler((r, m, h) -> {
            ResultSpans.record(new ReasoningResult("r-1", "acme", ResultStatus.DONE, "t", "a", FinishReason.LENGTH,
                    new Usage(3, 8, 5), null, Forcing.NONE, 2, null, "stories260K", Map.of(), 1L));
            return Handled.DONE;
        }).handle(record, true, () -> false);

        assertThat(handled).isEqualTo(Handled.DONE);
        SpanData span = only(exported.getFinishedSpanItems());
        assertThat(span.getName()).isEqualTo("process reasoning.requests");
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(seen.get("span")).isEqualTo(TraceParent.of(span.getSpanContext()).header());
        assertThat(seen).containsEntry("requestId", "r-1").containsEntry("tenant", "acme")
                .containsEntry("spanId", span.getSpanId());
        assertThat(span.getAttributes().get(MessagingSpans.REQUEST_ID)).isEqualTo("r-1");
        assertThat(span.getAttributes().get(MessagingSpans.TENANT)).isEqualTo("acme");
        assertThat(span.getAttributes().get(TracingRequestHandler.MODEL)).isEqualTo("stories260K");
        assertThat(span.getAttributes().get(ResultSpans.THINKING_TOKENS)).isEqualTo(8L);
        assertThat(span.getAttributes().get(ResultSpans.FINISH_REASON)).isEqualTo("length");
        assertThat(span.getAttributes().asMap().values()).as("no prompt text").noneMatch(
                v -> v.toString().contains("Once upon a time"));
        assertThat(TraceContext.current()).isEmpty();
        assertThat(MDC.get("requestId")).isNull();
        assertThat(MDC.get("traceId")).isNull();
    }

    @Test
    void startsANewTraceForARecordWithoutOne_andServesUndecodableRecordsToo() {
        handler((r, m, h) -> Handled.DONE).handle(record("not json".getBytes(StandardCharsets.UTF_8)), true,
                () -> false);

        SpanData span = only(exported.getFinishedSpanItems());
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getTraceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seen).containsEntry("requestId", "r-1").containsEntry("tenant", null);
    }

    @Test
    void aFailingDelegate_endsTheSpanFailed_andAHandoverIsMarked() {
        ConsumerRecord<String, byte[]> record = record(codec.encode(request("r-1", "acme")));
        assertThatIllegalStateException().isThrownBy(() -> handler((r, m, h) -> {
            throw new IllegalStateException("broker gone");
        }).handle(record, true, () -> false));
        handler((r, m, h) -> Handled.HANDED_OVER).handle(record, true, () -> true);

        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(spans.get(1).getAttributes().get(TracingRequestHandler.HANDED_OVER)).isTrue();
        assertThat(MDC.get("requestId")).isNull();
    }

    private static SpanData only(List<SpanData> spans) {
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("reasoning.requests", 0, 0L, "r-1", value);
    }

    private static ReasoningRequest request(String id, String tenant) {
        return new ReasoningRequest(id, tenant, null, "Once upon a time", null, Budget.of(8, 8), null, null, null,
                Map.of(), 0);
    }
}
