package io.reasoner.worker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reasoner.engine.budget.BudgetControl;
import io.reasoner.engine.budget.PendingChanges;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.Priority;

class BudgetPoliciesTest {

    private static final long NOW = 1_800_000_000_000L;
    private final BudgetPolicies policies = new BudgetPolicies(new EventCodec(),
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    private final Budget asked = new Budget(200, 0, 1, "Wait", "Final Answer:", 64);

    @Test
    void withoutAPolicy_requestsAreGrantedWhatTheyAsk() {
        assertThat(policies.grant(Priority.INTERACTIVE, asked)).isEqualTo(asked);
    }

    @Test
    void aNewRequestIsGrantedItsTiersPolicy_andTheOtherTierIsUntouched() {
        policies.accept(policy(Priority.BATCH, 0.5, null));

        assertThat(policies.grant(Priority.BATCH, asked).maxThinkingTokens()).isEqualTo(100);
        assertThat(policies.grant(Priority.INTERACTIVE, asked)).isEqualTo(asked);
    }

    @Test
    void aRunningRequestIsRegrantedFromWhatItAsked_neverCompounding() {
        BudgetControl control = new BudgetControl();
        try (var following = policies.register("r1", Priority.INTERACTIVE, asked, asked, control)) {
            policies.accept(policy(Priority.INTERACTIVE, 0.5, null));
            policies.accept(policy(Priority.INTERACTIVE, 0.5, null)); // same grant again: no second change
            policies.accept(policy(Priority.BATCH, 0.1, null)); // another tier: nothing
            assertThat(pendingCap(control)).isEqualTo(100);
            assertThat(pendingCap(control)).isNull();

            policies.accept(policy(Priority.INTERACTIVE, 0.25, null));
            assertThat(pendingCap(control)).isEqualTo(50); // 200 x 0.25, not 100 x 0.25
        }
        policies.accept(policy(Priority.INTERACTIVE, 1.0, null));
        assertThat(pendingCap(control)).as("no longer followed once closed").isNull();
    }

    @Test
    void anExpiredPolicyGrantsWhatWasAsked() {
        policies.accept(policy(Priority.INTERACTIVE, 0.5, NOW - 1));

        assertThat(policies.grant(Priority.INTERACTIVE, asked)).isEqualTo(asked);
    }

    private static BudgetPolicy policy(Priority tier, double multiplier, Long expiresAtMs) {
        return new BudgetPolicy(tier, multiplier, 4096, 8, "test", Map.of(), NOW, 0, 0,
                BudgetPolicy.Source.CONTROLLER, expiresAtMs);
    }

    /** The cap of the change waiting in {@code control}, taking it; null when none waits. */
    private static Integer pendingCap(BudgetControl control) {
        return PendingChanges.takeCap(control);
    }
}
