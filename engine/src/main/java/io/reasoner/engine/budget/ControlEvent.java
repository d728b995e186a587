package io.reasoner.engine.budget;

import java.util.Objects;

/**
 * An intervention by the forcer.
 *
 * @param injectedText   for {@link ControlKind#WAIT_INJECTED} the extension as it renders (streamed next as
 *                       thinking text); for {@link ControlKind#CAP_FORCED} the forced answer prefix as written
 *                       (streamed next as answer text); empty for {@link ControlKind#BUDGET_CHANGED}
 * @param thinkingTokens thinking tokens after the intervention (an injected extension counts)
 * @param extensionsUsed suppressions so far, this one included
 * @param budget         the budget in force after the intervention
 */
public record ControlEvent(ControlKind kind, String injectedText, int thinkingTokens, int extensionsUsed,
                           ThinkingBudget budget) implements ForcingEvent {

    public ControlEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(injectedText, "injectedText");
        Objects.requireNonNull(budget, "budget");
    }
}
