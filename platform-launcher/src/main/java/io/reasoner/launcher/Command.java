package io.reasoner.launcher;

import io.reasoner.launcher.ask.AskOptions;
import io.reasoner.launcher.broker.BrokerSettings;
import io.reasoner.launcher.platform.PlatformService;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed command line: one record per subcommand, validated on construction. */
sealed interface Command permits Command.Up, Command.Down, Command.Ask, Command.Generate, Command.Bench,
        Command.Help {

    /** {@code up [--model PATH] [--port N]}; the port is the gateway's. */
    record Up(Optional<Path> model, int port) implements Command {

        public Up {
            Objects.requireNonNull(model, "model");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("--port must be in [1, 65535], was " + port);
            }
            List<Integer> reserved = List.of(PlatformService.REASONER_WORKER.defaultPort(),
                    PlatformService.BUDGET_POLICY.defaultPort(), BrokerSettings.DEFAULT_PORT,
                    BrokerSettings.DEFAULT_CONTROLLER_PORT);
            if (reserved.contains(port)) {
                throw new IllegalArgumentException("--port " + port + " is taken by another part of the platform "
                        + reserved);
            }
        }
    }

    record Down() implements Command {
    }

    record Ask(AskOptions options) implements Command {

        public Ask {
            Objects.requireNonNull(options, "options");
        }
    }

    /** {@code generate ...}: arguments for the engine's GenerateCommand, passed through as given. */
    record Generate(List<String> args) implements Command {

        public Generate {
            args = List.copyOf(args);
        }

        boolean hasModel() {
            return args.contains("--model");
        }
    }

    /** {@code bench ...}: arguments for the engine's BenchCommand, passed through as given. */
    record Bench(List<String> args) implements Command {

        public Bench {
            args = List.copyOf(args);
        }
    }

    record Help() implements Command {
    }
}
