package io.reasoner.gateway.api;

/** No request with this id is visible to the caller. */
final class UnknownRequestException extends RuntimeException {

    UnknownRequestException(String requestId) {
        super("no reasoning request with id " + requestId);
    }
}
