package io.reasoner.s1mini.cli;

import io.reasoner.s1mini.eval.EvalCommand;
import io.reasoner.s1mini.eval.PairedComparison;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@code eval} and {@code compare}: the recipe's output folder holds the models and the pool's questions.
 *
 * @param perDomain   test problems per domain
 * @param generousCap the largest thinking cap; the cap sweep halves down from it
 * @param also        {@code compare} only: a further model to compare, as {@code name=path}, or null
 */
record EvalOptions(Path models, Path out, int perDomain, int generousCap, long seed, String also) {

    /** {@code compare}'s default draw: five times the grid's, from a seed the grid does not use. */
    private static final int COMPARE_PER_DOMAIN = 100;
    private static final long COMPARE_SEED = 2000;
    private static final Set<String> EVAL_KEYS = Set.of("models", "out", "per-domain", "cap", "seed");
    /** {@code compare} writes no files, so takes no {@code --out}; only it takes {@code --also}. */
    private static final Set<String> COMPARE_KEYS = Set.of("models", "per-domain", "cap", "seed", "also");

    static EvalOptions parse(String[] args) {
        return parse(args, EVAL_KEYS, 20, 1000);
    }

    static EvalOptions parseCompare(String[] args) {
        return parse(args, COMPARE_KEYS, COMPARE_PER_DOMAIN, COMPARE_SEED);
    }

    private static EvalOptions parse(String[] args, Set<String> keys, int defaultPerDomain, long defaultSeed) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : args[i];
            if (!keys.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value with key in " + keys + ", got '" + args[i]
                        + "'");
            }
            values.put(key, args[i + 1]);
        }
        Path models = Path.of(values.getOrDefault("models", "s1-mini/target/recipe"));
        return new EvalOptions(models, Path.of(values.getOrDefault("out", models.resolve("eval").toString())),
                Integer.parseInt(values.getOrDefault("per-domain", Integer.toString(defaultPerDomain))),
                Integer.parseInt(values.getOrDefault("cap", "256")),
                Long.parseLong(values.getOrDefault("seed", Long.toString(defaultSeed))), values.get("also"));
    }

    void run(PrintStream log) throws IOException {
        EvalCommand.run(recipeModels(), models.resolve(Recipe.POOL_FILE), perDomain, seed, generousCap, out, log);
    }

    /** The generous cap and one forced Wait, per problem, with sign tests between every two runs. */
    void compare(PrintStream log) throws IOException {
        Map<String, Path> files = recipeModels();
        if (also != null) {
            int equals = also.indexOf('=');
            if (equals < 1 || !Files.exists(Path.of(also.substring(equals + 1)))) {
                throw new IllegalArgumentException("--also must be NAME=PATH of an existing model, was '" + also + "'");
            }
            files.put(also.substring(0, equals), Path.of(also.substring(equals + 1)));
        }
        PairedComparison.run(files, models.resolve(Recipe.POOL_FILE), perDomain, seed, generousCap, log);
    }

    private Map<String, Path> recipeModels() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("curated", models.resolve(Recipe.CURATED_MODEL));
        files.put("random", models.resolve(Recipe.RANDOM_MODEL));
        files.put("base", models.resolve(Recipe.BASE_MODEL));
        files.values().removeIf(file -> !Files.exists(file));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no s1-mini models in " + models + "; run the recipe first");
        }
        return files;
    }
}
