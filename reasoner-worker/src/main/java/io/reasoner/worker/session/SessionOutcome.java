package io.reasoner.worker.session;

import io.reasoner.protocol.Budget;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Forcing;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;

/**
 * How one decoding session ended, before it is turned into a result event.
 *
 * @param applied the budget in force at the end (a mid-flight change shows here), or null if none was applied
 */
public record SessionOutcome(
        ResultStatus status,
        FinishReason finishReason,
        String thinking,
        String answer,
        Usage usage,
        Forcing forcing,
        Budget applied,
        long chunkCount,
        String error) {

    /** The engine threw mid-request; the chunks already sent stay valid and are counted. */
    public static SessionOutcome failedAfter(RuntimeException error, long chunksSent) {
        return new SessionOutcome(ResultStatus.FAILED, FinishReason.ERROR, "", "", new Usage(0, 0, 0), Forcing.NONE,
                null, chunksSent, "engine error: " + error.getMessage());
    }

    static SessionOutcome failed(String error, int promptTokens) {
        return new SessionOutcome(ResultStatus.FAILED, FinishReason.ERROR, "", "", new Usage(promptTokens, 0, 0),
                Forcing.NONE, null, 0, error);
    }
}
