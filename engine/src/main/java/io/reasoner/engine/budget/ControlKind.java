package io.reasoner.engine.budget;

/** The forcer's interventions, reported as {@link ControlEvent}s. */
public enum ControlKind {
    /** An attempt to end thinking was suppressed and the extension text appended. */
    WAIT_INJECTED,
    /** Thinking reached its cap: the end delimiter and the forced answer prefix were appended. */
    CAP_FORCED,
    /**
     * A change handed over through {@link BudgetControl} took effect. It is a commit point, like
     * {@link TokensCommitted}: it comes where everything fed is committed, and changes only the budget.
     */
    BUDGET_CHANGED
}
