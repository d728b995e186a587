package io.reasoner.policy.topology;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.reasoner.policy.control.ControlLaw;
import io.reasoner.policy.control.TierDecision;
import io.reasoner.policy.control.TierSignals;
import io.reasoner.policy.control.TierState;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.Priority;

/**
 * The Streams side of the controller: on each closed window it runs the {@link ControlLaw} once and publishes one
 * policy per tier; on an override it publishes the override at once. An active override wins over the controller
 * until it expires, judged by the window's end time, so the same input always gives the same output. The control
 * law keeps running under an override, so that its state is current when the override ends.
 */
final class ControllerProcessor implements Processor<String, ControlInput, String, BudgetPolicy> {

    private final PolicySettings settings;
    private final ControlLaw law;
    private ProcessorContext<String, BudgetPolicy> context;
    private KeyValueStore<String, ControllerMemory> memoryStore;
    private KeyValueStore<String, PolicyOverride> overrides;
    private KeyValueStore<String, BudgetPolicy> policies;
    private KeyValueStore<String, TierLoadView> loads;

    ControllerProcessor(PolicySettings settings) {
        this.settings = settings;
        this.law = new ControlLaw(settings.control());
    }

    @Override
    public void init(ProcessorContext<String, BudgetPolicy> context) {
        this.context = context;
        this.memoryStore = context.getStateStore(PolicyStores.CONTROLLER);
        this.overrides = context.getStateStore(PolicyStores.OVERRIDES);
        this.policies = context.getStateStore(PolicyStores.POLICIES);
        this.loads = context.getStateStore(PolicyStores.LOAD);
    }

    @Override
    public void process(Record<String, ControlInput> record) {
        ControlInput input = record.value();
        if (input.isWindow()) {
            onWindow(input);
        } else {
            onOverride(input.tier(), input.override(), record.timestamp());
        }
    }

    private void onOverride(String tier, PolicyOverride override, long nowMs) {
        Priority priority = PolicyTopology.tier(tier);
        if (override == null) {
            overrides.delete(tier);
            BudgetPolicy last = memory().controllerPolicies().get(tier);
            publish(tier, last != null ? last : neutral(priority, nowMs), nowMs);
        } else if (override.activeAt(nowMs)) {
            overrides.put(tier, override);
            BudgetPolicy current = policies.get(tier);
            publish(tier, override.toPolicy(priority, nowMs, current == null ? Map.of() : current.inputs()), nowMs);
        }
    }

    private void onWindow(ControlInput window) {
        ControllerMemory memory = memory();
        double windowSeconds = (window.windowEndMs() - window.windowStartMs()) / 1000.0;
        WindowMeasures measures = WindowMeasures.of(window.load(), memory, windowSeconds);
        ControlLaw.Step step = law.step(states(memory), measures.signals());

        Map<String, TierState> nextStates = new HashMap<>();
        Map<String, ControllerMemory.Backlog> nextBacklogs = new HashMap<>();
        Map<String, BudgetPolicy> controllerPolicies = new HashMap<>();
        long now = window.windowEndMs();
        for (Priority tier : Priority.values()) {
            String key = PolicyTopology.tierKey(tier);
            TierDecision decision = step.decisions().get(tier);
            nextStates.put(key, step.state().get(tier));
            nextBacklogs.put(key, WindowMeasures.backlogAfter(memory.backlog(key),
                    window.load().tiers().getOrDefault(key, WindowLoad.TierWindow.EMPTY)));
            TierLoadView view = view(key, window, measures, decision);
            loads.put(key, view);
            BudgetPolicy computed = controllerPolicy(decision, view, now);
            controllerPolicies.put(key, computed);
            PolicyOverride override = activeOverride(key, now);
            publish(key, override != null ? override.toPolicy(tier, now, withControllerMultiplier(computed)) : computed,
                    now);
        }
        memoryStore.put(PolicyTopology.PLATFORM_KEY, new ControllerMemory(nextStates, nextBacklogs,
                measures.perSlotTokensPerSecond(), controllerPolicies));
    }

