package io.reasoner.engine.model;

import java.util.Objects;

/**
 * What a caller needs to know about a loaded model.
 *
 * @param contextLength the longest sequence the model was trained for, in tokens
 */
public record ModelInfo(String name, String architecture, int contextLength, int vocabSize, int bosToken,
                        int eosToken) {

    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
        if (contextLength < 1) {
            throw new IllegalArgumentException("contextLength must be >= 1, was " + contextLength);
        }
        if (vocabSize < 1) {
            throw new IllegalArgumentException("vocabSize must be >= 1, was " + vocabSize);
        }
        if (bosToken < 0 || bosToken >= vocabSize) {
            throw new IllegalArgumentException("bosToken must be in [0, " + (vocabSize - 1) + "], was " + bosToken);
        }
        if (eosToken < 0 || eosToken >= vocabSize) {
            throw new IllegalArgumentException("eosToken must be in [0, " + (vocabSize - 1) + "], was " + eosToken);
        }
    }
}
