package io.reasoner.engine.cli;

import io.reasoner.engine.batch.BatchConfig;
import io.reasoner.engine.model.ForwardProfiler;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.LoadOptions;
import io.reasoner.engine.model.MachineProbe;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.model.RandomModelWriter;
import io.reasoner.engine.weights.LoadReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link BenchCommand}'s batch suite: the machine's limits, then per model a table of batch sizes 1, 4 and 16
 * against prompt lengths 16 and 512 (decode tokens/s, ms per step and per token, overhead outside the forward
 * pass, the forward pass's profile), what a joining prompt costs the others, and finally the goals met or missed.
 */
final class BatchSuite {

    static final int[] BATCHES = {1, 4, 16};
    static final long GENERATED_SEED = 42;
    private static final long SMALL_MODEL_PARAMETERS = 50_000_000L;

    private final BenchOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier clock;
    private final List<DecodeMeasurement> measurements = new ArrayList<>();
    private MachineLimits limits;
    private String generatedName;
    private long generatedWeightBytes;

    BatchSuite(BenchOptions options, PrintStream out, PrintStream err, LongSupplier clock) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run() throws IOException {
        long start = clock.getAsLong();
        out.println(BenchCommand.machine());
        limits = MachineLimits.measure(clock);
        out.println(limits.describe());
        if (options.models().isEmpty()) {
            benchModel(stories260K(), false);
            Path generated = Files.createTempFile("random-llama-", ".gguf");
            try {
                long writeStart = clock.getAsLong();
                RandomModelWriter.write(RandomModelWriter.Spec.llama100M(), GENERATED_SEED, generated);
                out.printf(Locale.ROOT, "%ngenerated %s: %s, seed %d, F32, in %.1f s%n", generated,
                        RandomModelWriter.Spec.llama100M(), GENERATED_SEED, (clock.getAsLong() - writeStart) / 1e9);
                benchModel(generated, true);
            } finally {
                Files.deleteIfExists(generated);
            }
        } else {
            for (Path model : options.models()) {
                benchModel(model, false);
            }
        }
        new BenchGoals(measurements, limits, generatedName, generatedWeightBytes).print(out);
        out.printf(Locale.ROOT, "%nwhole run: %.0f s%n", (clock.getAsLong() - start) / 1e9);
        return GenerateCommand.EXIT_OK;
    }

    private void benchModel(Path path, boolean generated) throws IOException {
        ForwardProfiler profiler = new ForwardProfiler(clock);
        try (LanguageModel model = ModelLoader.load(path, LoadOptions.defaults().withProfiler(profiler))) {
            Optional<LoadReport> report = model.loadReport();
            report.ifPresent(loaded -> err.println("loaded " + model.info().name() + ": " + loaded.summary()));
            long weightBytes = report.map(LoadReport::bytesInMemory).orElse(0L);
            int steps = steps(weightBytes / Float.BYTES);
            out.printf(Locale.ROOT, "%n== %s (%s, %.1f MB of weights in memory, %d intra-op threads)%n",
                    model.info().name(), model.info().architecture(), weightBytes / 1e6,
                    MachineProbe.intraOpThreads());
            out.printf(Locale.ROOT, "decode steps per configuration: %d after %d untimed warm-up steps (few, to keep"
                    + " the whole run well under 10 minutes on 2 cores), after one untimed configuration for JIT"
                    + " compilation; prompts prefilled whole, one per step; greedy sampling%n",
                    steps, BatchBenchmark.WARM_UP_STEPS);
            out.println(BenchReport.HEADER);
            BatchBenchmark bench = new BatchBenchmark(model.info().name(), model, profiler, clock);
            bench.run(4, 16, 8);
            for (int prompt : prompts()) {
                for (int batch : BATCHES) {
                    DecodeMeasurement measurement = bench.run(batch, prompt, steps);
                    measurements.add(measurement);
                    BenchReport.row(out, measurement);
                    BenchReport.profile(out, measurement, limits.opOverheadMicros());
                }
            }
            if (!options.quick()) {
                joinUnderLoad(bench);
            }
            if (generated) {
                generatedName = model.info().name();
                generatedWeightBytes = weightBytes;
            }
        }
    }

    /** 15 sequences decode while a 512-token prompt joins in chunks of the default size. */
    private void joinUnderLoad(BatchBenchmark bench) {
        int chunk = BatchConfig.DEFAULT_PREFILL_CHUNK_TOKENS;
        double[] result = bench.joinUnderLoad(15, 512, chunk);
        out.printf(Locale.ROOT, "  joining under load: 15 sequences decode at %.1f ms/step; while a 512-token prompt"
                        + " joins in %d-token chunks, %.1f ms/step for %.0f steps; in one piece it would stall them"
                        + " %.0f ms%n", result[0], chunk, result[1], result[2], result[3]);
    }

    private int[] prompts() {
        return options.quick() ? new int[] {16} : new int[] {16, 512};
    }

    private int steps(long parameters) {
        if (options.steps() > 0) {
            return options.steps();
        }
        boolean small = parameters < SMALL_MODEL_PARAMETERS;
        if (options.quick()) {
            return small ? 16 : 6;
        }
        return small ? 256 : 64;
    }

    /** {@code ../shared/models/stories260K/stories260K.gguf} beside the repository root ({@code reasoner.root}). */
    static Path stories260K() {
        Path root = Path.of(System.getProperty("reasoner.root", "."));
        Path path = root.resolve("../shared/models/stories260K/stories260K.gguf").normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("stories260K not found at " + path + "; run from the repository root,"
                    + " set -Dreasoner.root, or name models with --model");
        }
        return path;
    }
}
