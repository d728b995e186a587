package io.reasoner.policy.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.reasoner.policy.control.ControlParameters;
import io.reasoner.policy.control.TierParameters;
import io.reasoner.policy.topology.PolicySettings;
import io.reasoner.policy.topology.PolicyTopology;
import io.reasoner.protocol.Priority;

/**
 * Settings under {@code reasoner.policy}; {@code docs/budget-policy.md} gives the reasoning behind each default.
 * Per-tier settings ({@code reasoner.policy.tiers.interactive.*}, {@code …batch.*}) override the tier's built-in
 * defaults one by one.
 */
@ConfigurationProperties("reasoner.policy")
public record PolicyProperties(
        // Versioned: a topology whose stores or internal topics change gets a new id, so internal topics the broker
        // kept from the previous version (a reused .reasoner/, a rolling upgrade) cannot stop it.
        @DefaultValue("reasoner-budget-policy-v2") String applicationId,
        Path stateDir,
        @DefaultValue("10s") Duration window,
        @DefaultValue("2s") Duration grace,
        @DefaultValue("60s") Duration policyTtl,
        @DefaultValue("30m") Duration outstandingHorizon,
        @DefaultValue("50") double assumedTokensPerSecondPerSlot,
        @DefaultValue("10s") Duration overrideSendTimeout,
        @DefaultValue("24h") Duration maxOverrideTtl,
        @DefaultValue("0.2") double headroom,
        @DefaultValue("0.05") double deadband,
        @DefaultValue("0.5") double maxDecreaseFactor,
        @DefaultValue("0.25") double growStep,
        @DefaultValue("2") int calmWindowsBeforeGrowth,
        @DefaultValue("0.8") double riskFraction,
        @DefaultValue("0.5") double idleUtilization,
        @DefaultValue("0.3") double demandDecay,
        Map<String, Tier> tiers) {

    /** One tier's settings; each absent one keeps the tier's built-in default. */
    public record Tier(
            Duration sloP95,
            Boolean bestEffort,
            Duration targetWait,
            Double floorMultiplier,
            Integer floorThinkingTokens,
            Double maxMultiplier,
            Integer maxThinkingTokens,
            Integer maxExtensions,
            Integer boostExtraExtensions) {

        TierParameters over(TierParameters base) {
            Double slo = base.sloP95Seconds();
            if (Boolean.TRUE.equals(bestEffort)) {
                slo = null;
            } else if (sloP95 != null) {
                slo = sloP95.toMillis() / 1000.0;
            }
            return new TierParameters(slo,
                    targetWait != null ? targetWait.toMillis() / 1000.0 : base.targetWaitSeconds(),
                    floorMultiplier != null ? floorMultiplier : base.floorMultiplier(),
                    floorThinkingTokens != null ? floorThinkingTokens : base.floorThinkingTokens(),
                    maxMultiplier != null ? maxMultiplier : base.maxMultiplier(),
                    maxThinkingTokens != null ? maxThinkingTokens : base.maxThinkingTokens(),
                    maxExtensions != null ? maxExtensions : base.maxExtensions(),
                    boostExtraExtensions != null ? boostExtraExtensions : base.boostExtraExtensions());
        }
    }

    public PolicyProperties {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        tiers.keySet().forEach(PolicyTopology::tier);
    }

    public PolicySettings toSettings() {
        ControlParameters defaults = ControlParameters.defaults();
        Map<Priority, TierParameters> tierParameters = new EnumMap<>(Priority.class);
        for (Priority tier : Priority.values()) {
            Tier configured = tiers.get(PolicyTopology.tierKey(tier));
            TierParameters base = defaults.tier(tier);
            tierParameters.put(tier, configured == null ? base : configured.over(base));
        }
        return new PolicySettings(window, grace, policyTtl, outstandingHorizon, assumedTokensPerSecondPerSlot,
                new ControlParameters(tierParameters, headroom, deadband, maxDecreaseFactor, growStep,
                        calmWindowsBeforeGrowth, riskFraction, idleUtilization, demandDecay));
    }
}
