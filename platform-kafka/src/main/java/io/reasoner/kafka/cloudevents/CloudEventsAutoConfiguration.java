package io.reasoner.kafka.cloudevents;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Makes every producer of every service that has this module on its class path (gateway, worker, budget policy)
 * send CloudEvents headers: it adds {@link CloudEventsInterceptor} to {@code spring.kafka.producer} and, for Kafka
 * Streams, to {@code spring.kafka.streams} ({@code producer.} prefix), after any interceptors configured there.
 * The event source is {@code /reasoner/<spring.application.name>}.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaProperties.class)
public class CloudEventsAutoConfiguration {

    static final String INTERCEPTORS = "interceptor.classes";
    static final String STREAMS_PRODUCER_PREFIX = "producer.";

    @Bean
    static BeanPostProcessor cloudEventsKafkaProperties(Environment environment) {
        String source = "/reasoner/" + environment.getProperty("spring.application.name", "service");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaProperties kafka) {
                    addInterceptor(kafka.getProducer().getProperties(), "", source);
                    addInterceptor(kafka.getStreams().getProperties(), STREAMS_PRODUCER_PREFIX, source);
                }
                return bean;
            }
        };
    }

    static void addInterceptor(Map<String, String> properties, String prefix, String source) {
        String key = prefix + INTERCEPTORS;
        String existing = properties.get(key);
        String name = CloudEventsInterceptor.class.getName();
        if (existing == null || existing.isBlank()) {
            properties.put(key, name);
        } else if (!existing.contains(name)) {
            properties.put(key, existing + "," + name);
        }
        properties.putIfAbsent(prefix + CloudEventsInterceptor.SOURCE_CONFIG, source);
    }
}