    /** The tier's override if it is still active at {@code nowMs}; an expired one is removed. */
    private PolicyOverride activeOverride(String tier, long nowMs) {
        PolicyOverride override = overrides.get(tier);
        if (override != null && !override.activeAt(nowMs)) {
            overrides.delete(tier);
            return null;
        }
        return override;
    }

    private void publish(String tier, BudgetPolicy policy, long timestampMs) {
        policies.put(tier, policy);
        context.forward(new Record<>(tier, policy, timestampMs));
    }

    private ControllerMemory memory() {
        ControllerMemory memory = memoryStore.get(PolicyTopology.PLATFORM_KEY);
        return memory != null ? memory : ControllerMemory.initial(settings.assumedTokensPerSecondPerSlot());
    }

    private static Map<Priority, TierState> states(ControllerMemory memory) {
        Map<Priority, TierState> states = new HashMap<>();
        memory.states().forEach((tier, state) -> states.put(PolicyTopology.tier(tier), state));
        return states;
    }

    private BudgetPolicy controllerPolicy(TierDecision decision, TierLoadView view, long now) {
        return new BudgetPolicy(decision.tier(), decision.multiplier(), decision.maxThinkingTokens(),
                decision.extensionsAllowed(), decision.action().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + decision.reason(),
                inputs(view), now, decision.floorThinkingTokens(), decision.extraExtensions(),
                BudgetPolicy.Source.CONTROLLER, now + settings.policyTtl().toMillis());
    }

    private static Map<String, Double> withControllerMultiplier(BudgetPolicy computed) {
        Map<String, Double> inputs = new LinkedHashMap<>(computed.inputs());
        inputs.put("controllerMultiplier", computed.multiplier());
        return inputs;
    }

    private static TierLoadView view(String key, ControlInput window, WindowMeasures measures,
            TierDecision decision) {
        Priority tier = PolicyTopology.tier(key);
        TierSignals signals = measures.signals().tier(tier);
        return new TierLoadView(key, window.windowStartMs(), window.windowEndMs(), signals.arrivals(),
                measures.signals().demandTokensPerSecond(tier),
                signals.backlogThinkingTokens() + signals.backlogAnswerTokens(),
                measures.signals().capacityTokensPerSecond(), measures.signals().utilization(), signals.completions(),
                known(signals.p95TimeToAnswerSeconds()), known(signals.p95QueueWaitSeconds()),
                measures.meanThinkingUsed().get(tier), known(decision.expectedWaitSeconds()),
                decision.targetWaitSeconds(), known(decision.sloHeadroomSeconds()), decision.multiplier(),
                decision.action().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The policy's {@code inputs}: the view's known figures, units in the names. */
    private static Map<String, Double> inputs(TierLoadView view) {
        Map<String, Double> inputs = new LinkedHashMap<>();
        inputs.put("windowStartMs", (double) view.windowStartMs());
        inputs.put("arrivals", (double) view.arrivals());
        inputs.put("demandTokensPerSecond", view.demandTokensPerSecond());
        inputs.put("backlogTokens", view.backlogTokens());
        inputs.put("capacityTokensPerSecond", view.capacityTokensPerSecond());
        inputs.put("utilization", view.utilization());
        inputs.put("completions", (double) view.completions());
        inputs.put("targetWaitSeconds", view.targetWaitSeconds());
        putKnown(inputs, "p95TimeToAnswerSeconds", view.p95TimeToAnswerSeconds());
        putKnown(inputs, "p95QueueWaitSeconds", view.p95QueueWaitSeconds());
        putKnown(inputs, "meanThinkingTokensUsed", view.meanThinkingTokensUsed());
        putKnown(inputs, "expectedWaitSeconds", view.expectedWaitSeconds());
        putKnown(inputs, "sloHeadroomSeconds", view.sloHeadroomSeconds());
        return inputs;
    }

    private static void putKnown(Map<String, Double> inputs, String name, Double value) {
        if (value != null) {
            inputs.put(name, value);
        }
    }

    private static Double known(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private static BudgetPolicy neutral(Priority tier, long nowMs) {
        return new BudgetPolicy(tier, 1.0, Budget.MAX_TOKENS, Budget.MAX_EXTENSIONS,
                "no load measured yet: budgets as requested", Map.of(), nowMs);
    }
}
