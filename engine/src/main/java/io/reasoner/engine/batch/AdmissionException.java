package io.reasoner.engine.batch;

import java.util.Objects;

/**
 * A {@link BatchDecoder} refused a sequence; nothing was allocated. Callers map {@link #reason()}: the first two
 * are the request's fault (too long for this model or deployment), the last two are load (retry later, elsewhere).
 */
public final class AdmissionException extends RuntimeException {

    public enum Reason {
        /** Prompt plus output exceed the model's context length. */
        CONTEXT_LENGTH,
        /** Prompt plus output fit the model but exceed the decoder's per-sequence slot. */
        SEQUENCE_CAPACITY,
        /** Every KV-cache slot the memory budget allows is taken. */
        KV_BUDGET,
        /** The decoder already holds {@code maxBatchSize} sequences. */
        BATCH_FULL
    }

    private final Reason reason;

    AdmissionException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
