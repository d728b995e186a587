package io.reasoner.launcher;

import io.reasoner.engine.cli.BenchCommand;
import io.reasoner.engine.cli.GenerateCommand;
import io.reasoner.launcher.ask.AskCommand;
import io.reasoner.launcher.ask.AskOptions;
import io.reasoner.launcher.model.ModelResolver;
import io.reasoner.launcher.model.ResolvedModel;
import io.reasoner.launcher.platform.DownCommand;
import io.reasoner.launcher.platform.UpCommand;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ./reasoner} command. Exit codes: 0 success, 1 failure (message on stderr), 2 bad command line.
 */
public final class ReasonerCli {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;
    /** What shells report for a process ended by SIGINT. */
    static final int EXIT_INTERRUPTED = 130;

    private ReasonerCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = CliParser.parse(List.of(args));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(CliParser.USAGE);
            return EXIT_USAGE;
        }
        try {
            return execute(command, RepoLayout.locate(), out, err);
        } catch (LauncherException e) {
            err.println("error: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage() + ": " + e.getCause());
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return EXIT_INTERRUPTED;
        }
    }

    private static int execute(Command command, RepoLayout layout, PrintStream out, PrintStream err)
            throws InterruptedException {
        if (command instanceof Command.Up up) {
            return new UpCommand(layout, ModelResolver.forCli(layout), out, err).run(up.model(), up.port());
        }
        if (command instanceof Command.Down) {
            return new DownCommand(layout, out).run();
        }
        if (command instanceof Command.Ask ask) {
            // Without --api-key, the key the last ./reasoner up saved.
            AskOptions options = ask.options().apiKey() != null ? ask.options()
                    : ask.options().withApiKey(LocalApiKey.read(layout).orElse(null));
            return AskCommand.forCli(out, err, ansiTerminal()).run(options);
        }
        if (command instanceof Command.Generate generate) {
            List<String> args = generateArgs(generate, ModelResolver.forCli(layout), err);
            // GenerateCommand exits the JVM itself, with its own codes (2 for bad arguments).
            GenerateCommand.main(args.toArray(String[]::new));
            return EXIT_OK;
        }
        if (command instanceof Command.Bench bench) {
            // BenchCommand exits the JVM itself, with its own codes (2 for bad arguments).
            try {
                BenchCommand.main(bench.args().toArray(String[]::new));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new LauncherException("bench failed: " + e.getMessage(), e);
            }
            return EXIT_OK;
        }
        out.print(CliParser.USAGE);
        return EXIT_OK;
    }

    /** The arguments as given, with {@code --model} added from the model resolver when absent. */
    static List<String> generateArgs(Command.Generate generate, ModelResolver models, PrintStream err) {
        if (generate.hasModel()) {
            return generate.args();
        }
        ResolvedModel model = models.resolve(Optional.empty());
        err.println("model: " + model.describe());
        List<String> args = new ArrayList<>(List.of("--model", model.path().toString()));
        args.addAll(generate.args());
        return args;
    }

    /** Colours only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
    private static boolean ansiTerminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
