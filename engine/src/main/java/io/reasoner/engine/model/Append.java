package io.reasoner.engine.model;

import java.util.Objects;

/**
 * Tokens to append to one KV-cache slot in a forward step.
 *
 * @param slot  the slot, in {@code [0, slots)} of the cache
 * @param start the slot's length before the step: the position of the first token
 */
record Append(int slot, int start, int[] tokens) {

    Append {
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.length == 0) {
            throw new IllegalArgumentException("tokens must not be empty");
        }
        if (slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0, was " + slot);
        }
        if (start < 0) {
            throw new IllegalArgumentException("start must be >= 0, was " + start);
        }
    }

    int end() {
        return start + tokens.length;
    }
}
