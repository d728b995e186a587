package io.reasoner.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The budget a tier's requests are granted now, on the compacted {@link ReasoningTopic#BUDGET_POLICY}, keyed by
 * tier. Workers apply the latest policy of a request's tier with {@link #apply(Budget, long)}: to a new request's
 * budget, and at step boundaries to the budget a running request originally asked for.
 *
 * <p>The last four components were added after version 1 was first published; a policy written without them
 * decodes with floor 0, no extra extensions, source {@code controller} and no expiry, which {@code apply} treats
 * exactly as the first version's policies were meant.
 *
 * @param tier                the tier
 * @param multiplier          factor applied to requested thinking caps, in [0, 4]; above 1 grants more thinking
 *                            than asked (idle capacity), below 1 less (load)
 * @param maxThinkingTokens   upper bound on granted thinking caps
 * @param extensionsAllowed   upper bound on granted extensions
 * @param reason              why the policy has this value, for people
 * @param inputs              the load figures it was computed from (name to value; units in the name's suffix)
 * @param computedAtMs        epoch milliseconds
 * @param floorThinkingTokens granted thinking caps never go below {@code min(requested, floorThinkingTokens)};
 *                            in [0, maxThinkingTokens]
 * @param extraExtensions     extensions granted on top of those requested (still at most
 *                            {@code extensionsAllowed}); in [0, {@value Budget#MAX_EXTENSIONS}]
 * @param source              who set it: the load controller, or an operator's override
 * @param expiresAtMs         epoch milliseconds from which the policy no longer applies (budgets are then granted
 *                            as requested), or null for never
 */
public record BudgetPolicy(
        Priority tier,
        double multiplier,
        int maxThinkingTokens,
        int extensionsAllowed,
        String reason,
        Map<String, Double> inputs,
        long computedAtMs,
        int floorThinkingTokens,
        int extraExtensions,
        Source source,
        Long expiresAtMs) implements ReasoningEvent {

    public static final double MAX_MULTIPLIER = 4.0;

    /** Who set a policy. */
    public enum Source {
        @JsonProperty("controller") CONTROLLER,
        @JsonProperty("override") OVERRIDE
    }

    public BudgetPolicy {
        Checks.notNull("tier", tier);
        Checks.inRange("multiplier", multiplier, 0.0, MAX_MULTIPLIER);
        Checks.inRange("maxThinkingTokens", maxThinkingTokens, 0, Budget.MAX_TOKENS);
        Checks.inRange("extensionsAllowed", extensionsAllowed, 0, Budget.MAX_EXTENSIONS);
        reason = reason == null ? "" : reason;
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        Checks.inRange("floorThinkingTokens", floorThinkingTokens, 0, maxThinkingTokens);
        Checks.inRange("extraExtensions", extraExtensions, 0, Budget.MAX_EXTENSIONS);
        source = source == null ? Source.CONTROLLER : source;
    }

    /** A controller policy with the first version's fields only: no floor, no extra extensions, no expiry. */
    public BudgetPolicy(Priority tier, double multiplier, int maxThinkingTokens, int extensionsAllowed, String reason,
            Map<String, Double> inputs, long computedAtMs) {
        this(tier, multiplier, maxThinkingTokens, extensionsAllowed, reason, inputs, computedAtMs, 0, 0,
                Source.CONTROLLER, null);
    }

    /** Whether the policy applies at {@code nowMs}. */
    public boolean isActiveAt(long nowMs) {
        return expiresAtMs == null || nowMs < expiresAtMs;
    }

    /**
     * The budget to grant a request of this tier that asked for {@code requested}, at {@code nowMs}. Pure; the
     * same arguments always give the same budget.
     *
     * <ul>
     *   <li>An expired policy grants the request unchanged.</li>
     *   <li>Thinking cap: {@code round(requested × multiplier)}, at most {@code maxThinkingTokens}, and at least
     *       {@code min(requested, floorThinkingTokens)}: the floor never raises a cap above what was asked.</li>
     *   <li>Extensions: {@code min(requested + extraExtensions, extensionsAllowed)}.</li>
     *   <li>Minimum thinking: the requested minimum, lowered to the granted cap if above it.</li>
     *   <li>Answer cap, extension text and forced-answer prefix: as requested.</li>
     * </ul>
     *
     * For a running request, pass the budget it originally asked for (not the one in force), so that repeated
     * applications do not compound; the budget-forcing state machine never lowers a cap below the tokens already
     * spent.
     */
    public Budget apply(Budget requested, long nowMs) {
        Checks.notNull("requested", requested);
        if (!isActiveAt(nowMs)) {
            return requested;
        }
        long scaled = Math.round(requested.maxThinkingTokens() * multiplier);
        int cap = (int) Math.min(scaled, maxThinkingTokens);
        cap = Math.max(cap, Math.min(requested.maxThinkingTokens(), floorThinkingTokens));
        int extensions = Math.min(requested.extensions() + extraExtensions, extensionsAllowed);
        int minThinking = Math.min(requested.minThinkingTokens(), cap);
        return new Budget(cap, minThinking, extensions, requested.extensionText(), requested.forcedAnswerPrefix(),
                requested.maxAnswerTokens());
    }

    @Override
    public String key() {
        return tier.name().toLowerCase(java.util.Locale.ROOT);
    }
}
