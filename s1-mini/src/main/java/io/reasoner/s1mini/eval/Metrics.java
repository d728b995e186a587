package io.reasoner.s1mini.eval;

import java.util.Comparator;
import java.util.List;

/**
 * s1's three numbers for a method, over its settings' (mean thinking tokens, accuracy) points:
 * <ul>
 *   <li>Control: the share of all runs that stayed within budget;</li>
 *   <li>Scaling: the average slope of accuracy over thinking tokens between every pair of settings (points
 *       sorted by tokens; pairs with equal tokens are skipped), in accuracy per token;</li>
 *   <li>Performance: the best accuracy of any setting.</li>
 * </ul>
 */
public record Metrics(String model, String method, double control, double scaling, double performance) {

    public static Metrics of(String model, String method, List<SettingResult> results) {
        List<SettingResult> points = results.stream()
                .sorted(Comparator.comparingDouble(SettingResult::meanThinkingTokens)).toList();
        double slopes = 0;
        int pairs = 0;
        for (int a = 0; a < points.size(); a++) {
            for (int b = a + 1; b < points.size(); b++) {
                double dx = points.get(b).meanThinkingTokens() - points.get(a).meanThinkingTokens();
                if (dx > 1e-9) {
                    slopes += (points.get(b).accuracy() - points.get(a).accuracy()) / dx;
                    pairs++;
                }
            }
        }
        double control = points.stream().mapToDouble(r -> r.control() * r.problems()).sum()
                / Math.max(1, points.stream().mapToInt(SettingResult::problems).sum());
        double performance = points.stream().mapToDouble(SettingResult::accuracy).max().orElse(0);
        return new Metrics(model, method, control, pairs == 0 ? 0 : slopes / pairs, performance);
    }
}
