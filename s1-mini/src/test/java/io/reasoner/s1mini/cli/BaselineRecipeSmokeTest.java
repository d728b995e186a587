package io.reasoner.s1mini.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke recipe with {@code --difficulty baseline} (the default): the pretrained model is run over a sample of
 * the candidates, and the curated set comes from the problems it got wrong only; and {@code --reuse-base}.
 */
class BaselineRecipeSmokeTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void baselineDifficulty_selectsOnlyFromTheProblemsThePretrainedModelGotWrong() throws IOException {
        RecipeOptions options = RecipeOptions.parse(new String[] {"--smoke", "true", "--difficulty", "baseline",
                "--baseline-problems", "30", "--out", dir.toString()});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Map<String, Object> report = new Recipe(options, new PrintStream(bytes, true, StandardCharsets.UTF_8), false)
                .run();

        String log = bytes.toString(StandardCharsets.UTF_8);
        Map<String, Object> baseline = (Map<String, Object>) report.get("baseline");
        Map<String, Object> selected = (Map<String, Object>) report.get("selected");
        int problems = (Integer) baseline.get("problems");
        int wrong = problems - (Integer) baseline.get("solved");
        assertThat(report.get("difficulty")).isEqualTo("baseline");
        assertThat(problems).as(log).isEqualTo(Math.min(30, (Integer) selected.get("quality")));
        assertThat(selected.get("hard")).as(log).isEqualTo(wrong);
        assertThat(selected.get("curated")).as(log).isEqualTo(Math.min(options.select(), wrong));
        assertThat(selected.get("random")).isEqualTo(selected.get("curated"));
        assertThat(log).contains("baseline: the pretrained model solves");
        assertThat(dir.resolve(Recipe.CURATED_MODEL)).isNotEmptyFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reuseBase_skipsPretrainingForTheSameKey_andRefusesAnother() throws IOException {
        String out = dir.toString();
        run("--smoke", "true", "--out", out);
        byte[] base = Files.readAllBytes(dir.resolve(Recipe.BASE_MODEL));

        Map<String, Object> report = run("--smoke", "true", "--out", out, "--reuse-base", "true",
                "--finetune-steps", "3", "--difficulty", "length");

        assertThat((Map<String, Object>) report.get("pretrain")).containsEntry("reused", true);
        assertThat(Files.readAllBytes(dir.resolve(Recipe.BASE_MODEL))).isEqualTo(base);
        assertThat((Map<String, Object>) report.get("finetune-curated")).containsEntry("steps", 3);
        assertThat(report).containsEntry("difficulty", "length").doesNotContainKey("baseline");
        assertThatThrownBy(() -> run("--smoke", "true", "--out", out, "--reuse-base", "true", "--pool", "301"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pool=300")
                .hasMessageContaining("pool=301");
    }

    @Test
    void reuseBase_withNoEarlierRun_isRefused() {
        assertThatThrownBy(() -> run("--smoke", "true", "--out", dir.toString(), "--reuse-base", "true"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("run without --reuse-base first");
    }

    private static Map<String, Object> run(String... args) throws IOException {
        return new Recipe(RecipeOptions.parse(args), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), false).run();
    }
}
