package io.reasoner.engine.model;

import java.util.Objects;

/** Tokens to append to one slot of a {@link SequenceBatch}. */
public record SlotAppend(int slot, int[] tokens) {

    public SlotAppend {
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.length == 0) {
            throw new IllegalArgumentException("tokens must not be empty");
        }
    }
}
