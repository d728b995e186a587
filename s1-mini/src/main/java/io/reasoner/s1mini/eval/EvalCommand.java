package io.reasoner.s1mini.eval;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.s1mini.data.Domain;
import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The evaluation: a held-out test set (no question that is in the training pool), the same for every model,
 * run under every setting of {@link EvalSetting#grid}, written by {@link EvalReport}.
 */
public final class EvalCommand {

    private EvalCommand() {
    }

    /**
     * @param models    name to GGUF file, evaluated in order
     * @param poolFile  the training pool's questions, one a line, excluded from the test set
     * @param perDomain test problems per domain, spread evenly over its difficulty levels
     */
    public static List<SettingResult> run(Map<String, Path> models, Path poolFile, int perDomain, long seed,
                                          int generousCap, Path out, PrintStream log) throws IOException {
        List<Problem> test = testSet(new HashSet<>(Files.readAllLines(poolFile)), perDomain, seed);
        List<EvalSetting> settings = EvalSetting.grid(generousCap, 2);
        List<SettingResult> results = new ArrayList<>();
        long start = System.nanoTime();
        for (Map.Entry<String, Path> entry : models.entrySet()) {
            try (LanguageModel model = ModelLoader.load(entry.getValue())) {
                Evaluator evaluator = new Evaluator(model);
                for (EvalSetting setting : settings) {
                    SettingResult r = evaluator.evaluate(entry.getKey(), test, setting, i -> { });
                    results.add(r);
                    log.printf(Locale.ROOT, "%-16s %-10s %-14s accuracy %5.1f%%  thinking %6.1f  control %3.0f%%"
                                    + "  (%.0f s)%n", entry.getKey(), r.method(), r.label(), 100 * r.accuracy(),
                            r.meanThinkingTokens(), 100 * r.control(), (System.nanoTime() - start) / 1e9);
                }
            }
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("test-problems", test.size());
        context.put("seed", seed);
        context.put("generous-cap", generousCap);
        context.put("sampling", "greedy");
        EvalReport.write(results, context, out);
        return results;
    }

    /**
     * {@code perDomain} problems of each domain, none of them in {@code excluded}, drawn from the difficulty levels
     * in turn. A level whose every problem is excluded (one-digit additions all occur in a large pool) is passed
     * over rather than retried, so the other levels fill the domain's share.
     */
    public static List<Problem> testSet(Set<String> excluded, int perDomain, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Problem> test = new ArrayList<>();
        Set<String> seen = new HashSet<>(excluded);
        for (Domain domain : Domains.all()) {
            int levels = domain.maxDifficulty() - domain.minDifficulty() + 1;
            int made = 0;
            for (int attempt = 0; made < perDomain && attempt < 100 * perDomain; attempt++) {
                Problem problem = domain.generate(domain.minDifficulty() + attempt % levels, random);
                if (seen.add(problem.question())) {
                    test.add(problem);
                    made++;
                }
            }
        }
        return test;
    }
}
