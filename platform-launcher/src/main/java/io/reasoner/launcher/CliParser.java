package io.reasoner.launcher;

import io.reasoner.launcher.ask.AskOptions;
import io.reasoner.launcher.platform.PlatformService;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses {@code ./reasoner} arguments. Options take {@code --name value} or {@code --name=value}. */
final class CliParser {

    static final String USAGE = """
            usage: ./reasoner <command> [options]

              up [--model PATH] [--port 8080]
                  Start Kafka, the gateway, the reasoner worker and the budget policy; stay in the
                  foreground until Ctrl-C. State lives in .reasoner/ (logs in .reasoner/logs).
              down
                  Stop everything a previous up started (also after a crash).
              ask "question" [--max-thinking 256] [--max-answer 64] [--min-thinking 0] [--extensions 0]
                  [--url http://127.0.0.1:8080] [--api-key KEY]
                  Ask the running platform and print its thinking and answer as they stream; budget-forcing
                  moments (a forced "Wait", the cap forcing the answer) are marked.
              generate --max-tokens N [--prompt TEXT] [--model PATH] [--greedy]
                       [--temperature T] [--top-p P] [--seed S]
                  Run the decoding engine directly, without Kafka or services.
              bench [--quick] [--model PATH]... [--steps N]
                  Measure the engine: tokens/s and ms/token at batch sizes 1, 4 and 16 and prompt lengths 16
                  and 512, for stories260K and a generated ~100M-parameter llama, beside this machine's memory
                  bandwidth limit; then the overhead outside the forward pass and where the time goes.
              help
                  Show this text.

            The model is, first found: --model PATH, $REASONER_MODEL, or s1-mini (models/s1-mini/s1-mini.gguf,
            committed); without that file: ../shared/models/stories260K/, .reasoner/models/, or a verified download
            of stories260K.gguf.
            """;

    private CliParser() {
    }

    static Command parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            return new Command.Help();
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "up" -> up(rest);
                case "down" -> down(rest);
                case "ask" -> ask(rest);
                case "generate" -> new Command.Generate(rest);
                case "bench" -> new Command.Bench(rest);
                case "help", "--help", "-h" -> new Command.Help();
                default -> throw new UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static Command up(List<String> args) throws UsageException {
        Parsed parsed = Parsed.of("up", args, Set.of("--model", "--port"));
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("up takes no arguments besides options, got " + parsed.positional());
        }
        return new Command.Up(parsed.option("--model").map(Path::of),
                parsed.intOption("--port", PlatformService.GATEWAY.defaultPort()));
    }

    private static Command down(List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("down takes no arguments, got " + args);
        }
        return new Command.Down();
    }

    private static Command ask(List<String> args) throws UsageException {
        Parsed parsed = Parsed.of("ask", args, Set.of("--max-thinking", "--max-answer", "--min-thinking", "--extensions", "--url",
                "--api-key"));
        if (parsed.positional().isEmpty()) {
            throw new UsageException("ask needs a question, e.g. ./reasoner ask \"Once upon a time\"");
        }
        // Unquoted words are one question: ./reasoner ask Once upon a time
        String prompt = String.join(" ", parsed.positional());
        return new Command.Ask(new AskOptions(prompt,
                parsed.intOption("--max-thinking", AskOptions.DEFAULT_MAX_THINKING),
                parsed.intOption("--max-answer", AskOptions.DEFAULT_MAX_ANSWER),
                parsed.intOption("--min-thinking", 0),
                parsed.intOption("--extensions", 0),
                parsed.option("--url").map(URI::create).orElse(AskOptions.DEFAULT_GATEWAY),
                AskOptions.DEFAULT_IDLE_TIMEOUT,
                parsed.option("--api-key").orElse(null)));
    }

    /** Options (each at most once) and positional arguments of one subcommand. */
    private record Parsed(String command, Map<String, String> options, List<String> positional) {

        static Parsed of(String command, List<String> args, Set<String> known) throws UsageException {
            Map<String, String> options = new LinkedHashMap<>();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("--")) {
                    positional.add(arg);
                    continue;
                }
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (!known.contains(name)) {
                    throw new UsageException("unknown option " + name + " for " + command);
                }
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                if (options.put(name, value) != null) {
                    throw new UsageException(name + " given more than once");
                }
            }
            return new Parsed(command, options, positional);
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }

        int intOption(String name, int defaultValue) throws UsageException {
            String value = options.get(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be a whole number, was '" + value + "'", e);
            }
        }
    }
}
