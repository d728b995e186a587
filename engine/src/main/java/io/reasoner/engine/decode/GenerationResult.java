package io.reasoner.engine.decode;

import java.time.Duration;
import java.util.Objects;

/**
 * @param promptTokens    tokens prefilled
 * @param generatedTokens tokens reported to the listener (EOS is not counted)
 * @param prefillTime     the batched forward pass over the prompt
 * @param decodeTime      sampling and the per-token forward passes after the prefill, excluding time spent in the
 *                        listener
 */
public record GenerationResult(int promptTokens, int generatedTokens, StopReason stopReason, Duration prefillTime,
                               Duration decodeTime) {

    public GenerationResult {
        if (promptTokens < 1) {
            throw new IllegalArgumentException("promptTokens must be >= 1, was " + promptTokens);
        }
        if (generatedTokens < 0) {
            throw new IllegalArgumentException("generatedTokens must be >= 0, was " + generatedTokens);
        }
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(prefillTime, "prefillTime");
        Objects.requireNonNull(decodeTime, "decodeTime");
    }

    /** Generated tokens per second of decode time; 0 when nothing was generated. */
    public double decodeTokensPerSecond() {
        long nanos = decodeTime.toNanos();
        return generatedTokens == 0 || nanos == 0 ? 0 : generatedTokens * 1e9 / nanos;
    }

    /** Milliseconds of decode time per generated token; 0 when nothing was generated. */
    public double millisPerToken() {
        return generatedTokens == 0 ? 0 : decodeTime.toNanos() / 1e6 / generatedTokens;
    }
}
