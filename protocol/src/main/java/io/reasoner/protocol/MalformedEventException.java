package io.reasoner.protocol;

/** A message that cannot be decoded into a valid event: bad JSON, an unknown type or version, or bad values. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
