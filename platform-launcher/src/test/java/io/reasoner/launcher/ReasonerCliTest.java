package io.reasoner.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.launcher.broker.LocalPorts;
import io.reasoner.launcher.model.ModelResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReasonerCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path repo;

    @Test
    void unknownCommand_exits2_withUsage() {
        int code = run("frobnicate");

        assertThat(code).isEqualTo(ReasonerCli.EXIT_USAGE);
        assertThat(err()).contains("unknown command 'frobnicate'").contains("usage: ./reasoner");
    }

    @Test
    void help_printsUsage_andExits0() {
        assertThat(run("help")).isZero();
        assertThat(out()).contains("up [--model PATH]").contains("ask \"question\"");
    }

    @Test
    void ask_whenNoGatewayListens_exits1_sayingHowToStartIt() {
        int closedPort = LocalPorts.freePort();

        int code = run("ask", "Once upon a time", "--url", "http://127.0.0.1:" + closedPort);

        assertThat(code).isEqualTo(ReasonerCli.EXIT_FAILURE);
        assertThat(err()).contains("cannot reach the gateway at http://127.0.0.1:" + closedPort)
                .contains("start it with ./reasoner up");
    }

    @Test
    void generate_withoutModel_getsTheResolvedDefaultPrepended() throws IOException {
        Path model = Files.writeString(repo.resolve("m.gguf"), "weights");
        ModelResolver resolver = new ModelResolver(new RepoLayout(repo),
                Map.of(ModelResolver.MODEL_ENV, model.toString()), (source, target) -> {
                    throw new AssertionError("no download expected");
                });

        List<String> args = ReasonerCli.generateArgs(new Command.Generate(List.of("--max-tokens", "5")), resolver,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(args).containsExactly("--model", model.toString(), "--max-tokens", "5");
    }

    @Test
    void generate_withModel_keepsTheUsersModel() {
        List<String> given = List.of("--model", "other.gguf", "--max-tokens", "5");
        ModelResolver unused = new ModelResolver(new RepoLayout(repo), Map.of(), (source, target) -> {
            throw new AssertionError("no resolution expected");
        });

        assertThat(ReasonerCli.generateArgs(new Command.Generate(given), unused, System.err)).isEqualTo(given);
    }

    private int run(String... args) {
        return ReasonerCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
