package io.reasoner.gateway.service;

import io.reasoner.gateway.model.PromptTokenCounter;
import io.reasoner.protocol.ReasoningRequest;

/**
 * Refuses at the door a prompt the worker could only fail: one that, in the served model's tokens, fills its
 * whole context (at least one token must remain for output). Whether prompt plus budget fits is left to the
 * worker, which knows the delimiters its thinking format injects.
 */
public interface PromptLimit {

    /** @throws PromptTooLongException if the prompt does not fit */
    void check(ReasoningRequest request);

    /** No model configured: prompts are not counted here, and the worker's own check is the only one. */
    static PromptLimit none() {
        return request -> {
        };
    }

    static PromptLimit of(PromptTokenCounter counter) {
        return request -> {
            int tokens = counter.count(request.conversation());
            if (tokens >= counter.contextLength()) {
                throw new PromptTooLongException(tokens, counter.contextLength());
            }
        };
    }
}
