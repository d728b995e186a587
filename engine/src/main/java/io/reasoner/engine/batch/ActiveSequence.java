package io.reasoner.engine.batch;

import java.util.Arrays;

/**
 * A sequence admitted to a {@link BatchDecoder}: its slot, its hook, and the tokens still to prefill (the prompt,
 * or text appended later). It is ready for a sampled token once nothing is pending and its logits went out.
 */
final class ActiveSequence {

    private final SequenceId id;
    private final int slot;
    private final LogitsHook hook;
    private int[] pending;
    private int pendingStart;

    ActiveSequence(SequenceId id, int slot, LogitsHook hook, int[] prompt) {
        this.id = id;
        this.slot = slot;
        this.hook = hook;
        this.pending = prompt;
    }

    SequenceId id() {
        return id;
    }

    int slot() {
        return slot;
    }

    LogitsHook hook() {
        return hook;
    }

    int pendingCount() {
        return pending.length - pendingStart;
    }

    boolean ready() {
        return pendingCount() == 0;
    }

    /** The next {@code count} pending tokens, without taking them (see {@link #consume}). */
    int[] peek(int count) {
        return Arrays.copyOfRange(pending, pendingStart, pendingStart + count);
    }

    /** Takes {@code count} pending tokens once the step that ran them has succeeded. */
    void consume(int count) {
        pendingStart += count;
    }

    void queue(int[] tokens) {
        int[] joined = Arrays.copyOf(Arrays.copyOfRange(pending, pendingStart, pending.length),
                pendingCount() + tokens.length);
        System.arraycopy(tokens, 0, joined, pendingCount(), tokens.length);
        pending = joined;
        pendingStart = 0;
    }
}
