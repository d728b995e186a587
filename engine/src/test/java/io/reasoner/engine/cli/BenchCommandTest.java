package io.reasoner.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void benchmark_printsTheMachineThenOneStatsLinePerRound() throws Exception {
        int status = run(TestModels.stories260K().toString(), "5", "2");

        assertThat(status).isEqualTo(GenerateCommand.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("machine: "))
                .satisfies(lines -> assertThat(lines.get(2))
                        .startsWith("round 2: prompt_tokens=1 generated_tokens=5 stop=MAX_TOKENS"));
    }

    @Test
    void missingModel_printsUsage_andExitsWith2() throws Exception {
        assertThat(run("nowhere.gguf")).isEqualTo(GenerateCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: BenchCommand");
    }

    private int run(String... args) throws Exception {
        return BenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
