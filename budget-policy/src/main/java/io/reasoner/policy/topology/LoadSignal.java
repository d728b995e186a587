package io.reasoner.policy.topology;

/**
 * One fact about load, as the windowed aggregate consumes it: a request arrived, a request left the books
 * (completed or abandoned), or a worker reported its capacity. Token counts are as requested unless named
 * {@code used}.
 *
 * @param kind              what happened
 * @param tier              the request's tier key ({@code interactive}, {@code batch}); null for capacity
 * @param workerId          the reporting worker; null otherwise
 * @param thinkingTokens    requested thinking cap
 * @param answerTokens      requested answer cap
 * @param usedTokens        thinking plus answer tokens actually decoded (completions)
 * @param usedThinkingTokens thinking tokens actually decoded (completions)
 * @param timeToAnswerMs    request creation to result, in ms (completions)
 * @param slotsUsed         busy slots (capacity)
 * @param slotsTotal        all slots (capacity)
 * @param tokensPerSecond   tokens decoded per second over the worker's last interval (capacity)
 */
public record LoadSignal(
        Kind kind,
        String tier,
        String workerId,
        int thinkingTokens,
        int answerTokens,
        int usedTokens,
        int usedThinkingTokens,
        long timeToAnswerMs,
        int slotsUsed,
        int slotsTotal,
        double tokensPerSecond) {

    public enum Kind {
        ARRIVAL, COMPLETION, ABANDONED, CAPACITY
    }

    static LoadSignal arrival(String tier, int thinkingTokens, int answerTokens) {
        return new LoadSignal(Kind.ARRIVAL, tier, null, thinkingTokens, answerTokens, 0, 0, 0, 0, 0, 0);
    }

    static LoadSignal completion(String tier, int thinkingTokens, int answerTokens, int usedThinkingTokens,
            int usedTokens, long timeToAnswerMs) {
        return new LoadSignal(Kind.COMPLETION, tier, null, thinkingTokens, answerTokens, usedTokens,
                usedThinkingTokens, timeToAnswerMs, 0, 0, 0);
    }

    static LoadSignal abandoned(String tier, int thinkingTokens, int answerTokens) {
        return new LoadSignal(Kind.ABANDONED, tier, null, thinkingTokens, answerTokens, 0, 0, 0, 0, 0, 0);
    }

    static LoadSignal capacity(String workerId, int slotsUsed, int slotsTotal, double tokensPerSecond) {
        return new LoadSignal(Kind.CAPACITY, null, workerId, 0, 0, 0, 0, 0, slotsUsed, slotsTotal, tokensPerSecond);
    }
}
