package io.reasoner.engine.tokenizer;

/** The GGUF file embeds a tokenizer this engine does not implement, or none at all. */
public final class UnsupportedTokenizerException extends RuntimeException {

    public UnsupportedTokenizerException(String message) {
        super(message);
    }
}
