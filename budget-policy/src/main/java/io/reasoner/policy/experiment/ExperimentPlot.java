package io.reasoner.policy.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Two panels drawn with plain Java2D: p95 time to answer and mean thinking tokens granted, against load (as a
 * multiple of measured capacity), one line per setup. Headless-safe (draws into a {@link BufferedImage}).
 */
public final class ExperimentPlot {

    static final Color SETUP_A = new Color(0x1f77b4);
    static final Color SETUP_B = new Color(0xd62728);
    static final int WIDTH = 1000;
    static final int HEIGHT = 420;

    private ExperimentPlot() {
    }

    public static BufferedImage draw(List<RunSummary> runs, double sloSeconds) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            panel(g, runs, 0, "p95 time to answer (s)", RunSummary::p95Seconds, sloSeconds);
            panel(g, runs, WIDTH / 2, "mean thinking tokens granted", RunSummary::meanGrantedThinkingTokens,
                    Double.NaN);
            g.setColor(SETUP_A);
            g.drawString("A: fixed budgets", 70, HEIGHT - 10);
            g.setColor(SETUP_B);
            g.drawString("B: adaptive budgets", 220, HEIGHT - 10);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void panel(Graphics2D g, List<RunSummary> runs, int left, String title,
            ToDoubleFunction<RunSummary> metric, double referenceLine) {
        int x0 = left + 60;
        int x1 = left + WIDTH / 2 - 20;
        int y0 = HEIGHT - 50;
        int y1 = 40;
        double maxX = runs.stream().mapToDouble(RunSummary::loadFactor).max().orElse(1) * 1.1;
        double maxY = runs.stream().mapToDouble(metric).filter(Double::isFinite).max().orElse(1);
        if (Double.isFinite(referenceLine)) {
            maxY = Math.max(maxY, referenceLine);
        }
        maxY = maxY <= 0 ? 1 : maxY * 1.15;
        g.setColor(Color.BLACK);
        g.drawString(title, x0, y1 - 15);
        g.drawLine(x0, y0, x1, y0);
        g.drawLine(x0, y0, x0, y1);
        for (int tick = 0; tick <= 4; tick++) {
            double value = maxY * tick / 4;
            int y = y0 - (int) ((y0 - y1) * tick / 4.0);
            g.drawString(String.format(Locale.ROOT, "%.1f", value), left + 5, y + 4);
        }
        for (RunSummary run : runs) {
            int x = x0 + (int) ((x1 - x0) * run.loadFactor() / maxX);
            g.drawString(String.format(Locale.ROOT, "%.1fx", run.loadFactor()), x - 10, y0 + 15);
        }
        if (Double.isFinite(referenceLine)) {
            g.setColor(Color.GRAY);
            int y = y0 - (int) ((y0 - y1) * referenceLine / maxY);
            g.drawLine(x0, y, x1, y);
            g.drawString("SLO", x1 - 25, y - 3);
        }
        series(g, runs, "A", SETUP_A, metric, x0, x1, y0, y1, maxX, maxY);
        series(g, runs, "B", SETUP_B, metric, x0, x1, y0, y1, maxX, maxY);
    }

    private static void series(Graphics2D g, List<RunSummary> runs, String setup, Color color,
            ToDoubleFunction<RunSummary> metric, int x0, int x1, int y0, int y1, double maxX, double maxY) {
        List<RunSummary> points = runs.stream().filter(run -> run.setup().equals(setup))
                .filter(run -> Double.isFinite(metric.applyAsDouble(run)))
                .sorted(Comparator.comparingDouble(RunSummary::loadFactor)).toList();
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int lastX = -1;
        int lastY = -1;
        for (RunSummary run : points) {
            int x = x0 + (int) ((x1 - x0) * run.loadFactor() / maxX);
            int y = y0 - (int) ((y0 - y1) * metric.applyAsDouble(run) / maxY);
            g.fillOval(x - 5, y - 5, 10, 10);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
        g.setStroke(new BasicStroke(1f));
    }
}
