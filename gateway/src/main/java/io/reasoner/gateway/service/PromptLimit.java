package io.reasoner.gateway.service;

import io.reasoner.gateway.model.PromptTokenCounter;
import io.reasoner.protocol.ReasoningRequest;

/**
 * Refuses at the door a prompt the worker could only fail: one that, in the served model's tokens, fills its
 * whole context (at least one token must remain for output); and says how much room the prompt leaves, so that
 * caps a request does not name can be fitted to it. Whether prompt plus budget fits is left to the worker, which
 * knows the delimiters its thinking format injects.
 */
public interface PromptLimit {

    /**
     * The tokens the served model's context leaves after the request's prompt; {@link Integer#MAX_VALUE} when no
     * model is configured here.
     *
     * @throws PromptTooLongException if the prompt fills the context
     */
    int room(ReasoningRequest request);

    /** No model configured: prompts are not counted here, and the worker's own check is the only one. */
    static PromptLimit none() {
        return request -> Integer.MAX_VALUE;
    }

    static PromptLimit of(PromptTokenCounter counter) {
        return request -> {
            int tokens = counter.count(request.conversation());
            if (tokens >= counter.contextLength()) {
                throw new PromptTooLongException(tokens, counter.contextLength());
            }
            return counter.contextLength() - tokens;
        };
    }
}
