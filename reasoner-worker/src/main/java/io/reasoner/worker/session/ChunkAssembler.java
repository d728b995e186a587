package io.reasoner.worker.session;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;

/**
 * Groups decoded text into chunks: a chunk is emitted once {@code flushEveryTokens} tokens are pending or once the
 * oldest pending text is {@code flushEveryMs} old, whichever comes first, and always at a phase change, before a
 * control marker and at the end. Sequence numbers start at 0 and have no gaps. Text arrives already cut at UTF-8
 * character and delimiter boundaries (the decoder holds back partial characters and possible delimiters), so a
 * chunk never splits either. Not thread-safe: one assembler belongs to one decoding loop.
 */
public final class ChunkAssembler {

    private final String requestId;
    private final int flushEveryTokens;
    private final long flushEveryMs;
    private final LongSupplier clockMs;
    private final Consumer<ReasoningChunk> sink;
    private final StringBuilder pending = new StringBuilder();
    private Phase pendingPhase;
    private long pendingSinceMs;
    private int thinkingTokens;
    private int answerTokens;
    private int tokensAtLastFlush;
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

    /**
     * Adds decoded text of {@code phase}, with the running token totals after it (tokens whose text is still
     * held back are counted once their text arrives).
     */
    public void accept(Phase phase, String text, int thinkingSoFar, int answerSoFar) {
        if (pendingPhase != null && pendingPhase != phase) {
            flush();
        }
        if (pending.isEmpty()) {
            pendingSinceMs = clockMs.getAsLong();
        }
        pendingPhase = phase;
        pending.append(text);
        thinkingTokens = thinkingSoFar;
        answerTokens = answerSoFar;
        if (pendingTokens() >= flushEveryTokens || clockMs.getAsLong() - pendingSinceMs >= flushEveryMs) {
            flush();
        }
    }

    /**
     * Emits a control marker for a budget-forcing moment, after flushing pending text so order is kept. The marker
     * carries no text: text the forcer injects follows as ordinary output of its phase.
     */
    public void control(ControlKind kind, Phase phase) {
        flush();
        sink.accept(new ReasoningChunk(requestId, nextSeq++, phase, "", thinkingTokens, answerTokens, kind));
    }

    /** Emits whatever is pending. */
    public void finish() {
        flush();
    }

    /** Chunks emitted so far; also the next sequence number. */
    public long chunkCount() {
        return nextSeq;
    }

    private int pendingTokens() {
        return thinkingTokens + answerTokens - tokensAtLastFlush;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        sink.accept(new ReasoningChunk(requestId, nextSeq++, pendingPhase, pending.toString(), thinkingTokens,
                answerTokens));
        pending.setLength(0);
        tokensAtLastFlush = thinkingTokens + answerTokens;
    }
}
