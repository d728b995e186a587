package io.reasoner.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's output shape; its figures are for people, and no test asserts a timing. */
class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void rounds_printTheMachineThenOneStatsLinePerRound() throws Exception {
        int status = run(TestModels.stories260K().toString(), "5", "2");

        assertThat(status).isEqualTo(GenerateCommand.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("machine: "))
                .satisfies(lines -> assertThat(lines.get(2))
                        .startsWith("round 2: prompt_tokens=1 generated_tokens=5 stop=MAX_TOKENS"));
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("loaded llama: 48 tensors from GGUF");
    }

    @Test
    void quickSuite_printsTheMachinesLimits_aRowPerBatchSizePerModel_andTheGoals() throws Exception {
        Path folder = TinyHuggingFaceFolder.write(dir.resolve("tiny-llama"));

        int status = run("--quick", "--model", TestModels.stories260K().toString(), "--model", folder.toString(),
                "--steps", "2");

        assertThat(status).isEqualTo(GenerateCommand.EXIT_OK);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("machine: ");
        assertThat(lines.get(1)).startsWith("memory bandwidth: torch read ");
        assertThat(lines).filteredOn(line -> line.startsWith("== ")).extracting(line -> line.split(" ")[1])
                .containsExactly("llama", "tiny-llama", "goals");
        assertThat(lines).filteredOn(line -> line.matches(" +(1|4|16) +16 \\|.*")).hasSize(6);
        assertThat(lines).filteredOn(line -> line.startsWith("    forward ")).hasSize(6);
        assertThat(lines).anyMatch(line -> line.startsWith("llama, prompt 16: batch 16 "))
                .anyMatch(line -> line.startsWith("per-token overhead outside the forward pass: at most "));
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .anyMatch(line -> line.startsWith("loaded llama: 48 tensors from GGUF"))
                .anyMatch(line -> line.startsWith("loaded tiny-llama: 11 tensors from safetensors"));
    }

    @Test
    void missingModel_printsUsage_andExitsWith2() throws Exception {
        assertThat(run("nowhere.gguf")).isEqualTo(GenerateCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: BenchCommand");
    }

    @Test
    void unknownFlag_printsUsage_andExitsWith2() throws Exception {
        assertThat(run("--fast")).isEqualTo(GenerateCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: unknown argument '--fast'")
                .contains("--quick");
    }

    private int run(String... args) throws Exception {
        return BenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
