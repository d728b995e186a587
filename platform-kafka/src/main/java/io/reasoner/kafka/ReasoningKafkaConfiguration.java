package io.reasoner.kafka;

import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import io.opentelemetry.api.trace.Tracer;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.ReasoningEvent;

/**
 * What every service needs to speak the protocol over Kafka: the topics, a codec, and a template that sends
 * events keyed by {@link ReasoningEvent#key()}. Client settings stay under {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReasoningTopicsConfiguration.class)
public class ReasoningKafkaConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    ProducerFactory<String, ReasoningEvent> eventProducerFactory(KafkaProperties properties) {
        Map<String, Object> config = properties.buildProducerProperties();
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventSerializer());
    }

    @Bean
    KafkaTemplate<String, ReasoningEvent> eventTemplate(ProducerFactory<String, ReasoningEvent> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, ReasoningEvent> template, Tracer tracer) {
        return new EventPublisher(template, tracer);
    }
}
