package io.reasoner.worker.session;

import java.util.Arrays;

import io.reasoner.engine.budget.ControlEvent;
import io.reasoner.engine.budget.ControlKind;
import io.reasoner.engine.budget.ForcingCheckpoint;
import io.reasoner.engine.budget.ForcingEvent;
import io.reasoner.engine.budget.ThinkingBudget;
import io.reasoner.engine.budget.TokensCommitted;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ResumePoint;

/**
 * Follows the forcer's events as they are streamed and, whenever a chunk is written, says where decoding stood:
 * the tokens committed since the previous chunk and the state at the last commit point (see {@link ResumePoint}).
 * The events it is told of must be exactly those whose text or marker is in the chunks written, in order: it is
 * the worker-side mirror of the engine's {@code CheckpointRecorder}, kept incrementally so a chunk carries only
 * its own tokens.
 *
 * <p>Not thread-safe: one trail belongs to one request's decoding thread.
 */
final class ResumeTrail {

    private int[] tokens = new int[64];
    private int length;
    private int writtenLength; // tokens already carried by an earlier chunk
    private TokensCommitted commit;
    private int eventsSinceCommit;

    /** A trail for a request starting afresh under {@code budget}. */
    ResumeTrail(ThinkingBudget budget) {
        this(ForcingCheckpoint.start(budget));
    }

    /** A trail continuing a resumed request: its first chunk carries only tokens committed after {@code from}. */
    ResumeTrail(ForcingCheckpoint from) {
        int[] resumed = from.tokens();
        ensureRoom(resumed.length);
        System.arraycopy(resumed, 0, tokens, 0, resumed.length);
        length = resumed.length;
        writtenLength = length;
        commit = new TokensCommitted(new int[0], from.phase(), from.thinkingTokens(), from.answerTokens(),
                from.injectedTokens(), from.extensionsUsed(), from.capFired(), from.budget(), from.answerTextFrom());
        eventsSinceCommit = from.eventsSinceCommit();
    }

    void record(ForcingEvent event) {
        if (event instanceof TokensCommitted committed) {
            int[] more = committed.tokens();
            ensureRoom(more.length);
            System.arraycopy(more, 0, tokens, length, more.length);
            length += more.length;
            commit = committed;
            eventsSinceCommit = 0;
        } else if (event instanceof ControlEvent control && control.kind() == ControlKind.BUDGET_CHANGED) {
            // A budget change is itself a commit point at which nothing new was fed.
            commit = new TokensCommitted(new int[0], commit.phase(), commit.thinkingTokens(), commit.answerTokens(),
                    commit.injectedTokens(), commit.extensionsUsed(), commit.capFired(), control.budget(),
                    commit.answerTextFrom());
            eventsSinceCommit = 0;
        } else {
            eventsSinceCommit++;
        }
    }

    /** The resume point for the chunk being written now; the next one carries only what is committed after. */
    ResumePoint point() {
        int[] fresh = Arrays.copyOfRange(tokens, writtenLength, length);
        writtenLength = length;
        ThinkingBudget budget = commit.budget();
        return new ResumePoint(fresh, commit.phase() == io.reasoner.engine.budget.Phase.ANSWER ? Phase.ANSWER
                : Phase.THINKING, commit.thinkingTokens(), commit.answerTokens(), commit.injectedTokens(),
                commit.extensionsUsed(), commit.capFired(), ReasoningSession.protocolBudget(budget),
                commit.answerTextFrom(), eventsSinceCommit);
    }

    private void ensureRoom(int more) {
        if (length + more > tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, length + more));
        }
    }
}
