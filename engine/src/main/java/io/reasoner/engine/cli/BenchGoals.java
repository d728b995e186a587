package io.reasoner.engine.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three goals, judged on this run's measurements: batch-1 decoding of the generated ~100M model at
 * half the memory-bandwidth ceiling or better; batch 16 at six times batch 1's aggregate tokens/s or better;
 * everything outside the forward pass under 5% of a step.
 */
final class BenchGoals {

    static final double BANDWIDTH_FRACTION_GOAL = 0.5;
    static final double BATCH_SPEED_UP_GOAL = 6;
    static final double OVERHEAD_GOAL = 0.05;

    private final List<DecodeMeasurement> measurements;
    private final MachineLimits limits;
    private final String generatedName;
    private final long generatedWeightBytes;

    /** @param generatedName the generated model's name, or null when it was not measured */
    BenchGoals(List<DecodeMeasurement> measurements, MachineLimits limits, String generatedName,
               long generatedWeightBytes) {
        this.measurements = measurements;
        this.limits = limits;
        this.generatedName = generatedName;
        this.generatedWeightBytes = generatedWeightBytes;
    }

    void print(PrintStream out) {
        out.printf("%n== goals%n");
        if (generatedName != null) {
            bandwidth(out);
        }
        speedUps(out);
        overhead(out);
    }

    private void bandwidth(PrintStream out) {
        double ceiling = limits.batchOneCeiling(generatedWeightBytes);
        find(generatedName, 1, 16).ifPresent(m -> out.printf(Locale.ROOT, "batch-1 ceiling of %s: %.1f GB/s / %.1f"
                        + " MB of weights read per token (head tied to the embedding, so every weight is read once"
                        + " per step) = %.1f tokens/s (%.1f ms/token); achieved %.1f tokens/s = %.0f%% of it"
                        + " [goal >= %.0f%%: %s]%n", generatedName, limits.torchReadGbPerSecond(),
                generatedWeightBytes / 1e6, ceiling, 1e3 / ceiling, m.tokensPerSecond(),
                100 * m.tokensPerSecond() / ceiling, 100 * BANDWIDTH_FRACTION_GOAL,
                verdict(m.tokensPerSecond() / ceiling >= BANDWIDTH_FRACTION_GOAL)));
    }

    private void speedUps(PrintStream out) {
        measurements.stream().map(DecodeMeasurement::model).distinct().forEach(model -> {
            for (int prompt : new int[] {16, 512}) {
                Optional<DecodeMeasurement> one = find(model, 1, prompt);
                Optional<DecodeMeasurement> sixteen = find(model, 16, prompt);
                if (one.isPresent() && sixteen.isPresent()) {
                    double ratio = sixteen.get().tokensPerSecond() / one.get().tokensPerSecond();
                    out.printf(Locale.ROOT, "%s, prompt %d: batch 16 %.1f tokens/s vs batch 1 %.1f = %.2fx [goal"
                                    + " >= %.0fx: %s]%n", model, prompt, sixteen.get().tokensPerSecond(),
                            one.get().tokensPerSecond(), ratio, BATCH_SPEED_UP_GOAL,
                            verdict(ratio >= BATCH_SPEED_UP_GOAL));
                }
            }
        });
    }

    private void overhead(PrintStream out) {
        measurements.stream().max((a, b) -> Double.compare(a.overheadFraction(), b.overheadFraction()))
                .ifPresent(worst -> out.printf(Locale.ROOT, "per-token overhead outside the forward pass: at most"
                                + " %.2f%% of step time (%s, batch %d, prompt %d) [goal < %.0f%%: %s]%n",
                        100 * worst.overheadFraction(), worst.model(), worst.batch(), worst.promptTokens(),
                        100 * OVERHEAD_GOAL, verdict(worst.overheadFraction() < OVERHEAD_GOAL)));
    }

    private Optional<DecodeMeasurement> find(String model, int batch, int prompt) {
        return measurements.stream()
                .filter(m -> m.model().equals(model) && m.batch() == batch && m.promptTokens() == prompt)
                .findFirst();
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
