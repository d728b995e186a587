package io.reasoner.policy.experiment;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/**
 * The A/B experiment on a running local platform ({@code ./reasoner up}): measures capacity with a closed loop,
 * then for setup A (fixed budgets: an override pins every tier to its request) and B (adaptive: overrides cleared)
 * sends open-loop Poisson arrivals at each multiple of capacity and reports p50/p95 time to answer, mean thinking
 * tokens granted and the share answered within the SLO, as {@code results.csv}, {@code report.txt} and
 * {@code plot.png} in the output folder.
 *
 * <pre>
 * java -cp … io.reasoner.policy.experiment.ExperimentCommand --api-key=$(cat .reasoner/api-key) \
 *      [--gateway=http://127.0.0.1:8080] [--policy=http://127.0.0.1:8082] [--duration=60s] [--loads=0.5,1,2] \
 *      [--max-thinking=256] [--max-answer=64] [--priority=interactive] [--seed=42] [--out=target/experiment]
 * </pre>
 */
public final class ExperimentCommand {

    static final double SLO_SECONDS = 20.0;

    private ExperimentCommand() {
    }

    /** Parsed {@code --name=value} options, with defaults. */
    record Options(URI gateway, URI policy, String apiKey, Duration duration, List<Double> loads, int maxThinking,
            int maxAnswer, String priority, long seed, Path out, int capacityClients, Duration capacityDuration) {

        static Options parse(String... args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("options are --name=value, was " + arg);
                }
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            String apiKey = given.remove("api-key");
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("--api-key is required (see .reasoner/api-key)");
            }
            Options options = new Options(
                    Loopback.require(URI.create(given.getOrDefault("gateway", "http://127.0.0.1:8080"))),
                    Loopback.require(URI.create(given.getOrDefault("policy", "http://127.0.0.1:8082"))), apiKey,
                    Duration.parse("PT" + given.getOrDefault("duration", "60s").toUpperCase(Locale.ROOT)),
                    Arrays.stream(given.getOrDefault("loads", "0.5,1,2").split(",")).map(Double::parseDouble).toList(),
                    Integer.parseInt(given.getOrDefault("max-thinking", "256")),
                    Integer.parseInt(given.getOrDefault("max-answer", "64")),
                    given.getOrDefault("priority", "interactive"),
                    Long.parseLong(given.getOrDefault("seed", "42")),
                    Path.of(given.getOrDefault("out", "target/experiment")),
                    Integer.parseInt(given.getOrDefault("capacity-clients", "8")),
                    Duration.parse("PT" + given.getOrDefault("capacity-duration", "30s").toUpperCase(Locale.ROOT)));
            List<String> known = List.of("gateway", "policy", "duration", "loads", "max-thinking", "max-answer",
                    "priority", "seed", "out", "capacity-clients", "capacity-duration");
            given.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
            });
            return options;
        }

        /**
         * The minimum equals the cap, so the model thinks for its whole budget (an attempt to stop early becomes a
         * "Wait"): a request's work is then set by its budget, as it is for a reasoning model that uses what it is
         * given, and not by where the tiny story model happens to write a newline.
         */
        String requestBody() {
            return String.format(Locale.ROOT, "{\"prompt\":\"Once upon a time\",\"priority\":\"%s\","
                    + "\"budget\":{\"maxThinkingTokens\":%d,\"minThinkingTokens\":%d,\"maxAnswerTokens\":%d}}",
                    priority, maxThinking, maxThinking, maxAnswer);
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            run(Options.parse(args));
        } catch (IllegalArgumentException | java.net.ConnectException e) {
            System.err.println("experiment: " + (e instanceof java.net.ConnectException
                    ? "cannot reach the platform (is ./reasoner up running?): " + e : e.getMessage()));
            System.exit(2);
        }
    }

    static void run(Options options) throws Exception {
        GatewayDriver gateway = new GatewayDriver(options.gateway(), options.apiKey(), Duration.ofMinutes(5));
        PolicySwitch policy = new PolicySwitch(options.policy());
        Files.createDirectories(options.out());

        policy.fixed(options.capacityDuration().plusMinutes(1));
        double capacity = gateway.measureCapacity(options.capacityClients(), options.capacityDuration(),
                options.requestBody());
        System.out.printf(Locale.ROOT, "measured capacity: %.3f requests/s at %d thinking + %d answer tokens%n",
                capacity, options.maxThinking(), options.maxAnswer());
        if (capacity <= 0) {
            throw new IllegalStateException("no request completed while measuring capacity");
        }

        List<RunSummary> runs = new ArrayList<>();
        for (String setup : List.of("A", "B")) {
            for (double load : options.loads()) {
                if (setup.equals("A")) {
                    policy.fixed(options.duration().plusMinutes(6));
                } else {
                    policy.adaptive();
                }
                double rate = load * capacity;
                List<Long> schedule = ArrivalSchedule.poisson(rate, options.duration(),
                        new SplittableRandom(options.seed() + Math.round(load * 1000)));
                RunSummary run = RunSummary.of(setup, load, rate, gateway.runOpenLoop(schedule,
                        options.requestBody()), SLO_SECONDS);
                System.out.println(run.csv());
                runs.add(run);
            }
        }
        policy.adaptive();
        write(options, capacity, runs);
    }

    static void write(Options options, double capacity, List<RunSummary> runs) throws IOException {
        List<String> csv = new ArrayList<>();
        csv.add(RunSummary.header());
        runs.forEach(run -> csv.add(run.csv()));
        Files.write(options.out().resolve("results.csv"), csv, StandardCharsets.UTF_8);
        String report = String.format(Locale.ROOT, "capacity %.3f requests/s (%d thinking + %d answer tokens, "
                + "priority %s); SLO %.0f s; %s per run; seed %d%n%s%n", capacity, options.maxThinking(),
                options.maxAnswer(), options.priority(), SLO_SECONDS, options.duration(), options.seed(),
                String.join("\n", csv));
        Files.writeString(options.out().resolve("report.txt"), report, StandardCharsets.UTF_8);
        ImageIO.write(ExperimentPlot.draw(runs, SLO_SECONDS), "png", options.out().resolve("plot.png").toFile());
    }
}
