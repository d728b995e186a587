package io.reasoner.policy.experiment;

/**
 * One request of a run, as the client saw it.
 *
 * @param timeToAnswerMs         send to the result being seen as done, in ms (poll resolution included)
 * @param grantedThinkingTokens  the thinking cap in force at the end (the result's budget)
 * @param thinkingTokensUsed     thinking tokens decoded
 * @param done                   false when the request failed, was cancelled or timed out
 */
public record Outcome(long timeToAnswerMs, int grantedThinkingTokens, int thinkingTokensUsed, boolean done) {
}
