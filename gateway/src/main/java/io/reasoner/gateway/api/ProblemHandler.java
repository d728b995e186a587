package io.reasoner.gateway.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.reasoner.kafka.EventPublisher;

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

    @ExceptionHandler(EventPublisher.PublishFailedException.class)
    ProblemDetail unavailable(EventPublisher.PublishFailedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable",
                "the request could not be queued; nothing was created, retry later");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
