package io.reasoner.gateway.openai;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import io.reasoner.gateway.GatewayProperties;
import io.reasoner.gateway.service.ReasoningService;
import io.reasoner.protocol.EventCodec;

/**
 * The OpenAI-compatible API: {@code POST /v1/chat/completions}, {@code GET /v1/models[/{id}]}.
 *
 * <p>Functional routes rather than a controller, because one endpoint answers either with a JSON object (after
 * waiting asynchronously for the result) or with an event stream, depending on the body's {@code stream} flag,
 * and its errors take OpenAI's shape rather than the native API's problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiProperties.class)
class OpenAiConfiguration {

    @Bean
    ModelCatalog modelCatalog(Clock clock, OpenAiProperties properties) {
        return new ModelCatalog(clock, properties.modelTtl());
    }

    @Bean
    WorkerStatsListener workerStatsListener(ModelCatalog catalog, EventCodec codec) {
        return new WorkerStatsListener(catalog, codec);
    }

    @Bean(destroyMethod = "close")
    CompletionStreams completionStreams(ReasoningService service, Clock clock, GatewayProperties gateway) {
        return new CompletionStreams(service, clock, gateway,
                Math.max(4, Runtime.getRuntime().availableProcessors()));
    }

    @Bean
    RouterFunction<ServerResponse> openAiRoutes(ModelCatalog catalog, ReasoningService service,
            CompletionStreams streams, Clock clock, OpenAiProperties properties) {
        OpenAiErrors errors = new OpenAiErrors();
        ChatCompletionsHandler completions = new ChatCompletionsHandler(new ChatRequestMapper(properties.effort()),
                catalog, service, streams, errors, clock, properties.completionTimeout());
        ModelsHandler models = new ModelsHandler(catalog);
        return RouterFunctions.route()
                .POST("/v1/chat/completions", completions::create)
                .GET("/v1/models", models::list)
                .GET("/v1/models/{id}", models::get)
                .onError(Exception.class, errors::respond)
                .build();
    }
}
