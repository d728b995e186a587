package io.reasoner.gateway.service;

/** The tenant has as many outstanding requests as it may have; answered 429 with {@code Retry-After}. */
public final class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyRequestsException(int outstanding, int limit, long retryAfterSeconds) {
        super("too many outstanding requests: " + outstanding + " queued or running, the limit is " + limit
                + "; retry after " + retryAfterSeconds + " s or cancel one");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
