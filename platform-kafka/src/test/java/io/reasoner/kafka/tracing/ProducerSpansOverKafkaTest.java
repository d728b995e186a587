package io.reasoner.kafka.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.reasoner.kafka.EventPublisher;
import io.reasoner.kafka.ReasoningKafkaConfiguration;
import io.reasoner.kafka.TopicRecords;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.WorkerStats;

/** The services' event publisher with the interceptor, against a real broker, spans kept in memory. */
@EmbeddedKafka
class ProducerSpansOverKafkaTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();

    @Test
    void eventSentInsideASpan_getsAProducerChild_whoseIdsTheRecordsTraceparentCarries(EmbeddedKafkaBroker broker) {
        runner(broker).run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            Span parent = tracer.spanBuilder("process reasoning.requests").setSpanKind(SpanKind.CONSUMER).startSpan();
            try (TraceContext.Scope scope = TraceContext.open(parent)) {
                context.getBean(EventPublisher.class).sendAndWait(ReasoningTopic.CHUNKS,
                        new ReasoningChunk("rsn_t", 0, Phase.THINKING, "hi", 1, 0), 10_000);
            } finally {
                parent.end();
            }
            ConsumerRecord<String, String> record = TopicRecords.read(broker, "reasoning.chunks", 1).get(0);

            SpanData producer = exported.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
            assertThat(producer.getName()).isEqualTo("send reasoning.chunks");
            assertThat(producer.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
            assertThat(producer.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
            assertThat(producer.getAttributes().get(MessagingSpans.KEY)).isEqualTo("rsn_t");
            assertThat(producer.getAttributes().get(MessagingSpans.OFFSET)).isEqualTo(record.offset());
            assertThat(traceparent(record)).isEqualTo(TraceParent.of(producer.getSpanContext()).header());
        });
    }

    @Test
    void eventSentOutsideAnyTrace_getsNoSpanAndNoHeader(EmbeddedKafkaBroker broker) {
        runner(broker).run(context -> {
            context.getBean(EventPublisher.class).sendAndWait(ReasoningTopic.WORKER_STATS,
                    new WorkerStats("w-1", "m", "cpu", 0, 4, 0, 0, 1L), 10_000);
            ConsumerRecord<String, String> record = TopicRecords.read(broker, "reasoning.worker-stats", 1).get(0);
            assertThat(record.headers().lastHeader(TraceParent.HEADER)).isNull();
            assertThat(exported.getFinishedSpanItems()).isEmpty();
        });
    }

    private ApplicationContextRunner runner(EmbeddedKafkaBroker broker) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, TracingAutoConfiguration.class))
                .withUserConfiguration(ReasoningKafkaConfiguration.class)
                .withBean(OpenTelemetry.class, () -> OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider
                        .builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build()).build())
                .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.kafka.producer.properties.interceptor.classes=" + TraceParentInterceptor.class.getName());
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(TraceParent.HEADER);
        assertThat(header).as("traceparent").isNotNull();
        return new String(header.value(), StandardCharsets.US_ASCII);
    }
}
