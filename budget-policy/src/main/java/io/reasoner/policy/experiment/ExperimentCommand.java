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

import io.reasoner.protocol.Priority;

/**
 * The A/B experiment on a running local platform ({@code ./reasoner up}): measures capacity with a closed loop of
 * interactive requests (after a closed-loop warm-up whose figure is discarded), then for setup A (fixed budgets: an override pins every tier to its request) and B
 * (adaptive: overrides cleared) sends open-loop Poisson arrivals at each multiple of capacity, a share of them
 * batch requests, and reports per tier p50/p95 time to answer, mean thinking tokens granted and the share answered
 * within the interactive SLO, as {@code results.csv}, {@code requests.csv} (every request), {@code report.txt}
 * and {@code plot.png} in the output folder. Before each run it waits for the controller to have given every
 * tier back what it asks for, so that no run starts with the cuts of the run before.
 *
 * <pre>
 * java -cp … io.reasoner.policy.experiment.ExperimentCommand --api-key=$(cat .reasoner/api-key) \
 *      [--gateway=http://127.0.0.1:8080] [--policy=http://127.0.0.1:8082] [--duration=180s] [--loads=0.5,1,2] \
 *      [--batch-share=0.25] [--max-thinking=256] [--max-answer=64] [--seed=42] [--settle=240s] \
 *      [--capacity-clients=8] [--capacity-warmup=30s] [--capacity-duration=30s] \
 *      [--out=target/experiment]
 * </pre>
 */
public final class ExperimentCommand {

    static final double SLO_SECONDS = 20.0;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private ExperimentCommand() {
    }

