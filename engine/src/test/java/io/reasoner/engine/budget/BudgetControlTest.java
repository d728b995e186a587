package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BudgetControlTest {

    private final BudgetControl control = new BudgetControl();
    private final ThinkingBudget budget = new ThinkingBudget(100, 40, 2, "Wait", "Final Answer:", 64);

    @Test
    void nothingChanged_takesNothing() {
        assertThat(control.take()).isNull();
    }

    @Test
    void laterValuesWin_andFieldsSetOnlyEarlierSurvive() {
        control.changeMaxThinkingTokens(50);
        control.changeExtensions(3);
        control.changeMaxThinkingTokens(60);

        assertThat(control.take()).isEqualTo(new BudgetChange(OptionalInt.of(60), OptionalInt.of(3)));
        assertThat(control.take()).isNull();
    }

    @Test
    void invalidValues_areRefusedOnTheCallersThread() {
        assertThatThrownBy(() -> control.changeMaxThinkingTokens(-5))
                .hasMessage("maxThinkingTokens must be in [0, 32768], was -5");
        assertThatThrownBy(() -> control.change(10, 65)).hasMessage("extensions must be in [0, 64], was 65");
        assertThat(control.take()).isNull();
    }

    @Test
    void loweredCap_neverDropsBelowTheTokensSpent_andPullsTheMinimumDown() {
        BudgetChange lower = new BudgetChange(OptionalInt.of(10), OptionalInt.empty());

        assertThat(lower.applyTo(budget, 30)).isEqualTo(budget.withMinThinkingTokens(30).withMaxThinkingTokens(30));
        assertThat(lower.applyTo(budget, 5)).isEqualTo(budget.withMinThinkingTokens(10).withMaxThinkingTokens(10));
    }

    @Test
    void raisedCap_keepsTheMinimum_andExtensionsChangeAlone() {
        assertThat(new BudgetChange(OptionalInt.of(200), OptionalInt.empty()).applyTo(budget, 30))
                .isEqualTo(budget.withMaxThinkingTokens(200));
        assertThat(new BudgetChange(OptionalInt.empty(), OptionalInt.of(0)).applyTo(budget, 30))
                .isEqualTo(budget.withExtensions(0));
    }
}
