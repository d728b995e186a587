package io.reasoner.engine.budget;

import static io.reasoner.engine.budget.FakeTokenizer.BOS;
import static io.reasoner.engine.budget.FakeTokenizer.Q;

import io.reasoner.engine.sampling.Sampler;
import java.util.List;

/** Formats, budgets and a runner over the fake vocabulary, shared by the state-machine tests. */
final class Fixtures {

    static final FakeTokenizer TOKENIZER = new FakeTokenizer();
    static final int[] PROMPT = {BOS, Q};

    /** {@code </think>} ends thinking as one token; {@code <|im_end|>} and EOS end the turn. */
    static final ThinkingFormat TAGS = ThinkingFormat.of(TOKENIZER, "tags", "", "</think>", "",
            List.of("<|im_end|>"));

    /** {@code </end>} ends thinking, written over four tokens, so it is found by text. */
    static final ThinkingFormat TEXT_END = ThinkingFormat.of(TOKENIZER, "text", "", "</end>", "",
            List.of("<|im_end|>"));

    private Fixtures() {
    }

    /** "Wait" extensions, "Final Answer:" forced prefix, up to 8 answer tokens. */
    static ThinkingBudget budget(int max, int min, int extensions) {
        return new ThinkingBudget(max, min, extensions, "Wait", "Final Answer:", 8);
    }

    static ForcingResult run(ScriptedModel model, ThinkingFormat format, ForcingRequest request,
                             Transcript transcript) {
        return new BudgetForcer(model, format).generate(request, Sampler.greedy(), transcript);
    }

    static ForcingResult run(ScriptedModel model, ThinkingFormat format, ThinkingBudget budget,
                             Transcript transcript) {
        return run(model, format, ForcingRequest.of(PROMPT, budget), transcript);
    }
}
