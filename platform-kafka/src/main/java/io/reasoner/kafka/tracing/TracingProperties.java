package io.reasoner.kafka.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reasoner.tracing.*}.
 *
 * @param otlpEndpoint the OTLP/HTTP collector's base URL ({@code http://collector:4318}); empty: the standard
 *                     {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} / {@code OTEL_EXPORTER_OTLP_ENDPOINT}, and with
 *                     neither set, spans are not exported
 * @param serviceName  the spans' {@code service.name}; empty: {@code spring.application.name}
 */
@ConfigurationProperties("reasoner.tracing")
public record TracingProperties(@DefaultValue("") String otlpEndpoint, @DefaultValue("") String serviceName) {
}
