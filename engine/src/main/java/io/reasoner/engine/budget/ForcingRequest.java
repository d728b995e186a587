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
 */
public record ForcingRequest(int[] promptTokens, ThinkingBudget budget, Optional<BudgetControl> control,
                             BooleanSupplier cancelled, List<LogitsProcessor> processors) {

    public ForcingRequest {
        if (promptTokens.length == 0) {
            throw new IllegalArgumentException("promptTokens must not be empty (start with BOS to think from nothing)");
        }
        promptTokens = promptTokens.clone();
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(cancelled, "cancelled");
        processors = List.copyOf(processors);
    }

    public static ForcingRequest of(int[] promptTokens, ThinkingBudget budget) {
        return new ForcingRequest(promptTokens, budget, Optional.empty(), () -> false, List.of());
    }

    public ForcingRequest withControl(BudgetControl newControl) {
        return new ForcingRequest(promptTokens, budget, Optional.of(newControl), cancelled, processors);
    }

    public ForcingRequest withCancellation(BooleanSupplier newCancelled) {
        return new ForcingRequest(promptTokens, budget, control, newCancelled, processors);
    }

    public ForcingRequest withProcessors(List<LogitsProcessor> newProcessors) {
        return new ForcingRequest(promptTokens, budget, control, cancelled, newProcessors);
    }

    @Override
    public int[] promptTokens() {
        return promptTokens.clone();
    }

    int promptLength() {
        return promptTokens.length;
    }
}
