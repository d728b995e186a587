package io.reasoner.gateway.service;

/** No request with this id is visible to the caller. */
public final class UnknownRequestException extends RuntimeException {

    public UnknownRequestException(String requestId) {
        super("no reasoning request with id " + requestId);
    }
}
