package io.reasoner.policy.experiment;

import io.reasoner.protocol.Priority;

/**
 * One request of a run, as the client saw it.
 *
 * @param tier                   the request's priority
 * @param sentAtMs               when it was sent, in ms from the start of the run
 * @param timeToAnswerMs         send to the result being seen as done, in ms (poll resolution included)
 * @param grantedThinkingTokens  the thinking cap in force at the end (the result's budget)
 * @param thinkingTokensUsed     thinking tokens decoded
 * @param status                 how it ended
 */
public record Outcome(Priority tier, long sentAtMs, long timeToAnswerMs, int grantedThinkingTokens,
        int thinkingTokensUsed, Status status) {

    /** How a request ended for the client. */
    public enum Status {
        DONE,
        /** The gateway answered 429: the tenant's admission limits were full. */
        REJECTED,
        /** Failed, cancelled, or any other answer than 202 to the submission. */
        FAILED,
        /** No result within the driver's request timeout. */
        TIMED_OUT
    }

    static Outcome ended(Priority tier, long sentAtMs, long timeToAnswerMs, Status status) {
        return new Outcome(tier, sentAtMs, timeToAnswerMs, 0, 0, status);
    }

    boolean done() {
        return status == Status.DONE;
    }
}
