package io.reasoner.policy.topology;

import java.util.HashMap;
import java.util.Map;

import io.reasoner.policy.control.TierState;
import io.reasoner.protocol.BudgetPolicy;

/**
 * What the controller keeps between windows, under the single platform key of {@value PolicyStores#CONTROLLER}.
 *
 * @param states                 tier key to the control law's state
 * @param backlogs               tier key to requested tokens on the books at the end of the last window
 * @param perSlotTokensPerSecond the last measured decoding speed of one busy slot
 * @param controllerPolicies     tier key to the controller's last policy, which is published again when an
 *                               override is cleared
 */
public record ControllerMemory(
        Map<String, TierState> states,
        Map<String, Backlog> backlogs,
        double perSlotTokensPerSecond,
        Map<String, BudgetPolicy> controllerPolicies) {

    /** Requested tokens of requests on the books. */
    public record Backlog(double thinkingTokens, double answerTokens) {
        static final Backlog NONE = new Backlog(0, 0);

        double total() {
            return thinkingTokens + answerTokens;
        }
    }

    public ControllerMemory {
        states = states == null ? Map.of() : Map.copyOf(states);
        backlogs = backlogs == null ? Map.of() : Map.copyOf(backlogs);
        controllerPolicies = controllerPolicies == null ? Map.of() : Map.copyOf(controllerPolicies);
    }

    static ControllerMemory initial(double assumedTokensPerSecondPerSlot) {
        return new ControllerMemory(Map.of(), Map.of(), assumedTokensPerSecondPerSlot, Map.of());
    }

    Backlog backlog(String tier) {
        return backlogs.getOrDefault(tier, Backlog.NONE);
    }

    ControllerMemory withPolicy(String tier, BudgetPolicy policy) {
        Map<String, BudgetPolicy> next = new HashMap<>(controllerPolicies);
        next.put(tier, policy);
        return new ControllerMemory(states, backlogs, perSlotTokensPerSecond, next);
    }
}
