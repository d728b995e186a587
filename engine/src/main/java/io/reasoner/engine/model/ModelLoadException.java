package io.reasoner.engine.model;

/** The file is valid GGUF but not a model this engine can run: other architecture, missing or misshapen tensor. */
public final class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }
}
