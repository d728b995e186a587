package io.reasoner.engine.budget;

/** Lets worker tests see what a {@link BudgetControl} would hand the decoder at its next step. */
public final class PendingChanges {

    private PendingChanges() {
    }

    /** The pending change's thinking cap, taking the change; null when none waits or it sets no cap. */
    public static Integer takeCap(BudgetControl control) {
        BudgetChange change = control.take();
        return change == null || change.maxThinkingTokens().isEmpty() ? null : change.maxThinkingTokens().getAsInt();
    }
}
