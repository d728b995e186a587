package io.reasoner.gateway.api;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.reasoner.gateway.GatewayProperties;
import io.reasoner.gateway.model.PromptTokenCounter;
import io.reasoner.gateway.service.AdmissionControl;
import io.reasoner.gateway.service.AdmissionProperties;
import io.reasoner.gateway.service.IdempotencyKeys;
import io.reasoner.gateway.service.PromptLimit;
import io.reasoner.gateway.service.ReasoningService;
import io.reasoner.gateway.service.RequestFactory;
import io.reasoner.gateway.service.RequestIds;
import io.reasoner.gateway.stream.RequestLog;
import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.kafka.EventPublisher;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
class ApiConfiguration {

    /**
     * Counts prompt tokens with the served model's tokenizer when the gateway is told the model file, to refuse a
     * prompt that fills the context and to fit the default answer cap to the room it leaves.
     */
    @Bean
    PromptLimit promptLimit(GatewayProperties properties) {
        return properties.modelPath() == null || properties.modelPath().isBlank() ? PromptLimit.none()
                : PromptLimit.of(PromptTokenCounter.fromGguf(java.nio.file.Path.of(properties.modelPath())));
    }

    @Bean
    ReasoningService reasoningService(GatewayProperties properties, AdmissionProperties admission,
            RequestRegistry registry, EventPublisher publisher, Clock clock, RequestLog log,
            PromptLimit promptLimit) {
        return new ReasoningService(
                new RequestFactory(properties, new RequestIds(new SecureRandom()), clock, promptLimit),
                registry, publisher, properties, clock,
                new AdmissionControl(registry, admission.maxConcurrent(), admission.maxQueued(),
                        admission.retryAfter()),
                new IdempotencyKeys(clock, admission.idempotencyRetention(), admission.idempotencyMaxKeys()), log);
    }
}
