package io.reasoner.gateway.service;

/** The prompt, in the served model's tokens, leaves no room in its context; a 400 on every API. */
public final class PromptTooLongException extends IllegalArgumentException {

    private final int promptTokens;
    private final int contextLength;

    public PromptTooLongException(int promptTokens, int contextLength) {
        super("prompt is " + promptTokens + " tokens, which leaves no room in the model's context of "
                + contextLength + " tokens; shorten it to at most " + (contextLength - 1) + " tokens");
        this.promptTokens = promptTokens;
        this.contextLength = contextLength;
    }

    public int promptTokens() {
        return promptTokens;
    }

    public int contextLength() {
        return contextLength;
    }
}
