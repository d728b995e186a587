package io.reasoner.s1mini.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG line chart of accuracy against mean thinking tokens, one line per series (model and method), drawn with
 * plain AWT so that no plotting library or display is needed.
 */
public final class ScalingPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int MARGIN = 70;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    private ScalingPlot() {
    }

    /** Plots the results of {@code method}, one series per model. */
    public static void write(String title, List<SettingResult> results, Path file) throws IOException {
        Map<String, List<SettingResult>> series = new LinkedHashMap<>();
        for (SettingResult r : results) {
            series.computeIfAbsent(r.model() + " (" + r.method() + ")", k -> new ArrayList<>()).add(r);
        }
        double maxX = Math.max(1, results.stream().mapToDouble(SettingResult::meanThinkingTokens).max().orElse(1));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        axes(g, title, maxX);
        int index = 0;
        for (Map.Entry<String, List<SettingResult>> entry : series.entrySet()) {
            g.setColor(COLORS[index % COLORS.length]);
            g.setStroke(new BasicStroke(2));
            List<SettingResult> points = entry.getValue().stream()
                    .sorted(Comparator.comparingDouble(SettingResult::meanThinkingTokens)).toList();
            for (int i = 0; i < points.size(); i++) {
                int x = x(points.get(i).meanThinkingTokens(), maxX);
                int y = y(points.get(i).accuracy());
                g.fillOval(x - 4, y - 4, 8, 8);
                if (i > 0) {
                    g.drawLine(x(points.get(i - 1).meanThinkingTokens(), maxX), y(points.get(i - 1).accuracy()), x, y);
                }
            }
            g.drawString(entry.getKey(), MARGIN + 10, MARGIN + 10 + 16 * index);
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void axes(Graphics2D g, String title, double maxX) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
        g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
        for (int i = 0; i <= 5; i++) {
            double accuracy = i / 5.0;
            g.drawString(String.format(Locale.ROOT, "%.0f%%", 100 * accuracy), MARGIN - 40, y(accuracy) + 4);
            double tokens = maxX * i / 5;
            g.drawString(String.format(Locale.ROOT, "%.0f", tokens), x(tokens, maxX) - 10, HEIGHT - MARGIN + 18);
        }
        g.drawString("mean thinking tokens", WIDTH / 2 - 60, HEIGHT - 25);
        g.drawString("accuracy", 10, MARGIN - 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, WIDTH / 2 - 120, 30);
    }

    private static int x(double tokens, double maxX) {
        return MARGIN + (int) ((WIDTH - 2 * MARGIN) * tokens / maxX);
    }

    private static int y(double accuracy) {
        return HEIGHT - MARGIN - (int) ((HEIGHT - 2 * MARGIN) * accuracy);
    }
}
