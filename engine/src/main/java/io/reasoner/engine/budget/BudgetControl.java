package io.reasoner.engine.budget;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands a running generation a new thinking budget from any thread (a budget policy reacting to load, a user
 * asking for a quicker answer). The decoder picks the change up at its next step boundary where it holds no tokens
 * back as a possible multi-token end delimiter (at most a delimiter's worth of tokens later), so that every change
 * lands at a point a resumed run can restore; changes made before then merge, the later value of each field
 * winning. Once thinking has ended a change has nothing to act on and is discarded.
 *
 * <p>How a change applies: the new cap never drops below the thinking tokens already spent, so a cap at or below
 * them ends thinking at once (reported as the cap firing); a minimum above the new cap is lowered to it. Each change
 * that takes effect is reported as {@link ControlKind#BUDGET_CHANGED}.
 *
 * <p>Thread-safe; one control per generation.
 */
public final class BudgetControl {

    private final AtomicReference<BudgetChange> pending = new AtomicReference<>();

    /** @throws IllegalArgumentException if {@code maxThinkingTokens} is not in [0, 32768] */
    public void changeMaxThinkingTokens(int maxThinkingTokens) {
        ThinkingBudget.checkRange("maxThinkingTokens", maxThinkingTokens, 0, ThinkingBudget.MAX_TOKENS);
        merge(new BudgetChange(OptionalInt.of(maxThinkingTokens), OptionalInt.empty()));
    }

    /** @throws IllegalArgumentException if {@code extensions} is not in [0, 64] */
    public void changeExtensions(int extensions) {
        ThinkingBudget.checkRange("extensions", extensions, 0, ThinkingBudget.MAX_EXTENSIONS);
        merge(new BudgetChange(OptionalInt.empty(), OptionalInt.of(extensions)));
    }

    /** Both at once, so the decoder never applies one without the other. */
    public void change(int maxThinkingTokens, int extensions) {
        ThinkingBudget.checkRange("maxThinkingTokens", maxThinkingTokens, 0, ThinkingBudget.MAX_TOKENS);
        ThinkingBudget.checkRange("extensions", extensions, 0, ThinkingBudget.MAX_EXTENSIONS);
        merge(new BudgetChange(OptionalInt.of(maxThinkingTokens), OptionalInt.of(extensions)));
    }

    private void merge(BudgetChange change) {
        pending.accumulateAndGet(change, (earlier, later) -> earlier == null ? later : earlier.then(later));
    }

    /** The change waiting to be applied, removing it; null when there is none. Decoder side. */
    BudgetChange take() {
        return pending.getAndSet(null);
    }
}
