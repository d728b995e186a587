package io.reasoner.kafka.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.kafka.EventPublisher;
import io.reasoner.kafka.ReasoningKafkaConfiguration;
import io.reasoner.kafka.TopicRecords;
import io.reasoner.kafka.tracing.TracingAutoConfiguration;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningTopic;

/** The services' own wiring (auto-configuration plus the event template) against a real in-JVM broker. */
@EmbeddedKafka
class CloudEventsOverKafkaTest {

    @Test
    void eventPublisher_sendsCloudEventsHeaders_thatAConsumerReadsBack(EmbeddedKafkaBroker broker) {
        runner(broker).run(context -> {
            Instant before = Instant.now();
            context.getBean(EventPublisher.class).sendAndWait(ReasoningTopic.CHUNKS,
                    new ReasoningChunk("rsn_ce", 0, Phase.THINKING, "hi", 1, 0), 10_000);

            ConsumerRecord<String, String> record = TopicRecords.read(broker, "reasoning.chunks", 1).get(0);

            assertThat(record.key()).isEqualTo("rsn_ce");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo("io.reasoner.ReasoningChunk.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/reasoner/ce-test");
            assertThat(header(record, "ce_subject")).isEqualTo("rsn_ce");
            assertThat(header(record, "ce_id")).matches("[0-9a-f-]{36}");
            assertThat(Instant.parse(header(record, "ce_time"))).isBetween(before.minusSeconds(1), Instant.now());
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(record.value()).contains("\"type\":\"ReasoningChunk\"");
        });
    }

    @Test
    void kafkaStreamsProducers_getTheInterceptorToo(EmbeddedKafkaBroker broker) {
        runner(broker).withPropertyValues("spring.kafka.streams.properties.producer.interceptor.classes=a.Other")
                .run(context -> {
                    Map<String, Object> streams = context.getBean(KafkaProperties.class).buildStreamsProperties();
                    assertThat(streams).containsEntry("producer.interceptor.classes",
                            "a.Other," + CloudEventsInterceptor.class.getName());
                    assertThat(streams).containsEntry("producer." + CloudEventsInterceptor.SOURCE_CONFIG,
                            "/reasoner/ce-test");
                });
    }

    private static ApplicationContextRunner runner(EmbeddedKafkaBroker broker) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                        CloudEventsAutoConfiguration.class, TracingAutoConfiguration.class))
                .withUserConfiguration(ReasoningKafkaConfiguration.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.application.name=ce-test");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.read(record.headers(), name);
    }
}
