package io.reasoner.kafka.tracing;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

/**
 * The one place that builds a service's OpenTelemetry SDK: spans of resource {@code service.name}, sampled as their
 * parent was (a new trace always), and exported over OTLP/HTTP (protobuf) in batches when an endpoint is configured.
 * Without an endpoint spans are still created, so the ids in headers and logs are the same as they would be, but
 * they go nowhere and nothing touches the network. No global is registered: several services may share a JVM (the
 * integration tests), each with its own SDK.
 */
public final class Tracing {

    /** The instrumentation scope of every span the platform records. */
    public static final String SCOPE = "io.reasoner";

    static final String TRACES_PATH = "/v1/traces";
    static final String ENDPOINT_PROPERTY = "reasoner.tracing.otlp-endpoint";
    static final String TRACES_ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private Tracing() {
    }

    /** Close it (it flushes what is batched) when the service stops. */
    public static OpenTelemetrySdk openTelemetry(String serviceName, Optional<URI> tracesEndpoint) {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalArgumentException("serviceName must not be blank, was '" + serviceName + "'");
        }
        SdkTracerProviderBuilder tracers = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))));
        tracesEndpoint.ifPresent(endpoint -> tracers.addSpanProcessor(BatchSpanProcessor
                .builder(OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).build()).build()));
        return OpenTelemetrySdk.builder().setTracerProvider(tracers.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    }

    /**
     * Where spans go, first found: {@code configured} ({@value #ENDPOINT_PROPERTY}, the collector's base URL such as
     * {@code http://collector:4318}); {@value #TRACES_ENDPOINT_ENV}, used as it is; {@value #ENDPOINT_ENV}, a base URL.
     * A base URL gets {@value #TRACES_PATH} appended unless it ends with it. Empty when none is set.
     *
     * @param env looks up an environment variable (or a property of that name); null when unset
     * @throws IllegalArgumentException when the value found is not an http(s) URL with a host
     */
    public static Optional<URI> tracesEndpoint(String configured, UnaryOperator<String> env) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(withTracesPath(url(ENDPOINT_PROPERTY, configured)));
        }
        String traces = env.apply(TRACES_ENDPOINT_ENV);
        if (traces != null && !traces.isBlank()) {
            return Optional.of(url(TRACES_ENDPOINT_ENV, traces));
        }
        String base = env.apply(ENDPOINT_ENV);
        if (base != null && !base.isBlank()) {
            return Optional.of(withTracesPath(url(ENDPOINT_ENV, base)));
        }
        return Optional.empty();
    }

    private static URI url(String name, String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(name + " must be an http(s) URL such as http://collector:4318, was "
                    + value);
        }
        return uri;
    }

    private static URI withTracesPath(URI base) {
        String path = base.getPath() == null ? "" : base.getPath();
        if (path.endsWith(TRACES_PATH)) {
            return base;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return base.resolve(trimmed + TRACES_PATH);
    }
}
