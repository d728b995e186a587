package io.reasoner.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.reasoner.gateway.kafka.KafkaRequestLog;
import io.reasoner.gateway.kafka.LogEventListener;
import io.reasoner.gateway.tracing.DeliverySpans;
import io.reasoner.gateway.sse.DeliveryLatency;
import io.reasoner.gateway.sse.EventStreams;
import io.reasoner.gateway.stream.RequestLog;
import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.kafka.KeyedLogScan;
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
    LogEventListener logEventListener(RequestRegistry registry, EventCodec codec, Tracer tracer) {
        return new LogEventListener(registry, codec, new DeliverySpans(tracer));
    }

    /** Reads requests back from the log with short-lived, group-less consumers; see {@link KafkaRequestLog}. */
    @Bean
    RequestLog requestLog(KafkaProperties kafka, EventCodec codec, Clock clock, LogEventListener live,
            GatewayProperties properties) {
        Map<String, Object> config = KeyedLogScan.consumerConfig(kafka.buildConsumerProperties());
        GatewayProperties.Replay replay = properties.replay();
        return new KafkaRequestLog(() -> new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()), codec, clock, live::reading, replay.lookback(), replay.clockSkew(),
                replay.timeout());
    }

    @Bean
    HealthIndicator streamConsumerHealthIndicator(LogEventListener listener) {
        return listener::health;
    }

    @Bean(destroyMethod = "close")
    EventStreams eventStreams(EventCodec codec, Clock clock, GatewayProperties properties, MeterRegistry meters) {
        return new EventStreams(codec, clock, properties, new DeliveryLatency(meters),
                Math.max(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Ends open SSE streams as shutdown begins. Phases stop from the highest down, and Boot's graceful shutdown of
     * the web server runs at {@code DEFAULT_PHASE - 1024}, so this runs just before it.
     */
    @Bean
    SmartLifecycle sseDrainOnShutdown(EventStreams streams) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                streams.drain();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return SmartLifecycle.DEFAULT_PHASE - 512;
            }
        };
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
