package io.reasoner.engine.gguf;

/** The file is not a GGUF file this reader understands: bad magic, unsupported version, truncation, bad table. */
public class GgufFormatException extends RuntimeException {

    public GgufFormatException(String message) {
        super(message);
    }

    public GgufFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
