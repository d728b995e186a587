package io.reasoner.s1mini.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.model.TrainableTransformer;
import io.reasoner.s1mini.data.Problem;
import io.reasoner.s1mini.data.TraceFormat;
import io.reasoner.s1mini.eval.EvalCommand;
import io.reasoner.s1mini.eval.EvalSetting;
import io.reasoner.s1mini.eval.Evaluator;
import io.reasoner.s1mini.eval.SettingResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole recipe at smoke size (a 300-trace pool, a 40-trace selection, a 2-layer model, 25 + 10 + 10 steps),
 * then the exported model through the engine: what CI runs to prove the pipeline end to end.
 */
class RecipeSmokeTest {

    @TempDir
    static Path dir;
    private static Map<String, Object> report;
    private static String log;

    @BeforeAll
    static void runRecipe() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report = new Recipe(RecipeOptions.smoke(dir), new PrintStream(bytes, true, StandardCharsets.UTF_8), false)
                .run();
        log = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pretraining_lowersTheLoss() {
        Map<String, Object> pretrain = (Map<String, Object>) report.get("pretrain");
        float first = (Float) pretrain.get("first-loss");
        float last = (Float) pretrain.get("last-loss");
        assertThat(last).as(log).isLessThan(0.85f * first);
    }

    @Test
    void recipe_writesModelsStatsAndLog() {
        for (String file : List.of(Recipe.BASE_MODEL, Recipe.CURATED_MODEL, Recipe.RANDOM_MODEL,
                "selection-stats.json", "selection-stats.md", "training-log.json", Recipe.POOL_FILE)) {
            assertThat(dir.resolve(file)).as(file).isNotEmptyFile();
        }
    }

    @Test
    void trainingForward_andDecoder_agreeOnTheExportedModel() throws IOException {
        Path file = dir.resolve(Recipe.CURATED_MODEL);
        try (LanguageModel model = ModelLoader.load(file);
             TrainableTransformer trainable = TrainableTransformer.load(file);
             NDManager step = NDManager.newBaseManager()) {
            int[] tokens = model.tokenizer().encode(TraceFormat.prompt("What is 12 + 34?")
                    + TraceFormat.completion("2+4+0=6, digit 6, carry 0\n", "46"), false);
            int vocab = model.info().vocabSize();
            long[] wide = new long[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                wide[i] = tokens[i];
            }
            float[] whole = trainable.logits(step, wide, 1).toFloatArray();
            try (Sequence sequence = model.newSequence(tokens.length)) {
                for (int position = 0; position < tokens.length; position++) {
                    float[] decoded = sequence.step(tokens[position]);
                    for (int v = 0; v < vocab; v++) {
                        assertThat(decoded[v]).isCloseTo(whole[position * vocab + v], within(1e-3f));
                    }
                }
            }
        }
    }

    @Test
    void budgetForcing_keepsEveryRunWithinItsCap_andCapZeroThinksNotAtAll() throws IOException {
        List<Problem> test = EvalCommand.testSet(Set.of(), 2, 7);
        try (LanguageModel model = ModelLoader.load(dir.resolve(Recipe.CURATED_MODEL))) {
            Evaluator evaluator = new Evaluator(model);
            for (EvalSetting setting : EvalSetting.grid(32, 2)) {
                if (!setting.method().equals("cap")) {
                    continue;
                }
                SettingResult result = evaluator.evaluate("smoke", test, setting, i -> { });
                assertThat(result.control()).as(setting.label()).isEqualTo(1.0);
                assertThat(result.meanThinkingTokens()).isLessThanOrEqualTo(result.cap());
                if (result.cap() == 0) {
                    assertThat(result.meanThinkingTokens()).isZero();
                }
            }
        }
    }

    @Test
    void evaluation_excludesPoolQuestions_andWritesCsvJsonAndPlots() throws IOException {
        Set<String> pool = new HashSet<>(Files.readAllLines(dir.resolve(Recipe.POOL_FILE)));
        assertThat(EvalCommand.testSet(pool, 10, 3)).noneMatch(p -> pool.contains(p.question())).hasSize(50);

        Path out = dir.resolve("eval");
        List<SettingResult> results = EvalCommand.run(Map.of("curated", dir.resolve(Recipe.CURATED_MODEL)),
                dir.resolve(Recipe.POOL_FILE), 1, 5, 32, out, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));

        assertThat(results).hasSize(EvalSetting.grid(32, 2).size());
        assertThat(Files.readAllLines(out.resolve("eval.csv"))).hasSize(results.size() + 1);
        assertThat(Files.readString(out.resolve("eval.json")))
                .contains("\"metrics\"", "\"control\"", "\"scaling\"", "\"performance\"");
        assertThat(out.resolve("scaling-cap.png")).isNotEmptyFile();
        assertThat(out.resolve("scaling-extensions.png")).isNotEmptyFile();
    }
}
