package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThinkingBudgetTest {

    @Test
    void ofMax_usesS1sTexts_andNoMinimumOrExtensions() {
        ThinkingBudget budget = ThinkingBudget.ofMax(512);

        assertThat(budget).isEqualTo(new ThinkingBudget(512, 0, 0, "Wait", "Final Answer:", 1024));
    }

    @Test
    void everyRange_isCheckedWithTheValueAndTheAllowedRange() {
        ThinkingBudget budget = ThinkingBudget.ofMax(10);

        assertThatThrownBy(() -> budget.withMaxThinkingTokens(-5))
                .hasMessage("maxThinkingTokens must be in [0, 32768], was -5");
        assertThatThrownBy(() -> budget.withMaxThinkingTokens(32769))
                .hasMessage("maxThinkingTokens must be in [0, 32768], was 32769");
        assertThatThrownBy(() -> budget.withMinThinkingTokens(11))
                .hasMessage("minThinkingTokens must be in [0, 10], was 11");
        assertThatThrownBy(() -> budget.withExtensions(65)).hasMessage("extensions must be in [0, 64], was 65");
        assertThatThrownBy(() -> budget.withMaxAnswerTokens(0))
                .hasMessage("maxAnswerTokens must be in [1, 32768], was 0");
    }

    @Test
    void emptyExtensionText_isRefused_becauseItWouldSuppressForever() {
        assertThatThrownBy(() -> ThinkingBudget.ofMax(10).withExtensionText(""))
                .hasMessage("extensionText must not be empty");
    }

    @Test
    void emptyForcedPrefix_isAllowed() {
        assertThat(ThinkingBudget.ofMax(10).withForcedAnswerPrefix("").forcedAnswerPrefix()).isEmpty();
    }
}
