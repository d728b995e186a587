package io.reasoner.s1mini.eval;

import io.reasoner.engine.budget.BudgetForcer;
import io.reasoner.engine.budget.ForcingRequest;
import io.reasoner.engine.budget.ForcingResult;
import io.reasoner.engine.budget.Phase;
import io.reasoner.engine.budget.TextDelta;
import io.reasoner.engine.budget.ThinkingFormat;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.Problem;
import io.reasoner.s1mini.data.TraceFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Runs a held-out test set through the engine with budget forcing, greedy, exactly as the platform would serve
 * it: the prompt rendered by the model's chat template, thinking opened and closed by the think-tags format, the
 * answer checked by the domain's exact verifier.
 */
public final class Evaluator {

    private final LanguageModel model;
    private final BudgetForcer forcer;

    public Evaluator(LanguageModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.forcer = new BudgetForcer(model, ThinkingFormat.thinkTags(model.tokenizer()));
    }

    /** The outcome of one problem. */
    public record Run(boolean correct, int thinkingTokens, boolean withinBudget, String thinking, String answer) {
    }

    public Run run(Problem problem, EvalSetting setting) {
        int[] prompt = model.tokenizer().encode(TraceFormat.prompt(problem.question()), false);
        StringBuilder thinking = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        ForcingResult result = forcer.generate(ForcingRequest.of(prompt, setting.budget()), Sampler.greedy(),
                event -> {
                    if (event instanceof TextDelta delta) {
                        (delta.phase() == Phase.THINKING ? thinking : answer).append(delta.text());
                    }
                });
        String extracted = TraceFormat.extractAnswer(answer.toString());
        boolean correct = Domains.verify(problem.domain(), problem.question(), extracted);
        boolean within = result.thinkingTokens() <= setting.budget().maxThinkingTokens();
        return new Run(correct, result.thinkingTokens(), within, thinking.toString(), extracted);
    }

    /** Every problem under {@code setting}; {@code progress} hears the index of each problem done. */
    public SettingResult evaluate(String modelName, List<Problem> problems, EvalSetting setting,
                                  IntConsumer progress) {
        int correct = 0;
        int within = 0;
        long tokens = 0;
        for (int i = 0; i < problems.size(); i++) {
            Run run = run(problems.get(i), setting);
            correct += run.correct() ? 1 : 0;
            within += run.withinBudget() ? 1 : 0;
            tokens += run.thinkingTokens();
            progress.accept(i);
        }
        int n = Math.max(1, problems.size());
        return new SettingResult(modelName, setting.method(), setting.label(), setting.budget().maxThinkingTokens(),
                setting.budget().extensions(), setting.budget().extensionText(), problems.size(),
                (double) correct / n, (double) tokens / n, (double) within / n);
    }
}
