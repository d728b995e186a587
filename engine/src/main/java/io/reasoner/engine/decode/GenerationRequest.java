package io.reasoner.engine.decode;

/**
 * @param promptTokens  the prompt, usually starting with BOS; at least one token
 * @param maxNewTokens  the most tokens to generate, in [1, 1048576]; fewer when EOS or the context length
 *                      comes first
 */
public record GenerationRequest(int[] promptTokens, int maxNewTokens) {

    public static final int MAX_NEW_TOKENS_LIMIT = 1 << 20;

    public GenerationRequest {
        if (promptTokens.length == 0) {
            throw new IllegalArgumentException("promptTokens must not be empty (start with BOS to generate from nothing)");
        }
        promptTokens = promptTokens.clone();
        if (maxNewTokens < 1 || maxNewTokens > MAX_NEW_TOKENS_LIMIT) {
            throw new IllegalArgumentException("maxNewTokens must be in [1, " + MAX_NEW_TOKENS_LIMIT + "], was "
                    + maxNewTokens);
        }
    }

    @Override
    public int[] promptTokens() {
        return promptTokens.clone();
    }
}
