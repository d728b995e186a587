package io.reasoner.engine.budget;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One forced generation.
 *
 * @param promptTokens the rendered prompt, usually starting with BOS, without the thinking opening (the format
 *                     appends it); at least one token
 * @param budget       the budget at the start
 * @param control      where mid-flight changes come from, if any. With a control the sequence is sized for the
 *                     largest budget a change could set (up to the model's context), without one for exactly
 *                     this budget
 * @param cancelled    asked once per step, on the decoding thread; true ends the generation as
 *                     {@link FinishReason#CANCELLED}
 * @param processors   run in order on each step's logits, before the forcer's own mask
 * @param resumeFrom   where an earlier run of this same request stopped being streamed, if this run continues it
 *                     (see {@link #resumingFrom}); its budget's texts and answer limit must be this budget's
 */
public record ForcingRequest(int[] promptTokens, ThinkingBudget budget, Optional<BudgetControl> control,
                             BooleanSupplier cancelled, List<LogitsProcessor> processors,
                             Optional<ForcingCheckpoint> resumeFrom) {

    public ForcingRequest {
        if (promptTokens.length == 0) {
            throw new IllegalArgumentException("promptTokens must not be empty (start with BOS to think from nothing)");
        }
        promptTokens = promptTokens.clone();
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(cancelled, "cancelled");
        processors = List.copyOf(processors);
        Objects.requireNonNull(resumeFrom, "resumeFrom");
        resumeFrom.ifPresent(checkpoint -> checkResumable(budget, checkpoint.budget()));
    }

    /** A request that starts from nothing. */
    public ForcingRequest(int[] promptTokens, ThinkingBudget budget, Optional<BudgetControl> control,
                          BooleanSupplier cancelled, List<LogitsProcessor> processors) {
        this(promptTokens, budget, control, cancelled, processors, Optional.empty());
    }

    public static ForcingRequest of(int[] promptTokens, ThinkingBudget budget) {
        return new ForcingRequest(promptTokens, budget, Optional.empty(), () -> false, List.of());
    }

    public ForcingRequest withControl(BudgetControl newControl) {
        return new ForcingRequest(promptTokens, budget, Optional.of(newControl), cancelled, processors, resumeFrom);
    }

    public ForcingRequest withCancellation(BooleanSupplier newCancelled) {
        return new ForcingRequest(promptTokens, budget, control, newCancelled, processors, resumeFrom);
    }

    public ForcingRequest withProcessors(List<LogitsProcessor> newProcessors) {
        return new ForcingRequest(promptTokens, budget, control, cancelled, newProcessors, resumeFrom);
    }

    /**
     * This request continued from {@code checkpoint}, taken from an earlier run of it (same prompt, format, model
     * and starting budget): the run prefills the prompt, the opening and the checkpoint's tokens in one pass,
     * restores the counts, phase and budget, and delivers only the events that came after the checkpoint. See
     * {@link ForcingCheckpoint} for when the continuation is exact.
     *
     * @throws IllegalArgumentException if the checkpoint's budget has another extension text, forced answer prefix
     *                                  or answer limit than this request's (no budget change alters those)
     */
    public ForcingRequest resumingFrom(ForcingCheckpoint checkpoint) {
        return new ForcingRequest(promptTokens, budget, control, cancelled, processors, Optional.of(checkpoint));
    }

    @Override
    public int[] promptTokens() {
        return promptTokens.clone();
    }

    int promptLength() {
        return promptTokens.length;
    }

    /** The checkpoint's tokens, 0 when not resuming. */
    int resumedLength() {
        return resumeFrom.map(ForcingCheckpoint::length).orElse(0);
    }

    private static void checkResumable(ThinkingBudget budget, ThinkingBudget resumed) {
        if (!resumed.extensionText().equals(budget.extensionText())) {
            throw new IllegalArgumentException("the checkpoint's extensionText '" + resumed.extensionText()
                    + "' must be the request's '" + budget.extensionText() + "'");
        }
        if (!resumed.forcedAnswerPrefix().equals(budget.forcedAnswerPrefix())) {
            throw new IllegalArgumentException("the checkpoint's forcedAnswerPrefix '" + resumed.forcedAnswerPrefix()
                    + "' must be the request's '" + budget.forcedAnswerPrefix() + "'");
        }
        if (resumed.maxAnswerTokens() != budget.maxAnswerTokens()) {
            throw new IllegalArgumentException("the checkpoint's maxAnswerTokens " + resumed.maxAnswerTokens()
                    + " must be the request's " + budget.maxAnswerTokens());
        }
    }
}
