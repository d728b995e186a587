package io.reasoner.worker.session;

import io.reasoner.engine.budget.CheckpointRecorder;
import io.reasoner.engine.budget.ForcingCheckpoint;
import io.reasoner.engine.budget.ForcingEvent;
import io.reasoner.engine.budget.ThinkingBudget;
import io.reasoner.engine.budget.TokensCommitted;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ResumePoint;

/**
 * Follows the forcer's events as they are streamed and, whenever a chunk is written, says where decoding stood:
 * the tokens committed since the previous chunk and the state at the last commit point (see {@link ResumePoint}).
 * The events it is told of must be exactly those whose text or marker is in the chunks written, in order. The
 * engine's {@link CheckpointRecorder} does the recording; this only cuts its tokens into one piece per chunk.
 *
 * <p>Not thread-safe: one trail belongs to one request's decoding thread.
 */
final class ResumeTrail {

    private final CheckpointRecorder recorder;
    private int writtenLength; // tokens already carried by an earlier chunk

    /** A trail for a request starting afresh under {@code budget}. */
    ResumeTrail(ThinkingBudget budget) {
        this.recorder = new CheckpointRecorder(budget);
    }

    /** A trail continuing a resumed request: its first chunk carries only tokens committed after {@code from}. */
    ResumeTrail(ForcingCheckpoint from) {
        this.recorder = CheckpointRecorder.resumingFrom(from);
        this.writtenLength = recorder.length();
    }

    void record(ForcingEvent event) {
        recorder.onEvent(event);
    }

    /** The resume point for the chunk being written now; the next one carries only what is committed after. */
    ResumePoint point() {
        int[] fresh = recorder.tokensFrom(writtenLength);
        writtenLength = recorder.length();
        TokensCommitted commit = recorder.lastCommit();
        return new ResumePoint(fresh, commit.phase() == io.reasoner.engine.budget.Phase.ANSWER ? Phase.ANSWER
                : Phase.THINKING, commit.thinkingTokens(), commit.answerTokens(), commit.injectedTokens(),
                commit.extensionsUsed(), commit.capFired(), ReasoningSession.protocolBudget(commit.budget()),
                commit.answerTextFrom(), recorder.eventsSinceCommit());
    }
}
