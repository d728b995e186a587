package io.reasoner.engine.batch;

import java.util.Objects;

/**
 * A sequence to decode in a {@link BatchDecoder}.
 *
 * @param prompt       token ids to prefill, at least one
 * @param maxNewTokens the most tokens the caller will append after the prompt; with the prompt, what the sequence
 *                     may grow to, which admission checks against the context and the KV slots
 * @param hook         applied to every logits vector the sequence receives
 */
public record DecodeRequest(int[] prompt, int maxNewTokens, LogitsHook hook) {

    public DecodeRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(hook, "hook");
        if (prompt.length == 0) {
            throw new IllegalArgumentException("prompt must hold at least one token");
        }
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, was " + maxNewTokens);
        }
        prompt = prompt.clone();
    }

    public DecodeRequest(int[] prompt, int maxNewTokens) {
        this(prompt, maxNewTokens, LogitsHook.NONE);
    }

    /** Tokens the sequence may hold at most: the prompt plus every new token. */
    public long tokensNeeded() {
        return (long) prompt.length + maxNewTokens;
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }
}
