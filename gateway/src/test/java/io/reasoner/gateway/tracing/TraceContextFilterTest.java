package io.reasoner.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.kafka.tracing.TraceContext;
import io.reasoner.kafka.tracing.TraceParent;
import jakarta.servlet.FilterChain;

class TraceContextFilterTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final TraceContextFilter filter = new TraceContextFilter(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build().get("test"));
    private final Map<String, String> seen = new HashMap<>();

    @Test
    void serverSpan_childOfTheCallersTraceparent_namedAfterTheRoute_withRequestIdAndTenantInMdcAndAttributes()
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/reasoning");
        request.addHeader("traceparent", CALLER);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            RequestTags.tenant("acme");
            RequestTags.requestId("rsn_1");
            seen.put("span", TraceContext.current().map(TraceParent::header).orElse(null));
            seen.putAll(MDC.getCopyOfContextMap());
            req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/v1/reasoning");
            ((MockHttpServletResponse) res).setStatus(202);
        });

        SpanData span = only(exported.getFinishedSpanItems());
        assertThat(span.getName()).isEqualTo("POST /v1/reasoning");
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(seen.get("span")).isEqualTo(TraceParent.of(span.getSpanContext()).header());
        assertThat(seen).containsEntry("requestId", "rsn_1").containsEntry("tenant", "acme")
                .containsEntry("traceId", span.getTraceId()).containsEntry("spanId", span.getSpanId());
        assertThat(span.getAttributes().get(MessagingSpans.REQUEST_ID)).isEqualTo("rsn_1");
        assertThat(span.getAttributes().get(MessagingSpans.TENANT)).isEqualTo("acme");
        assertThat(span.getAttributes().get(TraceContextFilter.ROUTE)).isEqualTo("/v1/reasoning");
        assertThat(span.getAttributes().get(TraceContextFilter.STATUS)).isEqualTo(202L);
        assertThat(MDC.get("requestId")).isNull();
        assertThat(MDC.get("tenant")).isNull();
        assertThat(MDC.get("traceId")).isNull();
    }

    @Test
    void asyncRequest_endsItsSpanOnlyWhenItCompletes() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/reasoning/rsn_1/events");
        request.setAsyncSupported(true);
        FilterChain startsAsync = (req, res) -> {
            req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/v1/reasoning/{id}/events");
            req.startAsync();
        };

        filter.doFilter(request, new MockHttpServletResponse(), startsAsync);
        assertThat(exported.getFinishedSpanItems()).as("open while streaming").isEmpty();
        request.getAsyncContext().complete();

        SpanData span = only(exported.getFinishedSpanItems());
        assertThat(span.getName()).isEqualTo("GET /v1/reasoning/{id}/events");
        assertThat(span.getParentSpanContext().isValid()).as("a new trace without a caller's header").isFalse();
    }

    @Test
    void actuatorRequests_getNoSpan_andTagsOutsideARequestDoNothing() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/prometheus"), new MockHttpServletResponse(),
                (req, res) -> seen.put("span", TraceContext.current().map(TraceParent::header).orElse("none")));
        RequestTags.requestId("rsn_leak");

        assertThat(seen).containsEntry("span", "none");
        assertThat(exported.getFinishedSpanItems()).isEmpty();
        assertThat(MDC.get("requestId")).isNull();
    }

    private static SpanData only(List<SpanData> spans) {
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }
}
