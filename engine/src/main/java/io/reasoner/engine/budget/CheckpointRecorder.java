package io.reasoner.engine.budget;

import java.util.Arrays;
import java.util.Objects;

/**
 * Follows a forced generation's events and says, after any of them, which {@link ForcingCheckpoint} resumes it
 * from there: a worker feeds it exactly the events it put into the chunks it streamed, and stores
 * {@link #checkpoint()} (or the tokens of each {@link TokensCommitted} and the last checkpoint's counts) beside
 * each chunk. Events the worker received but never streamed must not be recorded: a resumed run delivers them
 * again.
 *
 * <p>Not thread-safe: call it from the listener, on the decoding thread, or hand events over in order.
 */
public final class CheckpointRecorder implements ForcingListener {

    private int[] tokens;
    private int length;
    private TokensCommitted lastCommit; // its tokens are already in tokens; the counts are what matters
    private int eventsSinceCommit;

    private CheckpointRecorder(ForcingCheckpoint from) {
        this.tokens = from.tokens();
        this.length = tokens.length;
        this.lastCommit = new TokensCommitted(new int[0], from.phase(), from.thinkingTokens(), from.answerTokens(),
                from.injectedTokens(), from.extensionsUsed(), from.capFired(), from.budget(), from.answerTextFrom());
        this.eventsSinceCommit = from.eventsSinceCommit();
    }

    /** For a run starting from nothing under {@code budget} (the request's budget). */
    public CheckpointRecorder(ThinkingBudget budget) {
        this(ForcingCheckpoint.start(budget));
    }

    /** For a run resumed from {@code checkpoint}: its events continue the ones the checkpoint counted. */
    public static CheckpointRecorder resumingFrom(ForcingCheckpoint checkpoint) {
        return new CheckpointRecorder(Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    @Override
    public void onEvent(ForcingEvent event) {
        if (event instanceof TokensCommitted commit) {
            append(commit.tokens());
            lastCommit = commit;
            eventsSinceCommit = 0;
        } else if (event instanceof ControlEvent control && control.kind() == ControlKind.BUDGET_CHANGED) {
            // Always at a commit point, nothing fed since: the commit stands, under the new budget.
            TokensCommitted c = lastCommit;
            lastCommit = new TokensCommitted(new int[0], c.phase(), c.thinkingTokens(), c.answerTokens(),
                    c.injectedTokens(), c.extensionsUsed(), c.capFired(), control.budget(), c.answerTextFrom());
            eventsSinceCommit = 0;
        } else {
            eventsSinceCommit++;
        }
    }

    /**
     * Where the run stands after the last event recorded.
     *
     * @throws IllegalArgumentException if the events do not describe a run (a commit's counts out of range)
     */
    public ForcingCheckpoint checkpoint() {
        TokensCommitted c = lastCommit;
        return new ForcingCheckpoint(Arrays.copyOf(tokens, length), c.phase(), c.thinkingTokens(), c.answerTokens(),
                c.injectedTokens(), c.extensionsUsed(), c.capFired(), c.budget(), c.answerTextFrom(),
                eventsSinceCommit);
    }

    /** Tokens committed so far: the length of {@link #checkpoint()}'s tokens, without copying them. */
    public int length() {
        return length;
    }

    /**
     * The committed tokens from index {@code from} on, so that a caller storing the run piece by piece (a chunk
     * at a time) copies each token once.
     *
     * @throws IllegalArgumentException if {@code from} is not in [0, {@link #length()}]
     */
    public int[] tokensFrom(int from) {
        if (from < 0 || from > length) {
            throw new IllegalArgumentException("from must be in [0, " + length + "], was " + from);
        }
        return Arrays.copyOfRange(tokens, from, length);
    }

    /**
     * The state at the last commit point, as {@link #checkpoint()} has it, with no tokens: the counts, phase and
     * budget in force.
     */
    public TokensCommitted lastCommit() {
        TokensCommitted c = lastCommit;
        return new TokensCommitted(new int[0], c.phase(), c.thinkingTokens(), c.answerTokens(), c.injectedTokens(),
                c.extensionsUsed(), c.capFired(), c.budget(), c.answerTextFrom());
    }

    /** Events recorded after the last commit point. */
    public int eventsSinceCommit() {
        return eventsSinceCommit;
    }

    private void append(int[] more) {
        if (length + more.length > tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(2 * tokens.length, length + more.length));
        }
        System.arraycopy(more, 0, tokens, length, more.length);
        length += more.length;
    }
}
