package io.reasoner.gateway;

import java.time.Clock;
import java.util.UUID;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import io.reasoner.gateway.kafka.LogEventListener;
import io.reasoner.gateway.sse.EventStreams;
import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.protocol.EventCodec;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    String gatewayInstanceId(GatewayProperties properties) {
        return properties.instanceId().isBlank() ? UUID.randomUUID().toString() : properties.instanceId();
    }

    @Bean
    RequestRegistry requestRegistry(Clock clock, GatewayProperties properties) {
        return new RequestRegistry(clock, properties.retention().toMillis(), properties.maxTrackedRequests());
    }

    @Bean
    LogEventListener logEventListener(RequestRegistry registry, EventCodec codec) {
        return new LogEventListener(registry, codec);
    }

    @Bean
    HealthIndicator streamConsumerHealthIndicator(LogEventListener listener) {
        return listener::health;
    }

    @Bean(destroyMethod = "close")
    EventStreams eventStreams(EventCodec codec, Clock clock, GatewayProperties properties) {
        return new EventStreams(codec, clock, properties, Math.max(4, Runtime.getRuntime().availableProcessors()));
    }

    @Bean
    RegistryEviction registryEviction(RequestRegistry registry) {
        return new RegistryEviction(registry);
    }

    static final class RegistryEviction {
        private final RequestRegistry registry;

        RegistryEviction(RequestRegistry registry) {
            this.registry = registry;
        }

        @Scheduled(fixedDelayString = "PT30S")
        void evict() {
            registry.evict();
        }
    }
}
