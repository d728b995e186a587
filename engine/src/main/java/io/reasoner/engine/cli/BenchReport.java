package io.reasoner.engine.cli;

import io.reasoner.engine.model.ForwardProfile;
import io.reasoner.engine.model.ForwardProfiler;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Formats {@link DecodeMeasurement}s as the benchmark's table rows and profile lines. */
final class BenchReport {

    static final String HEADER = "  batch prompt | prefill tok/s | decode tok/s  ms/step (median)  ms/token |"
            + " overhead: total (sampling hooks detok bookkeeping)";

    private BenchReport() {
    }

    static void row(PrintStream out, DecodeMeasurement m) {
        out.printf(Locale.ROOT, "  %5d %6d | %13.1f | %12.1f %8.2f (%6.2f) %9.3f | %5.2f%% (%.2f%% %.2f%% %.2f%%"
                        + " %.2f%%)%n", m.batch(), m.promptTokens(), m.prefillTokensPerSecond(), m.tokensPerSecond(),
                m.millisPerStep(), m.medianStepNanos() / 1e6, m.millisPerToken(), 100 * m.overheadFraction(),
                100 * m.share(m.samplingNanos()),
                100 * m.share(m.hookNanos()), 100 * m.share(m.detokenizeNanos()),
                100 * m.share(m.bookkeepingNanos()));
    }

    /**
     * Where the forward pass spent its time, largest part first, with the tensor ops per step and what their
     * fixed cost alone comes to.
     */
    static void profile(PrintStream out, DecodeMeasurement m, double opOverheadMicros) {
        ForwardProfile profile = m.profile();
        if (profile.steps() == 0) {
            return;
        }
        double total = profile.totalNanos();
        String parts = profile.nanosByPart().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<ForwardProfiler.Part, Long>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> String.format(Locale.ROOT, "%s %.0f%%", entry.getKey().name().toLowerCase(Locale.ROOT),
                        100 * entry.getValue() / total))
                .collect(Collectors.joining(", "));
        double opsPerStep = (double) profile.arraysCreated() / profile.steps();
        double fixedMillis = opsPerStep * opOverheadMicros / 1e3;
        out.printf(Locale.ROOT, "    forward %.2f ms/step: %s; %.0f tensor ops/step, ~%.2f ms (%.0f%%) of fixed"
                        + " per-op cost%n", total / 1e6 / profile.steps(), parts, opsPerStep, fixedMillis,
                100 * fixedMillis * 1e6 * profile.steps() / total);
    }
}
