package io.reasoner.s1mini.eval;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.s1mini.data.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A check of the evaluation's two comparisons (curated against random, a forced Wait against none) on a larger
 * test set than the full grid can afford: every model at the generous cap and with one forced "Wait", each run
 * kept per problem, and every pair of runs compared on the same problems with an exact sign test. A difference of
 * a few problems in a hundred is within what chance gives; the test says how likely the split of the problems
 * that two runs disagree on is if neither is better.
 */
public final class PairedComparison {

    private PairedComparison() {
    }

    /** One model under one setting: which test problems it got right. */
    public record Outcome(String model, String setting, boolean[] correct) {

        int solved() {
            int n = 0;
            for (boolean c : correct) {
                n += c ? 1 : 0;
            }
            return n;
        }
    }

    public static List<Outcome> run(Map<String, Path> models, Path poolFile, int perDomain, long seed,
                                    int generousCap, PrintStream log) throws IOException {
        List<Problem> test = EvalCommand.testSet(new HashSet<>(Files.readAllLines(poolFile)), perDomain, seed);
        List<EvalSetting> settings = EvalSetting.grid(generousCap, 2).stream()
                .filter(s -> s.label().equals("cap " + generousCap) || s.label().equals("Wait x1")).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Path> entry : models.entrySet()) {
            try (LanguageModel model = ModelLoader.load(entry.getValue())) {
                Evaluator evaluator = new Evaluator(model);
                for (EvalSetting setting : settings) {
                    boolean[] correct = new boolean[test.size()];
                    for (int i = 0; i < test.size(); i++) {
                        correct[i] = evaluator.run(test.get(i), setting).correct();
                    }
                    Outcome outcome = new Outcome(entry.getKey(), setting.label(), correct);
                    outcomes.add(outcome);
                    log.printf(Locale.ROOT, "%-12s %-10s %d/%d = %.1f%%  (%s)%n", outcome.model(),
                            outcome.setting(), outcome.solved(), test.size(), 100.0 * outcome.solved() / test.size(),
                            byDomain(outcome, test));
                }
            }
        }
        for (String line : pairs(outcomes)) {
            log.println(line);
        }
        return outcomes;
    }

    /** The problems {@code outcome} got right in each domain of {@code test}, as {@code addition 61/100, ...}. */
    static String byDomain(Outcome outcome, List<Problem> test) {
        if (outcome.correct().length != test.size()) {
            throw new IllegalArgumentException("outcome has " + outcome.correct().length + " runs for "
                    + test.size() + " problems");
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < test.size(); i++) {
            int[] count = counts.computeIfAbsent(test.get(i).domain(), d -> new int[2]);
            count[0] += outcome.correct()[i] ? 1 : 0;
            count[1]++;
        }
        StringJoiner line = new StringJoiner(", ");
        counts.forEach((domain, count) -> line.add(domain + " " + count[0] + "/" + count[1]));
        return line.toString();
    }

    /** Every pair of outcomes: how many problems only the first got right, only the second, and the sign test. */
    static List<String> pairs(List<Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            for (int j = i + 1; j < outcomes.size(); j++) {
                Outcome a = outcomes.get(i);
                Outcome b = outcomes.get(j);
                int onlyA = 0;
                int onlyB = 0;
                for (int k = 0; k < a.correct().length; k++) {
                    onlyA += a.correct()[k] && !b.correct()[k] ? 1 : 0;
                    onlyB += b.correct()[k] && !a.correct()[k] ? 1 : 0;
                }
                lines.add(String.format(Locale.ROOT, "%-23s vs %-23s only first %3d, only second %3d, p = %.3f",
                        a.model() + " " + a.setting(), b.model() + " " + b.setting(), onlyA, onlyB,
                        signTest(onlyA, onlyB)));
            }
        }
        return lines;
    }

    /**
     * The exact two-sided sign test: the chance, if either run were as likely as the other to be the one right on
     * a problem they disagree on, of a split at least as uneven as {@code a} to {@code b}.
     */
    static double signTest(int a, int b) {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + a + " and " + b);
        }
        int n = a + b;
        int low = Math.min(a, b);
        double tail = 0;
        double logTerm = n * Math.log(0.5); // log(C(n, 0) / 2^n), in logs so that large n cannot underflow
        for (int k = 0; k <= low; k++) {
            tail += Math.exp(logTerm);
            logTerm += Math.log((double) (n - k) / (k + 1));
        }
        return Math.min(1, 2 * tail);
    }
}
