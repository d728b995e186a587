package io.reasoner.worker.session;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;

/**
 * Groups decoded tokens into chunks: a chunk is emitted after {@code flushEveryTokens} tokens or once the oldest
 * pending token is {@code flushEveryMs} old, whichever comes first, and always at a phase change and at the end.
 * Sequence numbers start at 0 and have no gaps. Token text arrives already cut at UTF-8 character boundaries (the
 * detokenizer holds back partial characters), so a chunk never splits a character. Not thread-safe: one
 * assembler belongs to one decoding loop.
 */
public final class ChunkAssembler {

    private final String requestId;
    private final int flushEveryTokens;
    private final long flushEveryMs;
    private final LongSupplier clockMs;
    private final Consumer<ReasoningChunk> sink;
    private final StringBuilder pending = new StringBuilder();
    private Phase pendingPhase;
    private int pendingTokens;
    private long pendingSinceMs;
    private int thinkingTokens;
    private int answerTokens;
    private long nextSeq;

    public ChunkAssembler(String requestId, int flushEveryTokens, long flushEveryMs, LongSupplier clockMs,
            Consumer<ReasoningChunk> sink) {
        if (flushEveryTokens < 1) {
            throw new IllegalArgumentException("flushEveryTokens must be >= 1, was " + flushEveryTokens);
        }
        if (flushEveryMs < 0) {
            throw new IllegalArgumentException("flushEveryMs must be >= 0, was " + flushEveryMs);
        }
        this.requestId = requestId;
        this.flushEveryTokens = flushEveryTokens;
        this.flushEveryMs = flushEveryMs;
        this.clockMs = clockMs;
        this.sink = sink;
    }

    /** Adds one decoded token's text (possibly empty) in the given phase. */
    public void accept(Phase phase, String text) {
        accept(phase, text, 1);
    }

    /**
     * Adds text worth {@code tokens} tokens; 0 for text that belongs to tokens already counted (the last bytes a
     * detokenizer releases at the end).
     */
    public void accept(Phase phase, String text, int tokens) {
        if (pendingPhase != null && pendingPhase != phase) {
            flush();
        }
        if (pendingTokens == 0) {
            pendingSinceMs = clockMs.getAsLong();
        }
        pendingPhase = phase;
        pending.append(text);
        pendingTokens += Math.max(tokens, text.isEmpty() ? 0 : 1);
        if (phase == Phase.THINKING) {
            thinkingTokens += tokens;
        } else {
            answerTokens += tokens;
        }
        if (pendingTokens >= flushEveryTokens || clockMs.getAsLong() - pendingSinceMs >= flushEveryMs) {
            flush();
        }
    }

    /**
     * Emits a control chunk for a budget-forcing moment, after flushing pending text so order is kept. Its text
     * is the injected text (possibly empty), worth {@code tokens} tokens of {@code phase}.
     */
    public void control(ControlKind kind, Phase phase, String text, int tokens) {
        flush();
        if (phase == Phase.THINKING) {
            thinkingTokens += tokens;
        } else {
            answerTokens += tokens;
        }
        sink.accept(new ReasoningChunk(requestId, nextSeq++, phase, text, thinkingTokens, answerTokens, kind));
    }

    /** Emits whatever is pending. */
    public void finish() {
        flush();
    }

    /** Chunks emitted so far; also the next sequence number. */
    public long chunkCount() {
        return nextSeq;
    }

    public int thinkingTokens() {
        return thinkingTokens;
    }

    public int answerTokens() {
        return answerTokens;
    }

    private void flush() {
        // Tokens that produced no text yet (a partial UTF-8 character) stay pending: an empty chunk says nothing.
        if (pendingTokens == 0 || pending.isEmpty()) {
            return;
        }
        sink.accept(new ReasoningChunk(requestId, nextSeq++, pendingPhase, pending.toString(), thinkingTokens,
                answerTokens));
        pending.setLength(0);
        pendingTokens = 0;
    }
}
