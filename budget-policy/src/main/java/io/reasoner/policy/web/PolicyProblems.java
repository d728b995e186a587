package io.reasoner.policy.web;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where the HTTP layer's exceptions become problem+json responses. */
@RestControllerAdvice
class PolicyProblems {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "body is not a valid override: "
                + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ProblemDetail notQueryable(InvalidStateStoreException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "policy state is not queryable on this instance now (starting, rebalancing or held by another "
                        + "instance): " + e.getMessage());
    }

    @ExceptionHandler({TimeoutException.class, OverrideNotStoredException.class})
    ProblemDetail notStored(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "override not stored: " + (e.getMessage() == null ? "the broker did not answer in time" : e.getMessage()));
    }
}
