package io.reasoner.policy.control;

/**
 * What one tier asked of the platform in one window, in tokens of the serving model as requested (before any
 * policy), and how it was served.
 *
 * @param arrivals               requests that arrived in the window
 * @param arrivedThinkingTokens  their requested thinking caps, summed
 * @param arrivedAnswerTokens    their requested answer caps, summed
 * @param backlogThinkingTokens  requested thinking caps of requests outstanding when the window opened
 * @param backlogAnswerTokens    requested answer caps of requests outstanding when the window opened
 * @param completions            results seen in the window
 * @param p95TimeToAnswerSeconds observed p95 of request creation to result, or NaN with no completions
 * @param p95QueueWaitSeconds    estimated p95 of time in queue, or NaN with no completions
 */
public record TierSignals(
        long arrivals,
        double arrivedThinkingTokens,
        double arrivedAnswerTokens,
        double backlogThinkingTokens,
        double backlogAnswerTokens,
        long completions,
        double p95TimeToAnswerSeconds,
        double p95QueueWaitSeconds) {

    public static final TierSignals NONE = new TierSignals(0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN);

    public TierSignals {
        Bounds.nonNegative("arrivedThinkingTokens", arrivedThinkingTokens);
        Bounds.nonNegative("arrivedAnswerTokens", arrivedAnswerTokens);
        Bounds.nonNegative("backlogThinkingTokens", backlogThinkingTokens);
        Bounds.nonNegative("backlogAnswerTokens", backlogAnswerTokens);
    }

    /** The same window with the arrivals replaced, e.g. by a smoothed estimate. */
    public TierSignals withArrivals(double thinkingTokens, double answerTokens) {
        return new TierSignals(arrivals, thinkingTokens, answerTokens, backlogThinkingTokens, backlogAnswerTokens,
                completions, p95TimeToAnswerSeconds, p95QueueWaitSeconds);
    }

    /** Thinking tokens the platform has on its books this window, as requested. */
    public double thinkingWork() {
        return backlogThinkingTokens + arrivedThinkingTokens;
    }

    /** Answer tokens the platform has on its books this window; policies do not scale them. */
    public double answerWork() {
        return backlogAnswerTokens + arrivedAnswerTokens;
    }

    /** Work at multiplier {@code m}: answers in full, thinking scaled. */
    public double work(double multiplier) {
        return answerWork() + multiplier * thinkingWork();
    }

    public boolean hasWork() {
        return thinkingWork() + answerWork() > 0;
    }
}
