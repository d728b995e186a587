package io.reasoner.s1mini.cli;

import io.reasoner.s1mini.eval.EvalCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@code eval}: the recipe's output folder holds the models and the pool's questions.
 *
 * @param perDomain   test problems per domain
 * @param generousCap the largest thinking cap; the cap sweep halves down from it
 */
record EvalOptions(Path models, Path out, int perDomain, int generousCap, long seed) {

    private static final Set<String> KEYS = Set.of("models", "out", "per-domain", "cap", "seed");

    static EvalOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : args[i];
            if (!KEYS.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value with key in " + KEYS + ", got '" + args[i]
                        + "'");
            }
            values.put(key, args[i + 1]);
        }
        Path models = Path.of(values.getOrDefault("models", "s1-mini/target/recipe"));
        return new EvalOptions(models, Path.of(values.getOrDefault("out", models.resolve("eval").toString())),
                Integer.parseInt(values.getOrDefault("per-domain", "20")),
                Integer.parseInt(values.getOrDefault("cap", "256")),
                Long.parseLong(values.getOrDefault("seed", "1000")));
    }

    void run(PrintStream log) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("curated", models.resolve(Recipe.CURATED_MODEL));
        files.put("random", models.resolve(Recipe.RANDOM_MODEL));
        files.put("base", models.resolve(Recipe.BASE_MODEL));
        files.values().removeIf(file -> !Files.exists(file));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no s1-mini models in " + models + "; run the recipe first");
        }
        EvalCommand.run(files, models.resolve(Recipe.POOL_FILE), perDomain, seed, generousCap, out, log);
    }
}
