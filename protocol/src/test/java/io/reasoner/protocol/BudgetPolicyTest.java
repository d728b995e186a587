package io.reasoner.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BudgetPolicyTest {

    private static BudgetPolicy policy(double multiplier, int cap, int extensionsAllowed, int floor, int extra,
            Long expiresAtMs) {
        return new BudgetPolicy(Priority.INTERACTIVE, multiplier, cap, extensionsAllowed, "test", Map.of(), 0L, floor,
                extra, BudgetPolicy.Source.CONTROLLER, expiresAtMs);
    }

    private static Budget requested(int maxThinking, int minThinking, int extensions) {
        return new Budget(maxThinking, minThinking, extensions, "Hmm", "So:", 77);
    }

    @Test
    void neutralPolicy_grantsTheRequestUnchanged() {
        Budget asked = requested(300, 20, 3);

        assertThat(policy(1.0, Budget.MAX_TOKENS, Budget.MAX_EXTENSIONS, 0, 0, null).apply(asked, 5L))
                .isEqualTo(asked);
    }

    @Test
    void multiplierBelowOne_scalesTheThinkingCap_andKeepsAnswerCapAndTexts() {
        Budget granted = policy(0.5, Budget.MAX_TOKENS, 0, 0, 0, null).apply(requested(301, 20, 3), 0L);

        assertThat(granted.maxThinkingTokens()).isEqualTo(151);
        assertThat(granted.minThinkingTokens()).isEqualTo(20);
        assertThat(granted.extensions()).isZero();
        assertThat(granted.maxAnswerTokens()).isEqualTo(77);
        assertThat(granted.extensionText()).isEqualTo("Hmm");
        assertThat(granted.forcedAnswerPrefix()).isEqualTo("So:");
    }

    @Test
    void floor_holdsTheCapUp_butNeverAboveWhatWasRequested() {
        BudgetPolicy harsh = policy(0.1, Budget.MAX_TOKENS, 0, 64, 0, null);

        assertThat(harsh.apply(requested(400, 0, 0), 0L).maxThinkingTokens()).isEqualTo(64);
        assertThat(harsh.apply(requested(40, 0, 0), 0L).maxThinkingTokens()).isEqualTo(40);
    }

    @Test
    void cap_boundsTheGrant_evenWhenTheMultiplierGrantsMoreThanRequested() {
        BudgetPolicy boost = policy(2.0, 500, 8, 0, 2, null);

        Budget granted = boost.apply(requested(400, 0, 1), 0L);

        assertThat(granted.maxThinkingTokens()).isEqualTo(500);
        assertThat(granted.extensions()).isEqualTo(3);
        assertThat(boost.apply(requested(100, 0, 7), 0L).extensions()).isEqualTo(8);
    }

    @Test
    void requestedMinimumAboveTheGrantedCap_isLoweredToTheCap() {
        Budget granted = policy(0.25, Budget.MAX_TOKENS, 0, 0, 0, null).apply(requested(200, 180, 0), 0L);

        assertThat(granted.maxThinkingTokens()).isEqualTo(50);
        assertThat(granted.minThinkingTokens()).isEqualTo(50);
    }

    @Test
    void expiredPolicy_grantsTheRequestUnchanged_fromItsExpiryOn() {
        BudgetPolicy pinned = policy(1.0, 16, 0, 0, 0, 1_000L);
        Budget asked = requested(300, 0, 2);

        assertThat(pinned.apply(asked, 999L).maxThinkingTokens()).isEqualTo(16);
        assertThat(pinned.apply(asked, 1_000L)).isEqualTo(asked);
    }

    @Test
    void zeroRequestedThinking_staysZero() {
        assertThat(policy(3.0, Budget.MAX_TOKENS, 0, 32, 0, null).apply(requested(0, 0, 0), 0L).maxThinkingTokens())
                .isZero();
    }
}
