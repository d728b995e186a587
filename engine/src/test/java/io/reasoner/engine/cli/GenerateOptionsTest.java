package io.reasoner.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.sampling.SamplingParams;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GenerateOptionsTest {

    @Test
    void fullCommandLine_isParsed() throws UsageException {
        GenerateOptions options = GenerateOptions.parse(new String[] {
            "--model", "m.gguf", "--prompt", "Once upon", "--max-tokens", "20",
            "--temperature", "0.7", "--top-p", "0.95", "--seed", "9"});

        assertThat(options).isEqualTo(new GenerateOptions(Path.of("m.gguf"), "Once upon", 20,
                new SamplingParams(0.7f, 0.95f), 9));
    }

    @Test
    void greedyFlag_overridesSamplingSettings_andPromptDefaultsToEmpty() throws UsageException {
        GenerateOptions options = GenerateOptions.parse(new String[] {
            "--model", "m.gguf", "--max-tokens", "5", "--temperature", "1.2", "--greedy"});

        assertThat(options.sampling().isGreedy()).isTrue();
        assertThat(options.prompt()).isEmpty();
    }

    @Test
    void badArguments_areReportedPrecisely() {
        assertThatThrownBy(() -> GenerateOptions.parse(new String[] {"--max-tokens", "5"}))
                .isInstanceOf(UsageException.class).hasMessage("--model is required");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[] {"--model", "m"}))
                .hasMessage("--max-tokens is required");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[] {"--model", "m", "--max-tokens", "x"}))
                .hasMessage("--max-tokens must be an integer, was 'x'");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[] {"--model", "m", "--max-tokens", "0"}))
                .hasMessage("--max-tokens must be >= 1, was 0");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[] {"--model", "m", "--max-tokens", "1",
            "--top-p", "2"})).hasMessage("topP must be in (0, 1], was 2.0");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[] {"--model"}))
                .hasMessage("--model needs a value");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[] {"--verbose"}))
                .hasMessage("unknown argument '--verbose'");
    }
}
