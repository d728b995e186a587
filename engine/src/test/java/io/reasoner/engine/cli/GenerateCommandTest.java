package io.reasoner.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GenerateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void greedyRun_printsTheStoryToStdout_andOneStatsLineToStderr() {
        int status = run("--model", TestModels.stories260K().toString(), "--max-tokens", "12", "--greedy");

        assertThat(status).isEqualTo(GenerateCommand.EXIT_OK);
        assertThat(text(out)).startsWith("Once upon a time, there was a little girl");
        assertThat(text(err).strip())
                .matches("prompt_tokens=1 generated_tokens=12 stop=MAX_TOKENS prefill_ms=\\d+\\.\\d"
                        + " decode_tokens_per_s=\\d+\\.\\d ms_per_token=\\d+\\.\\d\\d");
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
        assertThat(text(err)).startsWith("error: --model file not found: nowhere.gguf").contains("usage:");
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
