package io.reasoner.kafka.tracing;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;

/**
 * Every service with this module (gateway, worker, budget policy) gets an OpenTelemetry SDK ({@link Tracing}) and
 * its {@link Tracer}. The context closes the SDK, which flushes the spans still batched; beans that record spans
 * depend on the tracer, so they stop first. A test may declare its own {@link OpenTelemetry} bean instead.
 */
@AutoConfiguration
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TracingAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(OpenTelemetry.class)
    OpenTelemetrySdk openTelemetry(TracingProperties properties, Environment environment) {
        String service = properties.serviceName().isBlank()
                ? environment.getProperty("spring.application.name", "reasoner") : properties.serviceName();
        Optional<URI> endpoint = Tracing.tracesEndpoint(properties.otlpEndpoint(), environment::getProperty);
        if (endpoint.isPresent()) {
            log.info("exporting spans of service {} to {}", service, endpoint.get());
        } else {
            log.info("no OTLP endpoint configured ({} or {}): spans are not exported",
                    Tracing.ENDPOINT_PROPERTY, Tracing.ENDPOINT_ENV);
        }
        return Tracing.openTelemetry(service, endpoint);
    }

    @Bean
    @ConditionalOnMissingBean
    Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracer(Tracing.SCOPE);
    }
}
