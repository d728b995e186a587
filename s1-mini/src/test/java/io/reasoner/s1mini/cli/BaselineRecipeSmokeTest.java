package io.reasoner.s1mini.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke recipe with {@code --difficulty baseline}: the pretrained model is run over a sample of the candidates,
 * and the curated set comes from the problems it got wrong only.
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
    void difficulty_isParsedAndChecked_lengthByDefault() {
        assertThat(RecipeOptions.parse(new String[0]).difficulty()).isEqualTo(RecipeOptions.Difficulty.LENGTH);
        assertThat(RecipeOptions.parse(new String[] {"--difficulty", "baseline"}).difficulty())
                .isEqualTo(RecipeOptions.Difficulty.BASELINE);
        assertThatThrownBy(() -> RecipeOptions.parse(
                new String[] {"--difficulty", "model"})).hasMessage("--difficulty must be length or baseline, was model");
        assertThatThrownBy(() -> RecipeOptions.parse(
                new String[] {"--baseline-problems", "0"})).hasMessage("--baseline-problems must be >= 1, was 0");
    }
}
