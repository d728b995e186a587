package io.reasoner.gateway.api;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.reasoner.gateway.GatewayProperties;
import io.reasoner.gateway.service.ReasoningService;
import io.reasoner.gateway.service.RequestFactory;
import io.reasoner.gateway.service.RequestIds;
import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.kafka.EventPublisher;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    ReasoningService reasoningService(GatewayProperties properties, RequestRegistry registry,
            EventPublisher publisher, Clock clock) {
        return new ReasoningService(new RequestFactory(properties, new RequestIds(new SecureRandom()), clock),
                registry, publisher, properties, clock);
    }
}
