package io.reasoner.gateway.openai;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import io.reasoner.gateway.service.PromptTooLongException;
import io.reasoner.gateway.service.TooManyRequestsException;
import io.reasoner.kafka.EventPublisher;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where the OpenAI-compatible API turns exceptions into HTTP statuses.
 *
 * <p>The body is OpenAI's error shape, because the clients of this API are OpenAI SDKs and tools, which parse
 * {@code error.message} into their exceptions and some of which insist on {@code application/json}. A client
 * that asks for {@code application/problem+json} gets the same status as RFC 9457 problem+json, like the native
 * API's errors, with the OpenAI object as its {@code error} member.
 */
final class OpenAiErrors {

    private static final Logger log = LoggerFactory.getLogger(OpenAiErrors.class);

    /** How one failure is reported. */
    record Failure(HttpStatus status, OpenAiError body) {

        private static Failure of(HttpStatus status, String type, String param, String code, String message) {
            return new Failure(status, new OpenAiError(new OpenAiError.Detail(message, type, param, code)));
        }
    }

    ServerResponse respond(Throwable failure, ServerRequest request) {
        Failure described = describe(failure);
        ServerResponse.BodyBuilder response = ServerResponse.status(described.status());
        if (unwrap(failure) instanceof TooManyRequestsException tooMany) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
        }
        boolean problem = request.headers().accept().stream()
                .anyMatch(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype);
        if (problem) {
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(described.status(),
                    described.body().error().message());
            detail.setProperty("error", described.body().error());
            return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
        }
        // The content type is set, so the error is written even to a client that accepts only text/event-stream.
        return response.contentType(MediaType.APPLICATION_JSON).body(described.body());
    }

    static Failure describe(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof TooManyRequestsException tooMany) {
            return Failure.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_error", null, "rate_limit_exceeded",
                    tooMany.getMessage());
        }
        if (e instanceof InvalidParameterException invalid) {
            return Failure.of(HttpStatus.BAD_REQUEST, "invalid_request_error", invalid.param(), null,
                    invalid.getMessage());
        }
        if (e instanceof PromptTooLongException tooLong) {
            // OpenAI's own code for this case, which SDKs and frontends recognise.
            return Failure.of(HttpStatus.BAD_REQUEST, "invalid_request_error", "messages", "context_length_exceeded",
                    tooLong.getMessage());
        }
        if (e instanceof IllegalArgumentException invalid) {
            return Failure.of(HttpStatus.BAD_REQUEST, "invalid_request_error", null, null, invalid.getMessage());
        }
        if (e instanceof UnknownModelException unknown) {
            return Failure.of(HttpStatus.NOT_FOUND, "invalid_request_error", "model", "model_not_found",
                    unknown.getMessage());
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return Failure.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request_error", null, null,
                    "Content-Type must be application/json, was " + unsupported.getContentType());
        }
        if (e instanceof EventPublisher.PublishFailedException) {
            return Failure.of(HttpStatus.SERVICE_UNAVAILABLE, "server_error", null, "queue_unavailable",
                    "the request could not be queued; nothing was created, retry later");
        }
        if (e instanceof CompletionTimeoutException timeout) {
            return Failure.of(HttpStatus.GATEWAY_TIMEOUT, "server_error", null, "timeout", timeout.getMessage());
        }
        if (e instanceof ReasoningFailedException reasoning) {
            return Failure.of(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", null, "reasoning_failed",
                    reasoning.getMessage());
        }
        log.error("unexpected failure in the OpenAI-compatible API", e);
        return Failure.of(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", null, null,
                "internal error: " + e.getClass().getSimpleName());
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Malformed JSON, or a value of the wrong type: say where, under the JSON name, e.g. "messages[0].role". */
    private static Failure unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
                return Failure.of(HttpStatus.BAD_REQUEST, "invalid_request_error", field, null,
                        field + " has the wrong type or value: " + databind.getOriginalMessage());
            }
            if (cause instanceof JacksonException jackson) {
                return Failure.of(HttpStatus.BAD_REQUEST, "invalid_request_error", null, null,
                        "request body is not valid JSON: " + jackson.getOriginalMessage());
            }
        }
        return Failure.of(HttpStatus.BAD_REQUEST, "invalid_request_error", null, null,
                "request body must be a JSON object");
    }
}
