package io.reasoner.s1mini.cli;

import io.reasoner.engine.model.RandomModelWriter;
import io.reasoner.s1mini.data.TraceGenerator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Everything the recipe needs, with defaults sized so the full run fits in an hour on a 2-core CPU; {@link #smoke}
 * shrinks every size for CI.
 *
 * @param pool           traces generated (s1: 59K questions)
 * @param select         traces selected for fine-tuning (s1: 1K)
 * @param vocab          the most tokens the tokenizer may have, specials and bytes included (fewer when the pool runs out of
 *                       repeated pairs to merge)
 * @param pretrainSteps  steps on the whole pool, all tokens learned
 * @param finetuneSteps  steps on the selected set, completion tokens learned; the same for curated and random
 * @param pretrainOn     which of the pool's traces pretraining sees
 * @param rechecks       what the teacher's traces write after "Wait" ({@code --rechecks repeat|columns})
 * @param slips          whether training learns the lines the teacher wrote wrong on purpose ({@code --slips
 *                       learned|masked}); masked, a slip is context only, for both stages
 * @param difficulty     how selection tells a hard candidate ({@code --difficulty length|baseline})
 * @param baselineProblems with {@code --difficulty baseline}, how many of the quality-filtered candidates, drawn
 *                       uniformly, the pretrained model is run on ({@code --baseline-problems}); only those can be
 *                       selected
 * @param reuseBase      take the pretrained model already in {@code out} instead of pretraining again
 *                       ({@code --reuse-base true}), for runs that change only selection or fine-tuning; refused
 *                       unless it was made with the same {@link #pretrainingKey}
 */
public record RecipeOptions(Path out, long seed, int pool, int select, int vocab, RandomModelWriter.Spec spec,
                            int pretrainSteps, int finetuneSteps, int batch, float learningRate,
                            float finetuneLearningRate, int maxTokens, PretrainOn pretrainOn,
                            TraceGenerator.Rechecks rechecks, Slips slips, Difficulty difficulty,
                            int baselineProblems, boolean reuseBase) {

    public RecipeOptions {
        if (baselineProblems < 1) {
            throw new IllegalArgumentException("--baseline-problems must be >= 1, was " + baselineProblems);
        }
    }

    /** The traces pretraining sees ({@code --pretrain-on all|easier}). */
    public enum PretrainOn {
        /** The whole pool. */
        ALL,
        /**
         * Only the easier half of each domain's difficulty levels, as s1's base model had never seen reasoning like
         * its 1K: the harder levels are learned from the fine-tuning set alone.
         */
        EASIER
    }

    /** What training does with a slip's tokens ({@code --slips learned|masked}). */
    public enum Slips {
        /** Learned like every other token, as s1 trains on its traces as they are. */
        LEARNED,
        /**
         * Context only: the model still learns the "Wait" and the correction that follow a slip, from the slip,
         * but not to write the slip itself, which the curated set, rich in slips, otherwise teaches.
         */
        MASKED
    }

    /** What makes a candidate hard for selection ({@code --difficulty length|baseline}). */
    public enum Difficulty {
        /** Thinking at least as long as its domain's median: s1's "longer traces are harder". */
        LENGTH,
        /**
         * The pretrained model gets the problem wrong: s1's filter by its base model (and a weaker one). Selection
         * then runs after pretraining, on the candidates the model was run on.
         */
        BASELINE
    }

    private static final Set<String> KEYS = Set.of("out", "seed", "pool", "select", "vocab", "dim", "layers",
            "heads", "ffn", "context", "pretrain-steps", "finetune-steps", "batch", "lr", "finetune-lr",
            "max-tokens", "pretrain-on", "rechecks", "slips", "difficulty", "baseline-problems", "reuse-base", "smoke");

    public static RecipeOptions defaults(Path out) {
        return new RecipeOptions(out, 1, 20_000, 1_000, 512, new RandomModelWriter.Spec(128, 4, 4, 4, 384, 512, 512),
                5000, 150, 32, 2e-3f, 1e-4f, 320, PretrainOn.ALL, TraceGenerator.Rechecks.COLUMNS, Slips.LEARNED,
                Difficulty.BASELINE, 4000, false);
    }

    /** A few seconds of everything, for the CI smoke test. */
    public static RecipeOptions smoke(Path out) {
        return new RecipeOptions(out, 1, 300, 40, 300, new RandomModelWriter.Spec(32, 2, 2, 1, 64, 300, 256),
                25, 10, 8, 3e-3f, 1e-3f, 200, PretrainOn.ALL, TraceGenerator.Rechecks.COLUMNS, Slips.LEARNED,
                Difficulty.BASELINE, 30, false);
    }

    /** {@code --key value} pairs over {@link #defaults} (or {@link #smoke} with {@code --smoke true}). */
    public static RecipeOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : args[i];
            if (!KEYS.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value with key in " + KEYS + ", got '" + args[i]
                        + "'");
            }
            values.put(key, args[i + 1]);
        }
        Path out = Path.of(values.getOrDefault("out", "s1-mini/target/recipe"));
        RecipeOptions base = Boolean.parseBoolean(values.getOrDefault("smoke", "false")) ? smoke(out) : defaults(out);
        RandomModelWriter.Spec s = base.spec();
        int vocab = integer(values, "vocab", base.vocab());
        RandomModelWriter.Spec spec = new RandomModelWriter.Spec(integer(values, "dim", s.dim()),
                integer(values, "layers", s.layers()), integer(values, "heads", s.heads()),
                integer(values, "heads", s.kvHeads()), integer(values, "ffn", s.ffn()), vocab,
                integer(values, "context", s.context()));
        return new RecipeOptions(out, Long.parseLong(values.getOrDefault("seed", Long.toString(base.seed()))),
                integer(values, "pool", base.pool()), integer(values, "select", base.select()), vocab, spec,
                integer(values, "pretrain-steps", base.pretrainSteps()),
                integer(values, "finetune-steps", base.finetuneSteps()), integer(values, "batch", base.batch()),
                Float.parseFloat(values.getOrDefault("lr", Float.toString(base.learningRate()))),
                Float.parseFloat(values.getOrDefault("finetune-lr", Float.toString(base.finetuneLearningRate()))),
                integer(values, "max-tokens", base.maxTokens()),
                choice(values, "pretrain-on", base.pretrainOn()),
                values.containsKey("rechecks") ? TraceGenerator.Rechecks.parse(values.get("rechecks"))
                        : base.rechecks(),
                choice(values, "slips", base.slips()), choice(values, "difficulty", base.difficulty()),
                integer(values, "baseline-problems", base.baselineProblems()),
                Boolean.parseBoolean(values.getOrDefault("reuse-base", Boolean.toString(base.reuseBase()))));
    }

    /**
     * Every option the pretrained model depends on (the pool, the tokenizer, the model and its pretraining), and
     * none it does not (selection, fine-tuning): two runs with the same key pretrain the same model.
     */
    public String pretrainingKey() {
        return String.format(Locale.ROOT, "seed=%d pool=%d vocab=%d spec=%s pretrain-steps=%d batch=%d lr=%s "
                        + "max-tokens=%d pretrain-on=%s rechecks=%s slips=%s", seed, pool, vocab, spec, pretrainSteps,
                batch, learningRate, maxTokens, pretrainOn, rechecks, slips);
    }

    /**
     * The constant of {@code fallback}'s enum that {@code --key} names in lower case ({@code --slips masked}), or
     * {@code fallback} when the key is absent.
     */
    private static <E extends Enum<E>> E choice(Map<String, String> values, String key, E fallback) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        String value = values.get(key);
        E[] constants = fallback.getDeclaringClass().getEnumConstants();
        StringJoiner names = new StringJoiner(" or ");
        for (E constant : constants) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(value)) {
                return constant;
            }
            names.add(name);
        }
        throw new IllegalArgumentException("--" + key + " must be " + names + ", was " + value);
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }
}
