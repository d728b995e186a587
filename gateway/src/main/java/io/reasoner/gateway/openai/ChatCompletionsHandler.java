package io.reasoner.gateway.openai;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.ServletException;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import io.reasoner.gateway.auth.Tenants;
import io.reasoner.gateway.service.ReasoningService;
import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;

/**
 * {@code POST /v1/chat/completions}: submits the request through the same service as the native API, then
 * answers with one JSON object once the result is in, or streams it as it is decoded. Neither holds a servlet
 * thread while the model works. Errors go to {@link OpenAiErrors}.
 */
final class ChatCompletionsHandler {

    private final ChatRequestMapper mapper;
    private final ModelCatalog catalog;
    private final ReasoningService service;
    private final CompletionStreams streams;
    private final OpenAiErrors errors;
    private final Clock clock;
    private final Duration completionTimeout;

    ChatCompletionsHandler(ChatRequestMapper mapper, ModelCatalog catalog, ReasoningService service,
            CompletionStreams streams, OpenAiErrors errors, Clock clock, Duration completionTimeout) {
        this.mapper = mapper;
        this.catalog = catalog;
        this.service = service;
        this.streams = streams;
        this.errors = errors;
        this.clock = clock;
        this.completionTimeout = completionTimeout;
    }

    ServerResponse create(ServerRequest http) throws ServletException, IOException {
        ChatCall call = mapper.map(http.body(ChatCompletionRequest.class));
        String model = catalog.resolve(call.model());
        String tenant = Tenants.of(http.servletRequest());
        // A retried non-streaming call with the same key waits for the request the first one created.
        String idempotencyKey = call.stream() ? null : http.headers().firstHeader("Idempotency-Key");
        TrackedRequest request = service.submit(call.body(), tenant, idempotencyKey).request();
        CompletionShaper shaper = new CompletionShaper(request.requestId(), clock.instant().getEpochSecond(), model);
        if (call.stream()) {
            return streams.open(request, shaper, call.includeUsage(), call.keepRunning());
        }
        CompletableFuture<ServerResponse> answer = streams.result(request)
                .orTimeout(completionTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> failure == null ? answer(shaper, result, http)
                        : errors.respond(failureOf(request, call, failure), http));
        // Spring's own async timeout only backs up ours, which answers in OpenAI's shape.
        return ServerResponse.async(answer, completionTimeout.plusSeconds(10));
    }

    private ServerResponse answer(CompletionShaper shaper, ReasoningResult result, ServerRequest http) {
        if (result.status() == ResultStatus.FAILED) {
            return errors.respond(new ReasoningFailedException(result), http);
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(shaper.completion(result));
    }

    /** A timeout cancels the request, which nobody would read, unless the caller asked to keep it running. */
    private Throwable failureOf(TrackedRequest request, ChatCall call, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!(cause instanceof TimeoutException)) {
            return cause;
        }
        if (!call.keepRunning()) {
            streams.cancelLater(request, "no result within the completion timeout");
        }
        return new CompletionTimeoutException(request.requestId(), completionTimeout);
    }
}
