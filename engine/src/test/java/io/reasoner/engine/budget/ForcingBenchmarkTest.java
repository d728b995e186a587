package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.decode.Ticker;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's premise (both loops force the same tokens) and its report, on the real tiny model. */
class ForcingBenchmarkTest {

    private static LanguageModel model;
    private static ThinkingFormat format;

    @BeforeAll
    static void loadModel() throws IOException {
        model = ModelLoader.load(TestModels.stories260K());
        format = ThinkingFormat.plain(model.tokenizer(), "\n");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void referenceLoop_forcesTheSameTokensAsTheOnePassForcer() {
        ThinkingBudget budget = new ThinkingBudget(90, 70, 1, "Wait", "Final Answer:", 8);
        int[] prompt = model.tokenizer().encode("Once upon a time", true);

        ForcingResult onePass = new BudgetForcer(model, format).generate(ForcingRequest.of(prompt, budget),
                Sampler.greedy(), ForcingListener.ignoring());
        ForcingResult reference = new S1ReferenceLoop(model, format).generate(prompt, budget, Sampler.greedy());

        assertThat(onePass.extensionsUsed()).isPositive();
        assertThat(reference).isEqualTo(onePass);
    }

    @Test
    void report_givesMillisecondsPerRequest_theRatio_andAgreement() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        Ticker ticker = () -> now[0] += 1_000_000; // every reading 1 ms later: each loop takes 1 ms a request

        new ForcingBenchmark(model, format, ticker, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(ForcingBenchmark.parseBudget("4:8:1"), 1);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .matches("4:8:1 +1\\.0ms +1\\.0ms +1\\.00x +\\d+\\.\\d +\\d+\\.\\d 4/4\\R");
    }

    @Test
    void budgetSpec_isMinMaxExtensions() {
        assertThat(ForcingBenchmark.parseBudget("300:400:2"))
                .isEqualTo(new ThinkingBudget(400, 300, 2, "Wait", "Final Answer:", 32));
        assertThatThrownBy(() -> ForcingBenchmark.parseBudget("300:400"))
                .hasMessage("budget must be min:max:extensions, was '300:400'");
    }
}
