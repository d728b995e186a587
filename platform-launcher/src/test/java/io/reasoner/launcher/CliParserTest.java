package io.reasoner.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.launcher.ask.AskOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CliParserTest {

    @Test
    void noArguments_meansHelp() throws UsageException {
        assertThat(CliParser.parse(List.of())).isEqualTo(new Command.Help());
    }

    @Test
    void unknownCommand_isAUsageError_namingIt() {
        assertThatThrownBy(() -> CliParser.parse(List.of("launch")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'launch'");
    }

    @Test
    void up_withoutOptions_usesTheDefaultGatewayPortAndResolvesTheModelLater() throws UsageException {
        assertThat(CliParser.parse(List.of("up"))).isEqualTo(new Command.Up(Optional.empty(), 8080));
    }

    @Test
    void up_acceptsModelAndPort_inBothOptionForms() throws UsageException {
        assertThat(CliParser.parse(List.of("up", "--model", "m.gguf", "--port=9000")))
                .isEqualTo(new Command.Up(Optional.of(Path.of("m.gguf")), 9000));
    }

    @Test
    void up_onAPortTheWorkerUses_isRejected() {
        assertThatThrownBy(() -> CliParser.parse(List.of("up", "--port", "8081")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--port 8081");
    }

    @Test
    void up_withNonNumericPort_saysWhichOption() {
        assertThatThrownBy(() -> CliParser.parse(List.of("up", "--port", "http")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port must be a whole number, was 'http'");
    }

    @Test
    void ask_withOnlyAQuestion_usesDefaultBudgetAndLocalGateway() throws UsageException {
        assertThat(CliParser.parse(List.of("ask", "Once upon a time")))
                .isEqualTo(new Command.Ask(AskOptions.defaults("Once upon a time")));
    }

    @Test
    void ask_joinsUnquotedWords_andReadsOptionsAnywhere() throws UsageException {
        Command command = CliParser.parse(List.of("ask", "--max-thinking", "8", "Once", "upon",
                "--url=http://127.0.0.1:9000", "a", "time", "--max-answer", "16"));

        assertThat(command).isEqualTo(new Command.Ask(new AskOptions("Once upon a time", 8, 16, 0, 0,
                URI.create("http://127.0.0.1:9000"), AskOptions.DEFAULT_IDLE_TIMEOUT)));
    }

    @Test
    void ask_apiKeyOption_isSentInsteadOfTheSavedKey() throws UsageException {
        Command command = CliParser.parse(List.of("ask", "Once upon a time", "--api-key", "rsk_mine"));

        assertThat(((Command.Ask) command).options().apiKey()).isEqualTo("rsk_mine");
    }

    @Test
    void ask_withoutQuestion_isAUsageError() {
        assertThatThrownBy(() -> CliParser.parse(List.of("ask", "--max-answer", "5")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a question");
    }

    @Test
    void ask_withOutOfRangeBudget_reportsTheProtocolsRange() {
        assertThatThrownBy(() -> CliParser.parse(List.of("ask", "hi", "--max-thinking", "-5")))
                .isInstanceOf(UsageException.class)
                .hasMessage("maxThinkingTokens must be in [0, 32768], was -5");
    }

    @Test
    void ask_withNonHttpUrl_isRejected() {
        assertThatThrownBy(() -> CliParser.parse(List.of("ask", "hi", "--url", "ftp://host")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--url must be an http(s) URL");
    }

    @Test
    void optionOfAnotherCommand_isAUsageError() {
        assertThatThrownBy(() -> CliParser.parse(List.of("ask", "hi", "--model", "m.gguf")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option --model for ask");
    }

    @Test
    void optionWithoutValue_isAUsageError() {
        assertThatThrownBy(() -> CliParser.parse(List.of("up", "--model")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--model needs a value");
    }

    @Test
    void down_takesNoArguments() {
        assertThatThrownBy(() -> CliParser.parse(List.of("down", "now")))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void generate_passesItsArgumentsThroughUntouched() throws UsageException {
        List<String> args = List.of("--prompt", "Once", "--max-tokens", "20", "--greedy");

        assertThat(CliParser.parse(concat("generate", args))).isEqualTo(new Command.Generate(args));
    }

    @Test
    void bench_passesItsArgumentsThroughUntouched() throws UsageException {
        List<String> args = List.of("--quick", "--steps", "8");

        assertThat(CliParser.parse(concat("bench", args))).isEqualTo(new Command.Bench(args));
        assertThat(CliParser.USAGE).contains("bench [--quick]");
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
