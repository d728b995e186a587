package io.reasoner.policy.topology;

/** A request on the books: arrived, no result yet. Tokens as requested. */
public record Outstanding(String tier, int thinkingTokens, int answerTokens, long createdAtMs) {
}
