package io.reasoner.gateway.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.reasoner.gateway.service.TooManyRequestsException;
import io.reasoner.gateway.service.UnknownRequestException;
import io.reasoner.gateway.stream.RequestLogUnavailableException;
import io.reasoner.kafka.EventPublisher;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions become HTTP statuses, as RFC 9457 problem+json. Spring MVC's own exceptions
 * (malformed JSON, wrong media type, …) are handled by the base class with the same body shape.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(UnknownRequestException.class)
    ProblemDetail unknown(UnknownRequestException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown request", e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage()));
    }

    @ExceptionHandler(EventPublisher.PublishFailedException.class)
    ProblemDetail unavailable(EventPublisher.PublishFailedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable",
                "the request could not be queued; nothing was created, retry later");
    }

    /** A resume or lookup that had to read the event log and could not in time: worth retrying. */
    @ExceptionHandler(RequestLogUnavailableException.class)
    ResponseEntity<ProblemDetail> logUnavailable(RequestLogUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Event log unavailable", e.getMessage()));
    }

    /** Malformed JSON or a value of the wrong type: say where, e.g. "budget.maxThinkingTokens". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.BAD_REQUEST, "Unreadable request", describe(e)));
    }

    private static String describe(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
                return "field " + field + " has the wrong type or value: " + databind.getOriginalMessage();
            }
            if (cause instanceof JacksonException jackson) {
                return "request body is not valid JSON: " + jackson.getOriginalMessage();
            }
        }
        return "request body must be a JSON object";
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
