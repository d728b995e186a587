package io.reasoner.s1mini.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line console progress bar, redrawn in place: steps done, loss (smoothed), time per step and time left.
 * Prints a full line every {@code logEvery} steps as well, so a log file keeps the loss curve.
 */
public final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final int logEvery;
    private double smoothed = Double.NaN;
    private long totalMillis;

    public ProgressBar(PrintStream out, String label, int logEvery) {
        this.out = out;
        this.label = label;
        this.logEvery = Math.max(1, logEvery);
    }

    @Override
    public void onStep(int step, int steps, float loss, float learningRate, long millis) {
        smoothed = Double.isNaN(smoothed) ? loss : 0.9 * smoothed + 0.1 * loss;
        totalMillis += millis;
        int done = step + 1;
        int filled = (int) ((long) WIDTH * done / steps);
        double perStep = totalMillis / 1000.0 / done;
        long left = Math.round(perStep * (steps - done));
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "%s [%s] %d/%d loss %.3f lr %.1e %.2f s/step ETA %d:%02d",
                label, bar, done, steps, smoothed, learningRate, perStep, left / 60, left % 60);
        out.print("\r" + line);
        if (done % logEvery == 0 || done == steps) {
            out.println();
        }
        out.flush();
    }
}
