package io.reasoner.worker.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.reasoner.kafka.tracing.TraceContext;
import io.reasoner.kafka.tracing.TraceParent;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.worker.intake.RequestHandler.Handled;

class TracingRequestHandlerTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventCodec codec = new EventCodec();
    private final Map<String, String> seen = new HashMap<>();
    private final TracingRequestHandler handler = new TracingRequestHandler((record, handedOver) -> {
        seen.put("span", TraceContext.current().map(TraceParent::header).orElse(null));
        seen.put("requestId", MDC.get("requestId"));
        seen.put("tenant", MDC.get("tenant"));
        return Handled.DONE;
    }, codec, new Random(3));

    @Test
    void servesARecordInAChildSpanOfItsTraceparent_withRequestIdAndTenantLogged() {
        ConsumerRecord<String, byte[]> record = record(codec.encode(request("r-1", "acme")));
        record.headers().add("traceparent", CALLER.getBytes(StandardCharsets.US_ASCII));

        assertThat(handler.handle(record, () -> false)).isEqualTo(Handled.DONE);

        TraceParent span = TraceParent.parse(seen.get("span")).orElseThrow();
        assertThat(span.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(seen).containsEntry("requestId", "r-1").containsEntry("tenant", "acme");
        assertThat(TraceContext.current()).isEmpty();
        assertThat(MDC.get("requestId")).isNull();
        assertThat(MDC.get("traceId")).isNull();
    }

    @Test
    void startsANewTraceForARecordWithoutOne_andServesUndecodableRecordsToo() {
        handler.handle(record("not json".getBytes(StandardCharsets.UTF_8)), () -> false);

        assertThat(TraceParent.parse(seen.get("span"))).isPresent();
        assertThat(seen.get("span")).doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seen).containsEntry("requestId", "r-1").containsEntry("tenant", null);
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("reasoning.requests", 0, 0L, "r-1", value);
    }

    private static ReasoningRequest request(String id, String tenant) {
        return new ReasoningRequest(id, tenant, null, "Once upon a time", null, Budget.of(8, 8), null, null, null,
                Map.of(), 0);
    }
}
