package io.reasoner.protocol;

import java.util.Map;

/**
 * The budget a tier's requests are granted now, on the compacted {@link ReasoningTopic#BUDGET_POLICY}, keyed by
 * tier. Workers apply the latest policy of a request's tier to the budget it asked for.
 *
 * @param tier              the tier
 * @param multiplier        factor applied to requested thinking budgets, in [0, 4]
 * @param maxThinkingTokens upper bound on granted thinking tokens
 * @param extensionsAllowed upper bound on granted extensions
 * @param reason            why the policy has this value
 * @param inputs            the load figures it was computed from (name to value)
 * @param computedAtMs      epoch milliseconds
 */
public record BudgetPolicy(
        Priority tier,
        double multiplier,
        int maxThinkingTokens,
        int extensionsAllowed,
        String reason,
        Map<String, Double> inputs,
        long computedAtMs) implements ReasoningEvent {

    public BudgetPolicy {
        Checks.notNull("tier", tier);
        Checks.inRange("multiplier", multiplier, 0.0, 4.0);
        Checks.inRange("maxThinkingTokens", maxThinkingTokens, 0, Budget.MAX_TOKENS);
        Checks.inRange("extensionsAllowed", extensionsAllowed, 0, Budget.MAX_EXTENSIONS);
        reason = reason == null ? "" : reason;
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    @Override
    public String key() {
        return tier.name().toLowerCase(java.util.Locale.ROOT);
    }
}
