package io.reasoner.worker.session;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ResumePoint;

/**
 * Groups decoded text into chunks: a chunk is emitted once {@code flushEveryTokens} tokens are pending or once the
 * oldest pending text is {@code flushEveryMs} old, whichever comes first, and always at a phase change, before a
 * control marker and at the end. Sequence numbers start at 0 and have no gaps. Text arrives already cut at UTF-8
 * character and delimiter boundaries (the decoder holds back partial characters and possible delimiters), so a
 * chunk never splits either. Not thread-safe: one assembler belongs to one decoding loop.
 *
 * <p>Each chunk carries the {@link ResumePoint} its resume-point source gives when the chunk is written. The
 * caller records each event with that source through the {@code recorded} callback of {@link #accept} or
 * {@link #control}, which runs after any flush the event forces and before any flush it triggers, so a chunk's
 * resume point covers exactly the events whose text is in it or in earlier chunks.
 */
public final class ChunkAssembler {

    private final String requestId;
    private final int flushEveryTokens;
    private final long flushEveryMs;
    private final LongSupplier clockMs;
    private final Consumer<ReasoningChunk> sink;
    private final Supplier<ResumePoint> resumePoints;
    private final StringBuilder pending = new StringBuilder();
    private Phase pendingPhase;
    private long pendingSinceMs;
    private int thinkingTokens;
    private int answerTokens;
    private int tokensAtLastFlush;
    private long nextSeq;

    public ChunkAssembler(String requestId, int flushEveryTokens, long flushEveryMs, LongSupplier clockMs,
            Consumer<ReasoningChunk> sink) {
        this(requestId, 0, flushEveryTokens, flushEveryMs, clockMs, sink, () -> null);
    }

    /**
     * @param firstSeq     the sequence number of the first chunk: 0, or where a resumed request continues
     * @param resumePoints where decoding stands, asked once per chunk written; may give null
     */
    public ChunkAssembler(String requestId, long firstSeq, int flushEveryTokens, long flushEveryMs,
            LongSupplier clockMs, Consumer<ReasoningChunk> sink, Supplier<ResumePoint> resumePoints) {
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
        this.resumePoints = resumePoints;
        this.nextSeq = firstSeq;
    }

    /**
     * Adds decoded text of {@code phase}, with the running token totals after it (tokens whose text is still
     * held back are counted once their text arrives).
     */
    public void accept(Phase phase, String text, int thinkingSoFar, int answerSoFar) {
        accept(phase, text, thinkingSoFar, answerSoFar, () -> { });
    }

    /** As {@link #accept(Phase, String, int, int)}, running {@code recorded} once the text is pending. */
    public void accept(Phase phase, String text, int thinkingSoFar, int answerSoFar, Runnable recorded) {
        if (pendingPhase != null && pendingPhase != phase) {
            flush();
        }
        recorded.run();
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
        control(kind, phase, () -> { });
    }

    /** As {@link #control(ControlKind, Phase)}, running {@code recorded} between the flush and the marker. */
    public void control(ControlKind kind, Phase phase, Runnable recorded) {
        flush();
        recorded.run();
        sink.accept(new ReasoningChunk(requestId, nextSeq++, phase, "", thinkingTokens, answerTokens, kind,
                resumePoints.get()));
    }

    /**
     * Takes the running totals a resumed request had reached, so the first chunks after it count on from there.
     */
    public void continueFrom(int thinkingSoFar, int answerSoFar) {
        thinkingTokens = thinkingSoFar;
        answerTokens = answerSoFar;
        tokensAtLastFlush = thinkingSoFar + answerSoFar;
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
                answerTokens, null, resumePoints.get()));
        pending.setLength(0);
        tokensAtLastFlush = thinkingTokens + answerTokens;
    }
}
