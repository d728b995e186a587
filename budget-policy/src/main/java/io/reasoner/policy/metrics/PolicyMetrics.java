package io.reasoner.policy.metrics;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reasoner.policy.topology.PolicyTopology;
import io.reasoner.policy.web.PolicyQueries;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.Priority;

/**
 * Gauges per tier, read from the last published policy at each scrape (NaN while there is none or the state is
 * not queryable here). Prometheus names: {@code reasoner_policy_multiplier}, {@code
 * reasoner_policy_expected_wait_seconds}, {@code reasoner_policy_slo_headroom_seconds}, {@code
 * reasoner_policy_override_active}, each with a {@code tier} label.
 */
public final class PolicyMetrics {

    private PolicyMetrics() {
    }

    public static void register(MeterRegistry registry, PolicyQueries queries) {
        for (Priority priority : Priority.values()) {
            String tier = PolicyTopology.tierKey(priority);
            gauge(registry, queries, tier, "reasoner.policy.multiplier", null,
                    "factor on requested thinking caps in force (an override's, while one is active)",
                    BudgetPolicy::multiplier);
            gauge(registry, queries, tier, "reasoner.policy.expected.wait", "seconds",
                    "work ahead of a new request over capacity, at the controller's multiplier",
                    policy -> input(policy, "expectedWaitSeconds"));
            gauge(registry, queries, tier, "reasoner.policy.slo.headroom", "seconds",
                    "SLO (target wait for best effort) minus the larger of expected wait and observed p95",
                    policy -> input(policy, "sloHeadroomSeconds"));
            gauge(registry, queries, tier, "reasoner.policy.override.active", null,
                    "1 while an operator's override is in force",
                    policy -> policy.source() == BudgetPolicy.Source.OVERRIDE ? 1 : 0);
        }
    }

    private static void gauge(MeterRegistry registry, PolicyQueries queries, String tier, String name, String unit,
            String description, ToDoubleFunction<BudgetPolicy> value) {
        Gauge.builder(name, queries, q -> q.policyIfReady(tier).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("tier", tier).baseUnit(unit).description(description).strongReference(true)
                .register(registry);
    }

    private static double input(BudgetPolicy policy, String name) {
        return policy.inputs().getOrDefault(name, Double.NaN);
    }
}
