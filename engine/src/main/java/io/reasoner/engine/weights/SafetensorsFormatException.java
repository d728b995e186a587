package io.reasoner.engine.weights;

/** A safetensors file or index is malformed, truncated, or holds a tensor this engine cannot decode. */
public final class SafetensorsFormatException extends RuntimeException {

    public SafetensorsFormatException(String message) {
        super(message);
    }

    public SafetensorsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
