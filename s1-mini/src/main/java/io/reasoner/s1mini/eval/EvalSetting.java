package io.reasoner.s1mini.eval;

import io.reasoner.engine.budget.ThinkingBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One budget-forcing configuration of the evaluation.
 *
 * @param method the sweep it belongs to: {@code cap} (capping thinking at growing budgets), {@code extensions}
 *               (forcing 0-6 "Wait"s under a generous cap) or {@code strings} (the same number of extensions with
 *               different texts, and none)
 */
public record EvalSetting(String method, String label, ThinkingBudget budget) {

    /** Answers are a number or a few letters: a handful of tokens, with room to spare. */
    static final int MAX_ANSWER_TOKENS = 24;

    public EvalSetting {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(budget, "budget");
    }

    /**
     * The grid: caps from 0 to {@code generousCap} (7 points), 0/1/2/4/6 forced "Wait"s under the generous
     * cap, and Wait/Hmm/Alternatively/none at {@code stringExtensions} extensions.
     */
    public static List<EvalSetting> grid(int generousCap, int stringExtensions) {
        List<EvalSetting> settings = new ArrayList<>();
        for (int cap : caps(generousCap)) {
            settings.add(new EvalSetting("cap", "cap " + cap, budget(cap, 0, "Wait")));
        }
        for (int n : new int[] {0, 1, 2, 4, 6}) {
            settings.add(new EvalSetting("extensions", "Wait x" + n, budget(generousCap, n, "Wait")));
        }
        for (String text : new String[] {"Wait", "Hmm", "Alternatively"}) {
            settings.add(new EvalSetting("strings", text + " x" + stringExtensions,
                    budget(generousCap, stringExtensions, text)));
        }
        settings.add(new EvalSetting("strings", "none", budget(generousCap, 0, "Wait")));
        return settings;
    }

    /** 0, then halving down from the generous cap: 0, c/32, c/16, c/8, c/4, c/2, c. */
    static int[] caps(int generousCap) {
        if (generousCap < 32) {
            throw new IllegalArgumentException("generousCap must be >= 32, was " + generousCap);
        }
        return new int[] {0, generousCap / 32, generousCap / 16, generousCap / 8, generousCap / 4, generousCap / 2,
                generousCap};
    }

    private static ThinkingBudget budget(int cap, int extensions, String text) {
        return ThinkingBudget.ofMax(cap).withExtensions(extensions).withExtensionText(text)
                .withMaxAnswerTokens(MAX_ANSWER_TOKENS);
    }
}
