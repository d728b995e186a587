package io.reasoner.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void greedyRun_printsTheStoryToStdout_andOneStatsLineToStderr() {
        int status = run("--model", TestModels.stories260K().toString(), "--max-tokens", "12", "--greedy");

        assertThat(status).isEqualTo(GenerateCommand.EXIT_OK);
        assertThat(text(out)).startsWith("Once upon a time, there was a little girl");
        assertThat(text(err).lines())
                .hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("loaded llama: 48 tensors from GGUF"))
                .satisfies(lines -> assertThat(lines.get(1))
                        .matches("prompt_tokens=1 generated_tokens=12 stop=MAX_TOKENS prefill_ms=\\d+\\.\\d"
                                + " decode_tokens_per_s=\\d+\\.\\d ms_per_token=\\d+\\.\\d\\d"));
    }

    @Test
    void huggingFaceFolder_isLoadedLikeAGgufFile_andItsLoadReportGoesToStderr() throws IOException {
        Path folder = TinyHuggingFaceFolder.write(dir.resolve("tiny-llama"));

        int status = run("--model", folder.toString(), "--prompt", "hello world", "--max-tokens", "3", "--greedy");

        assertThat(status).isEqualTo(GenerateCommand.EXIT_OK);
        assertThat(text(err).lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("loaded tiny-llama: 11 tensors from safetensors"));
        assertThat(text(err)).contains("generated_tokens=");
    }

    @Test
    void promptedRun_continuesThePrompt() {
        int status = run("--model", TestModels.stories260K().toString(), "--prompt", "Once upon a time,",
                "--max-tokens", "3", "--greedy");

        assertThat(status).isEqualTo(GenerateCommand.EXIT_OK);
        assertThat(text(out)).startsWith(" there was a");
    }

    @Test
    void badArguments_printUsage_andExitWith2() {
        int status = run("--model", "nowhere.gguf", "--max-tokens", "5");

        assertThat(status).isEqualTo(GenerateCommand.EXIT_USAGE);
        assertThat(text(err)).startsWith("error: --model not found: nowhere.gguf (expected a .gguf file or a Hugging"
                + " Face model folder)").contains("usage:");
        assertThat(text(out)).isEmpty();
    }

    private int run(String... args) {
        return GenerateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
