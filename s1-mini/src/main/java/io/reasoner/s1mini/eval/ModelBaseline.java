package io.reasoner.s1mini.eval;

import io.reasoner.engine.budget.ThinkingBudget;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.s1mini.data.Problem;
import io.reasoner.s1mini.select.DifficultyFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A model run as s1 ran Qwen2.5 over its questions: each problem once, greedy, through the same budget forcing as
 * the evaluation, its answer checked by the domain's verifier. Only the problems it was run on can be marked hard;
 * for any other it {@link #solves} (nothing is known against it).
 */
public final class ModelBaseline implements DifficultyFilter.Baseline {

    private final Map<String, Boolean> solved;

    private ModelBaseline(Map<String, Boolean> solved) {
        this.solved = Map.copyOf(solved);
    }

    /**
     * Runs {@code model} on every problem with thinking capped at {@code cap} tokens and no extension, the answer as
     * long as the evaluation's; {@code progress} hears the index of each problem done.
     */
    public static ModelBaseline run(LanguageModel model, List<Problem> problems, int cap, IntConsumer progress) {
        Evaluator evaluator = new Evaluator(model);
        EvalSetting setting = new EvalSetting("baseline", "cap " + cap,
                ThinkingBudget.ofMax(cap).withMaxAnswerTokens(EvalSetting.MAX_ANSWER_TOKENS));
        Map<String, Boolean> solved = new HashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            Problem problem = problems.get(i);
            if (!solved.containsKey(problem.question())) {
                solved.put(problem.question(), evaluator.run(problem, setting).correct());
            }
            progress.accept(i);
        }
        return new ModelBaseline(solved);
    }

    @Override
    public boolean solves(Problem problem) {
        return solved.getOrDefault(problem.question(), true);
    }

    /** Distinct problems the model was run on. */
    public int attempted() {
        return solved.size();
    }

    /** Of {@link #attempted}, those it answered right. */
    public int solvedCount() {
        return (int) solved.values().stream().filter(Boolean::booleanValue).count();
    }
}
