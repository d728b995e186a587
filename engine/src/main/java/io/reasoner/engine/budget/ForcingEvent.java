package io.reasoner.engine.budget;

/**
 * What a {@link ForcingListener} hears, in generation order: {@link TextDelta}s as text is decoded,
 * {@link ControlEvent}s where the forcer intervened, and {@link TokensCommitted} where the run can be resumed from.
 * Concatenating the deltas of a phase gives that phase's text.
 *
 * <p>Resumption: concatenating {@link #committedTokens()} over every event so far gives the tokens fed after the
 * prompt and the thinking opening up to the last commit; a {@link CheckpointRecorder} turns the events into a
 * {@link ForcingCheckpoint} (see the package documentation for the exact contract).
 */
public sealed interface ForcingEvent permits TextDelta, ControlEvent, TokensCommitted {

    /**
     * The tokens this event commits to the sequence, in feed order: those fed since the previous commit for a
     * {@link TokensCommitted}, none for the other events (their tokens are committed by the next
     * {@link TokensCommitted}, since until then they may still be held back or rolled back).
     */
    default int[] committedTokens() {
        return new int[0];
    }
}
