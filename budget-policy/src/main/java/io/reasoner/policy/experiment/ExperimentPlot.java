package io.reasoner.policy.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.reasoner.protocol.Priority;

/**
 * Three panels drawn with plain Java2D: interactive p95 time to answer against load (a multiple of measured
 * capacity); mean thinking tokens granted against load, interactive solid and batch dashed; and every interactive
 * request's time to answer against when it was sent, in the run at the highest load. One colour per setup.
 * Headless-safe (draws into a {@link BufferedImage}).
 */
public final class ExperimentPlot {

    static final Color SETUP_A = new Color(0x1f77b4);
    static final Color SETUP_B = new Color(0xd62728);
    static final int WIDTH = 1500;
    static final int HEIGHT = 440;
    private static final int PANEL = WIDTH / 3;
    private static final Stroke SOLID = new BasicStroke(2.5f);
    private static final Stroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    private ExperimentPlot() {
    }

    public static BufferedImage draw(List<RunSummary> runs, double highestLoad, List<Outcome> highestA,
            List<Outcome> highestB, double sloSeconds) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            List<RunSummary> interactive = runs.stream().filter(run -> run.tier() == Priority.INTERACTIVE).toList();
            List<RunSummary> batch = runs.stream().filter(run -> run.tier() == Priority.BATCH).toList();
            double maxLoad = runs.stream().mapToDouble(RunSummary::loadFactor).max().orElse(1) * 1.1;

            Axes p95 = Axes.of(g, 0, "interactive p95 time to answer (s) vs load (x capacity)", maxLoad,
                    Math.max(sloSeconds, max(interactive, RunSummary::p95Seconds)));
            p95.reference(sloSeconds, "SLO");
            lines(p95, interactive, RunSummary::p95Seconds, SOLID);

            Axes granted = Axes.of(g, PANEL, "mean thinking tokens granted vs load: interactive —, batch - -",
                    maxLoad, max(runs, RunSummary::meanGrantedThinkingTokens));
            lines(granted, interactive, RunSummary::meanGrantedThinkingTokens, SOLID);
            lines(granted, batch, RunSummary::meanGrantedThinkingTokens, DASHED);

            double lastSent = Math.max(1, java.util.stream.Stream.concat(highestA.stream(), highestB.stream())
                    .mapToLong(Outcome::sentAtMs).max().orElse(1) / 1000.0) * 1.05;
            double slowest = java.util.stream.Stream.concat(highestA.stream(), highestB.stream())
                    .filter(Outcome::done).mapToLong(Outcome::timeToAnswerMs).max().orElse(1) / 1000.0;
            Axes timeline = Axes.of(g, 2 * PANEL, String.format(Locale.ROOT,
                    "interactive time to answer (s) vs time sent (s), %.1fx load", highestLoad), lastSent,
                    Math.max(sloSeconds, slowest));
            timeline.reference(sloSeconds, "SLO");
            timeline.xTicks(4);
            dots(timeline, highestA, SETUP_A);
            dots(timeline, highestB, SETUP_B);

            g.setColor(SETUP_A);
            g.drawString("A: fixed budgets", 70, HEIGHT - 10);
            g.setColor(SETUP_B);
            g.drawString("B: adaptive budgets", 220, HEIGHT - 10);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double max(List<RunSummary> runs, ToDoubleFunction<RunSummary> metric) {
        return runs.stream().mapToDouble(metric).filter(Double::isFinite).max().orElse(1);
    }

    private static void lines(Axes axes, List<RunSummary> runs, ToDoubleFunction<RunSummary> metric, Stroke stroke) {
        for (String setup : List.of("A", "B")) {
            List<RunSummary> points = runs.stream().filter(run -> run.setup().equals(setup))
                    .filter(run -> Double.isFinite(metric.applyAsDouble(run)))
                    .sorted(Comparator.comparingDouble(RunSummary::loadFactor)).toList();
            axes.g.setColor(setup.equals("A") ? SETUP_A : SETUP_B);
            axes.g.setStroke(stroke);
            int lastX = -1;
            int lastY = -1;
            for (RunSummary run : points) {
                int x = axes.x(run.loadFactor());
                int y = axes.y(metric.applyAsDouble(run));
                axes.g.fillOval(x - 5, y - 5, 10, 10);
                if (lastX >= 0) {
                    axes.g.drawLine(lastX, lastY, x, y);
                }
                lastX = x;
                lastY = y;
            }
            axes.g.setStroke(new BasicStroke(1f));
        }
        for (RunSummary run : runs) {
            axes.g.setColor(Color.BLACK);
            axes.g.drawString(String.format(Locale.ROOT, "%.1fx", run.loadFactor()), axes.x(run.loadFactor()) - 10,
                    axes.y0 + 15);
        }
    }

    private static void dots(Axes axes, List<Outcome> outcomes, Color color) {
        axes.g.setColor(color);
        for (Outcome outcome : outcomes) {
            if (outcome.tier() == Priority.INTERACTIVE && outcome.done()) {
                axes.g.fillOval(axes.x(outcome.sentAtMs() / 1000.0) - 3,
                        axes.y(outcome.timeToAnswerMs() / 1000.0) - 3, 6, 6);
            }
        }
    }

    /** One panel's frame: maps data to pixels, and draws the title, the axes and the y ticks. */
    private record Axes(Graphics2D g, int x0, int x1, int y0, int y1, double maxX, double maxY) {

        static Axes of(Graphics2D g, int left, String title, double maxX, double maxY) {
            double top = maxY <= 0 || !Double.isFinite(maxY) ? 1 : maxY * 1.15;
            Axes axes = new Axes(g, left + 60, left + PANEL - 20, HEIGHT - 50, 40, maxX, top);
            g.setColor(Color.BLACK);
            g.drawString(title, left + 10, axes.y1 - 15);
            g.drawLine(axes.x0, axes.y0, axes.x1, axes.y0);
            g.drawLine(axes.x0, axes.y0, axes.x0, axes.y1);
            for (int tick = 0; tick <= 4; tick++) {
                g.drawString(String.format(Locale.ROOT, "%.0f", top * tick / 4), left + 15,
                        axes.y0 - (int) ((axes.y0 - axes.y1) * tick / 4.0) + 4);
            }
            return axes;
        }

        int x(double value) {
            return x0 + (int) ((x1 - x0) * value / maxX);
        }

        int y(double value) {
            return y0 - (int) ((y0 - y1) * value / maxY);
        }

        void xTicks(int count) {
            g.setColor(Color.BLACK);
            for (int tick = 0; tick <= count; tick++) {
                double value = maxX * tick / count;
                g.drawString(String.format(Locale.ROOT, "%.0f", value), x(value) - 8, y0 + 15);
            }
        }

        void reference(double value, String label) {
            g.setColor(Color.GRAY);
            g.drawLine(x0, y(value), x1, y(value));
            g.drawString(label, x1 - 25, y(value) - 3);
        }
    }
}
