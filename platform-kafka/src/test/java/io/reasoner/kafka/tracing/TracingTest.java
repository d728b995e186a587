package io.reasoner.kafka.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;

class TracingTest {

    @Test
    void tracesEndpoint_prefersTheProperty_thenTheTracesVariable_thenTheBaseVariable() {
        Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://base:4318/");
        assertThat(Tracing.tracesEndpoint("http://collector:4318", env::get))
                .contains(URI.create("http://collector:4318/v1/traces"));
        assertThat(Tracing.tracesEndpoint("", env::get)).contains(URI.create("http://traces:4318/custom"));
        assertThat(Tracing.tracesEndpoint(null, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://base:4318/")::get))
                .contains(URI.create("http://base:4318/v1/traces"));
        assertThat(Tracing.tracesEndpoint("https://c.example/otlp/v1/traces", env::get))
                .contains(URI.create("https://c.example/otlp/v1/traces"));
        assertThat(Tracing.tracesEndpoint("", Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void tracesEndpoint_refusesWhatIsNotAnHttpUrl_namingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tracing.tracesEndpoint("collector:4318", k -> null))
                .withMessage("reasoner.tracing.otlp-endpoint must be an http(s) URL such as http://collector:4318, "
                        + "was collector:4318");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Tracing.tracesEndpoint("", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://x")::get))
                .withMessageStartingWith("OTEL_EXPORTER_OTLP_ENDPOINT must be");
    }

    @Test
    void exportsTheServicesSpans_asProtobufPostsToV1Traces_whenClosed() throws Exception {
        try (OtlpCollector collector = new OtlpCollector()) {
            String traceId;
            String childId;
            String parentId;
            try (OpenTelemetrySdk sdk = Tracing.openTelemetry("test-service",
                    Tracing.tracesEndpoint(collector.endpoint(), k -> null))) {
                Tracer tracer = sdk.getTracer(Tracing.SCOPE);
                Span parent = tracer.spanBuilder("POST /v1/reasoning").setSpanKind(SpanKind.SERVER).startSpan();
                Span child;
                try (TraceContext.Scope scope = TraceContext.open(parent)) {
                    child = tracer.spanBuilder("send reasoning.requests").setSpanKind(SpanKind.PRODUCER)
                            .setAttribute(MessagingSpans.REQUEST_ID, "rsn_1").startSpan();
                    child.end();
                }
                parent.end();
                traceId = parent.getSpanContext().getTraceId();
                parentId = parent.getSpanContext().getSpanId();
                childId = child.getSpanContext().getSpanId();
                assertThat(collector.posts()).as("batched, not sent span by span").isEmpty();
            }

            assertThat(collector.posts()).isNotEmpty().allSatisfy(post -> {
                assertThat(post.path()).isEqualTo("/v1/traces");
                assertThat(post.contentType()).isEqualTo("application/x-protobuf");
            });
            assertThat(collector.spans()).containsExactlyInAnyOrder(
                    new OtlpCollector.ExportedSpan("test-service", traceId, parentId, "", "POST /v1/reasoning",
                            OtlpCollector.SERVER, Map.of()),
                    new OtlpCollector.ExportedSpan("test-service", traceId, childId, parentId,
                            "send reasoning.requests", OtlpCollector.PRODUCER, Map.of("reasoner.request.id", "rsn_1")));
        }
    }

    @Test
    void withoutAnEndpoint_spansStillGetIds_butNothingIsExported() throws Exception {
        try (OtlpCollector collector = new OtlpCollector()) {
            try (OpenTelemetrySdk sdk = Tracing.openTelemetry("quiet", Optional.empty())) {
                Span span = sdk.getTracer(Tracing.SCOPE).spanBuilder("x").startSpan();
                assertThat(span.getSpanContext().isValid()).isTrue();
                span.end();
            }
            assertThat(collector.posts()).isEmpty();
        }
    }
}
