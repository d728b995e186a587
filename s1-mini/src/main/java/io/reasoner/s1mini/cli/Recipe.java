package io.reasoner.s1mini.cli;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.model.RandomModelWriter;
import io.reasoner.engine.model.TrainableTransformer;
import io.reasoner.s1mini.data.Domain;
import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.PoolGenerator;
import io.reasoner.s1mini.data.Problem;
import io.reasoner.s1mini.data.Trace;
import io.reasoner.s1mini.data.TraceGenerator;
import io.reasoner.s1mini.eval.ModelBaseline;
import io.reasoner.s1mini.export.GgufExport;
import io.reasoner.s1mini.select.Candidate;
import io.reasoner.s1mini.select.DifficultyFilter;
import io.reasoner.s1mini.select.QualityFilter;
import io.reasoner.s1mini.select.Selection;
import io.reasoner.s1mini.select.SelectionReport;
import io.reasoner.s1mini.train.ProgressBar;
import io.reasoner.s1mini.train.Trainer;
import io.reasoner.s1mini.train.TrainingConfig;
import io.reasoner.s1mini.train.TrainingExample;
import io.reasoner.s1mini.train.TrainingListener;
import io.reasoner.s1mini.vocab.S1Vocabulary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole s1-mini recipe, from nothing to GGUF files: generate the pool, learn the tokenizer on it, select the
 * curated set (and the random ablation set of the same size), pretrain on the pool, then fine-tune two copies of
 * the pretrained model with the same budget, one on each set, and export all three models. With {@code --difficulty
 * baseline} the selection waits for pretraining, whose model is the baseline. Every random choice
 * comes from {@link RecipeOptions#seed} through split generators, so a seed reproduces the run.
 */
public final class Recipe {

    /** File names under {@link RecipeOptions#out}. */
    public static final String BASE_MODEL = "s1-mini-base.gguf";
    public static final String CURATED_MODEL = "s1-mini.gguf";
    public static final String RANDOM_MODEL = "s1-mini-random.gguf";
    public static final String POOL_FILE = "pool-questions.txt";
    /** The pretraining options the base model was made with ({@link RecipeOptions#pretrainingKey}). */
    public static final String BASE_KEY = "s1-mini-base.options";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /**
     * The teacher: 30% of traces catch a slip, 40% re-check a step, 10% are noise; {@code --rechecks} picks how a
     * step is derived again after "Wait".
     */
    public static final TraceGenerator TEACHER = new TraceGenerator(0.3, 0.1, 0.4, TraceGenerator.Rechecks.COLUMNS);
    /** Thinking at least as long as the domain's median counts as hard (s1's "longer traces are harder"). */
    private static final double LENGTH_QUANTILE = 0.5;
    /** The baseline thinks under the evaluation's generous cap, so "wrong" means wrong, not cut off. */
    private static final int BASELINE_CAP = 256;

    private final RecipeOptions options;
    private final PrintStream log;
    private final boolean progress;

    public Recipe(RecipeOptions options, PrintStream log, boolean progress) {
        this.options = options;
        this.log = log;
        this.progress = progress;
    }

    /** Runs everything; returns the report also written to {@code training-log.json}. */
    public Map<String, Object> run() throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom dataRandom = root.split();
        SplittableRandom selectRandom = root.split();
        SplittableRandom initRandom = root.split();

        long start = System.nanoTime();
        List<Trace> pool = new PoolGenerator(Domains.all(), TEACHER.withRechecks(options.rechecks()))
                .generate(options.pool(), dataRandom);
        Files.write(out.resolve(POOL_FILE), pool.stream().map(t -> t.problem().question()).toList());
        S1Vocabulary vocabulary = S1Vocabulary.learn(texts(pool), options.vocab());
        log.printf("pool: %d traces; tokenizer: %d tokens (%.1f s)%n", pool.size(), vocabulary.size(),
                seconds(start));

        // Tokenized once: the baseline draws its problems from these, and selection filters them.
        List<Candidate> candidates = Selection.candidates(pool, vocabulary.tokenizer());
        boolean byLength = options.difficulty() == RecipeOptions.Difficulty.LENGTH;
        // By length, selection needs no model and is made first, so a bad pool shows before half an hour of training.
        Selection lengthSelection = byLength
                ? select(candidates, DifficultyFilter.byLength(LENGTH_QUANTILE), selectRandom) : null;

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("options", options.toString());
        report.put("vocabulary", vocabulary.size());
        RandomModelWriter.Spec s = options.spec();
        // The embedding has a row per token the tokenizer actually learned (the corpus may run out of merges).
        RandomModelWriter.Spec spec = new RandomModelWriter.Spec(s.dim(), s.layers(), s.heads(), s.kvHeads(), s.ffn(),
                vocabulary.size(), s.context());
        report.put("parameters", spec.parameters());
        if (options.reuseBase()) {
            report.put("pretrain", reusedBase());
        } else {
            report.put("pretrain", pretrain(pool, vocabulary, spec, initRandom, report));
        }
        report.put("difficulty", options.difficulty().name().toLowerCase(Locale.ROOT));
        Selection selection = byLength ? lengthSelection
                : select(candidates, DifficultyFilter.byBaseline(baseline(candidates, selectRandom, report)),
                        selectRandom);
        report.put("selected", Map.of("quality", selection.quality().size(), "hard", selection.hard().size(),
                "curated", selection.curated().size(), "random", selection.random().size()));
        report.put("finetune-curated", finetune(selection.curated(), vocabulary, CURATED_MODEL, "s1-mini"));
        report.put("finetune-random", finetune(selection.random(), vocabulary, RANDOM_MODEL, "s1-mini-random"));
        report.put("model-bytes", Files.size(out.resolve(CURATED_MODEL)));
        report.put("total-seconds", seconds(start));
        JSON.writeValue(out.resolve("training-log.json").toFile(), report);
        log.printf("done in %.0f s: %s (%d bytes)%n", seconds(start), out.resolve(CURATED_MODEL),
                Files.size(out.resolve(CURATED_MODEL)));
        return report;
    }

    private Map<String, Object> pretrain(List<Trace> pool, S1Vocabulary vocabulary, RandomModelWriter.Spec spec,
                                         SplittableRandom initRandom, Map<String, Object> report) throws IOException {
        try (TrainableTransformer model = TrainableTransformer.initialize(spec, initRandom)) {
            List<Trace> pretrainPool = options.pretrainOn() == RecipeOptions.PretrainOn.ALL ? pool : easierHalf(pool);
            report.put("pretrain-on", options.pretrainOn().name().toLowerCase(Locale.ROOT));
            report.put("pretrain-traces", pretrainPool.size());
            List<TrainingExample> pretraining = examples(pretrainPool, vocabulary, false);
            Map<String, Object> stage = stage("pretrain", model, pretraining,
                    new TrainingConfig(options.pretrainSteps(), options.batch(), options.learningRate(),
                            Math.max(1, options.pretrainSteps() / 20), 0.01f, 1f, options.seed()));
            GgufExport.write(model, vocabulary, "s1-mini-base", options.out().resolve(BASE_MODEL));
            Files.writeString(options.out().resolve(BASE_KEY), options.pretrainingKey() + "\n");
            return stage;
        }
    }

    /** {@code --reuse-base true}: the base model in {@code out}, if the options it was pretrained with are these. */
    private Map<String, Object> reusedBase() throws IOException {
        Path key = options.out().resolve(BASE_KEY);
        if (!Files.isRegularFile(key) || !Files.isRegularFile(options.out().resolve(BASE_MODEL))) {
            throw new IllegalStateException("--reuse-base true needs " + BASE_MODEL + " and " + BASE_KEY + " in "
                    + options.out() + " from an earlier run; run without --reuse-base first");
        }
        String made = Files.readString(key).strip();
        if (!made.equals(options.pretrainingKey())) {
            throw new IllegalStateException("--reuse-base true, but " + BASE_MODEL + " in " + options.out()
                    + " was pretrained with [" + made + "], not [" + options.pretrainingKey() + "]");
        }
        log.printf("pretrain: reusing %s (%s)%n", options.out().resolve(BASE_MODEL), made);
        return Map.of("reused", true, "key", made);
    }

    private Selection select(List<Candidate> candidates, DifficultyFilter difficulty, SplittableRandom random)
            throws IOException {
        Selection selection = Selection.of(candidates, options.select(), difficulty, random);
        SelectionReport.write(selection, options.out().resolve("selection-stats.json"),
                options.out().resolve("selection-stats.md"));
        log.printf("selection: pool %d -> quality %d -> difficulty %d -> curated %d (random %d)%n",
                selection.pool().size(), selection.quality().size(), selection.hard().size(),
                selection.curated().size(), selection.random().size());
        return selection;
    }

    /**
     * The pretrained model run once, greedy, at the evaluation's generous cap, on {@link RecipeOptions#baselineProblems}
     * quality-filtered candidates drawn uniformly: the problems it gets wrong are the hard ones.
     */
    private ModelBaseline baseline(List<Candidate> candidates, SplittableRandom random, Map<String, Object> report)
            throws IOException {
        List<Candidate> quality = QualityFilter.apply(candidates);
        List<Problem> problems = Selection.uniform(quality, options.baselineProblems(), random).stream()
                .map(c -> c.trace().problem()).toList();
        long start = System.nanoTime();
        int every = Math.max(1, problems.size() / 20);
        ModelBaseline baseline;
        try (LanguageModel model = ModelLoader.load(options.out().resolve(BASE_MODEL))) {
            baseline = ModelBaseline.run(model, problems, BASELINE_CAP, i -> {
                if (progress && ((i + 1) % every == 0 || i + 1 == problems.size())) {
                    log.printf(Locale.ROOT, "baseline: %d/%d problems (%.0f s)%n", i + 1, problems.size(),
                            seconds(start));
                }
            });
        }
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("problems", baseline.attempted());
        stage.put("solved", baseline.solvedCount());
        stage.put("cap", BASELINE_CAP);
        stage.put("seconds", seconds(start));
        report.put("baseline", stage);
        log.printf(Locale.ROOT, "baseline: the pretrained model solves %d of %d (%.1f s)%n", baseline.solvedCount(),
                baseline.attempted(), seconds(start));
        return baseline;
    }

    /** Fine-tunes a fresh copy of the pretrained model on {@code set}, with the same budget for every set. */
    private Map<String, Object> finetune(List<Candidate> set, S1Vocabulary vocabulary, String file, String name)
            throws IOException {
        List<Trace> traces = set.stream().map(Candidate::trace).toList();
        try (TrainableTransformer model = TrainableTransformer.load(options.out().resolve(BASE_MODEL))) {
            Map<String, Object> stage = stage(name, model, examples(traces, vocabulary, true),
                    new TrainingConfig(options.finetuneSteps(), options.batch(), options.finetuneLearningRate(),
                            Math.max(1, options.finetuneSteps() / 10), 0.01f, 1f, options.seed() + 1));
            GgufExport.write(model, vocabulary, name, options.out().resolve(file));
            return stage;
        }
    }

    private Map<String, Object> stage(String name, TrainableTransformer model, List<TrainingExample> examples,
                                      TrainingConfig config) {
        TrainingListener listener = progress ? new ProgressBar(log, name, Math.max(1, config.steps() / 10))
                : TrainingListener.ignoring();
        long start = System.nanoTime();
        List<Float> losses = new Trainer(model, 0).train(examples, config, listener);
        double seconds = seconds(start);
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("examples", examples.size());
        stage.put("steps", config.steps());
        stage.put("batch", config.batchSize());
        stage.put("seconds-per-step", seconds / config.steps());
        stage.put("first-loss", losses.get(0));
        stage.put("last-loss", mean(losses.subList(Math.max(0, losses.size() - 10), losses.size())));
        stage.put("losses", losses);
        log.printf("%s: %d steps, loss %.3f -> %.3f, %.2f s/step%n", name, config.steps(), losses.get(0),
                (Float) stage.get("last-loss"), seconds / config.steps());
        return stage;
    }

    private List<TrainingExample> examples(List<Trace> traces, S1Vocabulary vocabulary, boolean completionOnly) {
        List<TrainingExample> examples = new ArrayList<>(traces.size());
        for (Trace trace : traces) {
            TrainingExample example = TrainingExample.of(trace, vocabulary.tokenizer(), completionOnly,
                    options.slips() == RecipeOptions.Slips.LEARNED);
            if (example.length() <= options.maxTokens()) {
                examples.add(example);
            }
        }
        return examples;
    }

    /** The traces at or below the middle of their domain's difficulty range. */
    static List<Trace> easierHalf(List<Trace> pool) {
        return pool.stream().filter(trace -> {
            Domain domain = Domains.byName(trace.problem().domain()).orElseThrow();
            return trace.problem().difficulty() <= (domain.minDifficulty() + domain.maxDifficulty()) / 2;
        }).toList();
    }

    private static List<String> texts(List<Trace> pool) {
        List<String> texts = new ArrayList<>(pool.size());
        for (Trace trace : pool) {
            texts.add(trace.problem().question() + "\n" + trace.completion());
        }
        return texts;
    }

    private static float mean(List<Float> values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return (float) (sum / values.size());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
