package io.reasoner.engine.budget;

/**
 * The counts of one forced generation and the budget in force, read by the rules in {@link ThinkingRules}. Thinking
 * tokens held back as a possible delimiter count against the budget ({@link #thinking()}) but are reported only once
 * released ({@link #committedThinking()}), since they may yet be rolled back.
 */
final class BudgetLedger {

    private final int extensionLength;
    private ThinkingBudget budget;
    private int committedThinking;
    private int heldThinking;
    private int answer;
    private int injected;
    private int extensionsUsed;
    private boolean capFired;

    BudgetLedger(ThinkingBudget budget, int extensionLength) {
        this.budget = budget;
        this.extensionLength = extensionLength;
    }

    /** Takes over a checkpoint's counts: a resumed run goes on from them. Nothing is held at a checkpoint. */
    void restore(ForcingCheckpoint checkpoint) {
        budget = checkpoint.budget();
        committedThinking = checkpoint.thinkingTokens();
        heldThinking = 0;
        answer = checkpoint.answerTokens();
        injected = checkpoint.injectedTokens();
        extensionsUsed = checkpoint.extensionsUsed();
        capFired = checkpoint.capFired();
    }

    ThinkingBudget budget() {
        return budget;
    }

    void changeBudget(ThinkingBudget newBudget) {
        budget = newBudget;
    }

    int thinking() {
        return committedThinking + heldThinking;
    }

    int committedThinking() {
        return committedThinking;
    }

    int answer() {
        return answer;
    }

    int injected() {
        return injected;
    }

    int extensionsUsed() {
        return extensionsUsed;
    }

    boolean capFired() {
        return capFired;
    }

    boolean capReached() {
        return ThinkingRules.capReached(budget, thinking());
    }

    boolean mayEndThinking() {
        return ThinkingRules.mayEnd(budget, thinking(), extensionsUsed, extensionLength);
    }

    boolean extensionFits() {
        return ThinkingRules.extensionFits(budget, thinking(), extensionLength);
    }

    /** {@code released} held tokens became ordinary thinking; {@code held} are held now. */
    void thinkingTokens(int released, int held) {
        committedThinking += released;
        heldThinking = held;
    }

    void heldDropped() {
        heldThinking = 0;
    }

    void extended() {
        committedThinking += extensionLength;
        injected += extensionLength;
        extensionsUsed++;
    }

    void injected(int tokens) {
        injected += tokens;
    }

    void fireCap() {
        capFired = true;
    }

    void answerToken() {
        answer++;
    }

    DecodingState state(Phase phase, int position) {
        return new DecodingState(phase, position, thinking(), answer, extensionsUsed, budget);
    }
}
