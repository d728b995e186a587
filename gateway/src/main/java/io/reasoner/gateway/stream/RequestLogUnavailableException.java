package io.reasoner.gateway.stream;

/** The event log could not be read in time, or this instance is not yet reading it live. */
public final class RequestLogUnavailableException extends RuntimeException {

    public RequestLogUnavailableException(String message) {
        super(message);
    }

    public RequestLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
