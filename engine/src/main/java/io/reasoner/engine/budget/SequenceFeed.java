package io.reasoner.engine.budget;

import io.reasoner.engine.model.Sequence;
import java.util.Arrays;

/**
 * The tokens of one sequence, fed to the model lazily: appended tokens wait until logits are next needed and then
 * go in as one batch. So an injection (an extension, a delimiter and a forced prefix, even the prompt itself) costs
 * one forward pass together with the model token before it, and the last token of a generation is never fed.
 *
 * <p>Everything goes into the same sequence and KV cache; nothing is ever re-fed except the single token a
 * {@link #rollBackAndRecompute rollback} needs to recover its logits.
 */
final class SequenceFeed {

    private final Sequence sequence;
    private int[] tokens = new int[256];
    private int count;
    private int fed;

    SequenceFeed(Sequence sequence) {
        this.sequence = sequence;
    }

    void append(int token) {
        ensureRoom(1);
        tokens[count++] = token;
    }

    void append(int[] more) {
        ensureRoom(more.length);
        System.arraycopy(more, 0, tokens, count, more.length);
        count += more.length;
    }

    /** Index of the next token to be appended: the sequence length once everything pending is fed. */
    int position() {
        return count;
    }

    boolean hasPending() {
        return fed < count;
    }

    boolean pendingFits() {
        return count <= sequence.capacity();
    }

    /** Feeds every pending token in one pass and returns the logits after the last. */
    float[] feedPending() {
        float[] logits = count - fed == 1 ? sequence.step(tokens[fed])
                : sequence.prefill(Arrays.copyOfRange(tokens, fed, count));
        fed = count;
        return logits;
    }

    /** Forgets every token from {@code length} on, taking fed ones back out of the KV cache. */
    void rollBackTo(int length) {
        if (length < 0 || length > count) {
            throw new IllegalArgumentException("length must be in [0, " + count + "], was " + length);
        }
        if (length < fed) {
            sequence.truncate(length);
            fed = length;
        }
        count = length;
    }

    /**
     * Rolls back to {@code length} tokens and returns the logits after them, which the model computed before but
     * the caller no longer has: the last kept token is taken out and fed again, one token of work.
     */
    float[] rollBackAndRecompute(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1 to recompute logits, was " + length);
        }
        int last = tokens[length - 1];
        rollBackTo(length - 1);
        append(last);
        return feedPending();
    }

    int[] tokensBefore(int length) {
        return Arrays.copyOf(tokens, length);
    }

    /** The tokens at positions {@code [from, to)}. */
    int[] tokensBetween(int from, int to) {
        return Arrays.copyOfRange(tokens, from, to);
    }

    private void ensureRoom(int more) {
        if (count + more > tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, count + more));
        }
    }
}