    /** Parsed {@code --name=value} options, with defaults. */
    record Options(URI gateway, URI policy, String apiKey, Duration duration, List<Double> loads, int maxThinking,
            int maxAnswer, double batchShare, long seed, Path out, int capacityClients, Duration capacityWarmup,
            Duration capacityDuration, Duration settle) {

        private static final List<String> KNOWN = List.of("gateway", "policy", "duration", "loads", "max-thinking",
                "max-answer", "batch-share", "seed", "out", "capacity-clients", "capacity-warmup",
                "capacity-duration", "settle");

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
            given.keySet().stream().filter(name -> !KNOWN.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + KNOWN);
            });
            double batchShare = Double.parseDouble(given.getOrDefault("batch-share", "0.25"));
            if (!(batchShare >= 0 && batchShare < 1)) {
                throw new IllegalArgumentException("--batch-share must be in [0, 1), was " + batchShare);
            }
            return new Options(
                    Loopback.require(URI.create(given.getOrDefault("gateway", "http://127.0.0.1:8080"))),
                    Loopback.require(URI.create(given.getOrDefault("policy", "http://127.0.0.1:8082"))), apiKey,
                    duration(given.getOrDefault("duration", "180s")),
                    Arrays.stream(given.getOrDefault("loads", "0.5,1,2").split(",")).map(Double::parseDouble).toList(),
                    Integer.parseInt(given.getOrDefault("max-thinking", "256")),
                    Integer.parseInt(given.getOrDefault("max-answer", "64")), batchShare,
                    Long.parseLong(given.getOrDefault("seed", "42")),
                    Path.of(given.getOrDefault("out", "target/experiment")),
                    Integer.parseInt(given.getOrDefault("capacity-clients", "8")),
                    duration(given.getOrDefault("capacity-warmup", "30s")),
                    duration(given.getOrDefault("capacity-duration", "30s")),
                    duration(given.getOrDefault("settle", "240s")));
        }

        private static Duration duration(String value) {
            return Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
        }

        /**
         * The minimum equals the cap, so the model thinks for its whole budget (an attempt to stop early becomes a
         * "Wait"): a request's work is then set by its budget, as it is for a reasoning model that uses what it is
         * given, and not by where the tiny story model happens to write a newline. Both tiers ask for the same.
         */
        String requestBody(Priority tier) {
            return String.format(Locale.ROOT, "{\"prompt\":\"Once upon a time\",\"priority\":\"%s\","
                    + "\"budget\":{\"maxThinkingTokens\":%d,\"minThinkingTokens\":%d,\"maxAnswerTokens\":%d}}",
                    tier.name().toLowerCase(Locale.ROOT), maxThinking, maxThinking, maxAnswer);
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

    /** One run's outcomes, with its setup and load. */
    record Run(String setup, double load, List<Outcome> outcomes) {
    }

    static void run(Options options) throws Exception {
        GatewayDriver gateway = new GatewayDriver(options.gateway(), options.apiKey(), REQUEST_TIMEOUT);
        PolicySwitch policy = new PolicySwitch(options.policy());
        Files.createDirectories(options.out());

        policy.fixed(options.capacityWarmup().plus(options.capacityDuration()).plusMinutes(1));
        // A fresh platform is still compiling its hot paths: measured cold, capacity came out at 2.7 requests/s
        // where the same platform warm does 6.1, and every load multiple was then a fraction of what it says.
        gateway.measureCapacity(options.capacityClients(), options.capacityWarmup(),
                options.requestBody(Priority.INTERACTIVE));
        double capacity = gateway.measureCapacity(options.capacityClients(), options.capacityDuration(),
                options.requestBody(Priority.INTERACTIVE));
        System.out.printf(Locale.ROOT, "measured capacity: %.3f requests/s at %d thinking + %d answer tokens%n",
                capacity, options.maxThinking(), options.maxAnswer());
        if (capacity <= 0) {
            throw new IllegalStateException("no request completed while measuring capacity");
        }

        List<Run> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String setup : List.of("A", "B")) {
            for (double load : options.loads()) {
                String settled = policy.awaitSettled(options.settle())
                        .map(took -> "settled in " + took.toSeconds() + " s")
                        .orElse("NOT settled within " + options.settle().toSeconds() + " s");
                notes.add(String.format(Locale.ROOT, "%s at %.2fx: controller %s before the run", setup, load,
                        settled));
                System.out.println(notes.get(notes.size() - 1));
                if (setup.equals("A")) {
                    policy.fixed(options.duration().plus(REQUEST_TIMEOUT).plus(options.settle()));
                } else {
                    policy.adaptive();
                }
                List<ArrivalSchedule.Arrival> schedule = ArrivalSchedule.mixed(load * capacity, options.batchShare(),
                        options.duration(), new SplittableRandom(options.seed() + Math.round(load * 1000)));
                Run run = new Run(setup, load, gateway.runOpenLoop(schedule, options::requestBody));
                summaries(run, options).forEach(summary -> System.out.println(summary.csv()));
                runs.add(run);
            }
        }
        policy.adaptive();
        write(options, capacity, runs, notes);
    }

    static List<RunSummary> summaries(Run run, Options options) {
        double seconds = options.duration().toMillis() / 1000.0;
        return List.of(
                RunSummary.of(run.setup(), run.load(), Priority.INTERACTIVE, seconds, run.outcomes(), SLO_SECONDS),
                RunSummary.of(run.setup(), run.load(), Priority.BATCH, seconds, run.outcomes(), Double.NaN));
    }

    static void write(Options options, double capacity, List<Run> runs, List<String> notes) throws IOException {
        List<RunSummary> summaries = runs.stream().flatMap(run -> summaries(run, options).stream()).toList();
        List<String> csv = new ArrayList<>();
        csv.add(RunSummary.header());
        summaries.forEach(summary -> csv.add(summary.csv()));
        Files.write(options.out().resolve("results.csv"), csv, StandardCharsets.UTF_8);

        List<String> requests = new ArrayList<>();
        requests.add("setup,load,tier,sent_at_ms,time_to_answer_ms,thinking_granted,thinking_used,status");
        for (Run run : runs) {
            for (Outcome outcome : run.outcomes()) {
                requests.add(String.format(Locale.ROOT, "%s,%.2f,%s,%d,%d,%d,%d,%s", run.setup(), run.load(),
                        outcome.tier().name().toLowerCase(Locale.ROOT), outcome.sentAtMs(),
                        outcome.timeToAnswerMs(), outcome.grantedThinkingTokens(), outcome.thinkingTokensUsed(),
                        outcome.status().name().toLowerCase(Locale.ROOT)));
            }
        }
        Files.write(options.out().resolve("requests.csv"), requests, StandardCharsets.UTF_8);

        String report = String.format(Locale.ROOT, "capacity %.3f requests/s (interactive, %d thinking + %d answer "
                + "tokens); batch share %.2f; interactive SLO p95 %.0f s; %s per run; seed %d%n%s%n%s%n", capacity,
                options.maxThinking(), options.maxAnswer(), options.batchShare(), SLO_SECONDS, options.duration(),
                options.seed(), String.join("\n", notes), String.join("\n", csv));
        Files.writeString(options.out().resolve("report.txt"), report, StandardCharsets.UTF_8);
        double highest = options.loads().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        List<Outcome> highestA = outcomesAt(runs, "A", highest);
        List<Outcome> highestB = outcomesAt(runs, "B", highest);
        ImageIO.write(ExperimentPlot.draw(summaries, highest, highestA, highestB, SLO_SECONDS), "png",
                options.out().resolve("plot.png").toFile());
    }

    private static List<Outcome> outcomesAt(List<Run> runs, String setup, double load) {
        return runs.stream().filter(run -> run.setup().equals(setup) && run.load() == load)
                .flatMap(run -> run.outcomes().stream()).toList();
    }
}
