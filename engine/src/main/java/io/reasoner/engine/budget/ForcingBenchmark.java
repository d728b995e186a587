package io.reasoner.engine.budget;

import io.reasoner.engine.decode.Ticker;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BENCHMARK: one-pass budget forcing ({@link BudgetForcer}) against s1's re-submit-per-"Wait" loop
 * ({@link S1ReferenceLoop}) on the same requests: greedy, same budgets, same prompts. Prints milliseconds per
 * request for each, their ratio, and whether both thought the same number of tokens.
 *
 * <pre>
 * java -cp ... io.reasoner.engine.budget.ForcingBenchmark MODEL ROUNDS BUDGETS [FORMAT]
 *   MODEL    a .gguf file or Hugging Face model folder
 *   ROUNDS   timed repetitions of every prompt per budget (after one untimed warm-up)
 *   BUDGETS  comma-separated min:max:extensions, e.g. 300:400:0,0:400:4
 *   FORMAT   plain (default: a newline ends thinking), s1 or think-tags
 * </pre>
 */
public final class ForcingBenchmark {

    private static final List<String> PROMPTS = List.of("Once upon a time", "Lily and her mom",
            "One day, a little dog", "Tom had a red ball");
    private static final int MAX_ANSWER_TOKENS = 32;

    private final LanguageModel model;
    private final ThinkingFormat format;
    private final Ticker ticker;
    private final PrintStream out;

    ForcingBenchmark(LanguageModel model, ThinkingFormat format, Ticker ticker, PrintStream out) {
        this.model = model;
        this.format = format;
        this.ticker = ticker;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ForcingBenchmark MODEL ROUNDS BUDGETS [plain|s1|think-tags]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[1]);
        try (LanguageModel model = ModelLoader.load(Path.of(args[0]))) {
            ThinkingFormat format = format(model.tokenizer(), args.length == 4 ? args[3] : "plain");
            ForcingBenchmark bench = new ForcingBenchmark(model, format, Ticker.system(), System.out);
            bench.printMachine(args[0]);
            for (String spec : args[2].split(",")) {
                bench.run(parseBudget(spec), rounds);
            }
        }
    }

    private static ThinkingFormat format(Tokenizer tokenizer, String name) {
        return switch (name) {
            case "plain" -> ThinkingFormat.plain(tokenizer, "\n");
            case "s1" -> ThinkingFormat.s1(tokenizer);
            case "think-tags" -> ThinkingFormat.thinkTags(tokenizer);
            default -> throw new IllegalArgumentException("format must be plain, s1 or think-tags, was " + name);
        };
    }

    static ThinkingBudget parseBudget(String spec) {
        String[] parts = spec.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("budget must be min:max:extensions, was '" + spec + "'");
        }
        return new ThinkingBudget(Integer.parseInt(parts[1]), Integer.parseInt(parts[0]),
                Integer.parseInt(parts[2]), ThinkingBudget.DEFAULT_EXTENSION_TEXT,
                ThinkingBudget.DEFAULT_FORCED_ANSWER_PREFIX, MAX_ANSWER_TOKENS);
    }

    private void printMachine(String modelPath) {
        out.printf(Locale.ROOT, "model %s (%s), format %s%n", modelPath, model.info().name(), format.name());
        out.printf(Locale.ROOT, "machine: %s %s, %d cores, Java %s%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%-14s %9s %9s %7s %6s %8s %s%n", "budget", "one-pass", "s1-style", "ratio",
                "waits", "thinking", "same thinking tokens");
    }

    /** Interleaves the two loops request by request so drift in the machine affects both alike. */
    void run(ThinkingBudget budget, int rounds) {
        BudgetForcer forcer = new BudgetForcer(model, format);
        S1ReferenceLoop reference = new S1ReferenceLoop(model, format);
        List<int[]> prompts = new ArrayList<>();
        for (String prompt : PROMPTS) {
            prompts.add(model.tokenizer().encode(prompt, true));
        }
        for (int[] prompt : prompts) { // warm-up, untimed
            forcer.generate(ForcingRequest.of(prompt, budget), Sampler.greedy(), ForcingListener.ignoring());
            reference.generate(prompt, budget, Sampler.greedy());
        }
        long onePassNanos = 0;
        long referenceNanos = 0;
        int requests = 0;
        int same = 0;
        long waits = 0;
        long thinking = 0;
        for (int round = 0; round < rounds; round++) {
            for (int[] prompt : prompts) {
                long start = ticker.read();
                ForcingResult onePass = forcer.generate(ForcingRequest.of(prompt, budget), Sampler.greedy(),
                        ForcingListener.ignoring());
                long middle = ticker.read();
                ForcingResult s1 = reference.generate(prompt, budget, Sampler.greedy());
                referenceNanos += ticker.read() - middle;
                onePassNanos += middle - start;
                requests++;
                same += onePass.thinkingTokens() == s1.thinkingTokens() ? 1 : 0;
                waits += onePass.extensionsUsed();
                thinking += onePass.thinkingTokens();
            }
        }
        double onePassMs = onePassNanos / 1e6 / requests;
        double referenceMs = referenceNanos / 1e6 / requests;
        out.printf(Locale.ROOT, "%-14s %7.1fms %7.1fms %6.2fx %6.1f %8.1f %d/%d%n",
                budget.minThinkingTokens() + ":" + budget.maxThinkingTokens() + ":" + budget.extensions(),
                onePassMs, referenceMs, referenceMs / onePassMs, (double) waits / requests,
                (double) thinking / requests, same, requests);
    }
}
