package io.reasoner.policy.topology;

import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.Priority;

/**
 * An operator's pinned policy for one tier, on the overrides topic keyed by tier; a tombstone clears it. It wins
 * over the controller from the moment the topology reads it until {@code expiresAtMs}.
 *
 * @param maxThinkingTokens  cap on granted thinking
 * @param multiplier         factor on requested thinking caps (1: as requested, up to the cap)
 * @param extensionsAllowed  cap on granted extensions
 * @param reason             why, for people
 * @param setAtMs            when it was set, epoch ms
 * @param expiresAtMs        when it stops winning, epoch ms
 */
public record PolicyOverride(
        int maxThinkingTokens,
        double multiplier,
        int extensionsAllowed,
        String reason,
        long setAtMs,
        long expiresAtMs) {

    public PolicyOverride {
        range("maxThinkingTokens", maxThinkingTokens, 0, Budget.MAX_TOKENS);
        range("extensionsAllowed", extensionsAllowed, 0, Budget.MAX_EXTENSIONS);
        if (!(multiplier >= 0 && multiplier <= BudgetPolicy.MAX_MULTIPLIER)) {
            throw new IllegalArgumentException("multiplier must be in [0.0, " + BudgetPolicy.MAX_MULTIPLIER
                    + "], was " + multiplier);
        }
        if (expiresAtMs <= setAtMs) {
            throw new IllegalArgumentException("expiresAtMs must be after setAtMs (" + setAtMs + "), was "
                    + expiresAtMs);
        }
        reason = reason == null || reason.isBlank() ? "operator override" : reason;
    }

    public boolean activeAt(long nowMs) {
        return nowMs < expiresAtMs;
    }

    BudgetPolicy toPolicy(Priority tier, long nowMs, java.util.Map<String, Double> inputs) {
        return new BudgetPolicy(tier, multiplier, maxThinkingTokens, extensionsAllowed,
                "override: " + reason + " (until " + java.time.Instant.ofEpochMilli(expiresAtMs) + ")", inputs, nowMs,
                0, 0, BudgetPolicy.Source.OVERRIDE, expiresAtMs);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
