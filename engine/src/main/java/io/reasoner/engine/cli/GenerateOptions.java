package io.reasoner.engine.cli;

import io.reasoner.engine.sampling.SamplingParams;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Parsed arguments of {@link GenerateCommand}.
 *
 * @param prompt text to continue; empty means generate from BOS alone
 * @param seed   seeds the sampler's random generator; irrelevant when greedy
 */
record GenerateOptions(Path model, String prompt, int maxTokens, SamplingParams sampling, long seed) {

    static final String USAGE = """
            usage: GenerateCommand --model PATH [--prompt TEXT] --max-tokens N
                                   [--greedy | --temperature T [--top-p P] [--seed S]]
              --model PATH      a .gguf file or a Hugging Face model folder (llama, qwen2, qwen3)
              --prompt TEXT     text to continue (default: empty, i.e. generate from BOS)
              --max-tokens N    most tokens to generate, N >= 1
              --greedy          always take the most likely token (same as --temperature 0)
              --temperature T   sampling temperature in [0, 2] (default 0.8; 0 = greedy)
              --top-p P         nucleus sampling mass in (0, 1] (default 0.9)
              --seed S          random seed for sampling (default 42)""";

    GenerateOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sampling, "sampling");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        }
    }

    static GenerateOptions parse(String[] args) throws UsageException {
        Path model = null;
        String prompt = "";
        Integer maxTokens = null;
        boolean greedy = false;
        float temperature = 0.8f;
        float topP = 0.9f;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--greedy" -> greedy = true;
                case "--model" -> model = Path.of(value(args, ++i, flag));
                case "--prompt" -> prompt = value(args, ++i, flag);
                case "--max-tokens" -> maxTokens = parseInt(value(args, ++i, flag), flag);
                case "--temperature" -> temperature = parseFloat(value(args, ++i, flag), flag);
                case "--top-p" -> topP = parseFloat(value(args, ++i, flag), flag);
                case "--seed" -> seed = parseLong(value(args, ++i, flag), flag);
                default -> throw new UsageException("unknown argument '" + flag + "'");
            }
        }
        if (model == null) {
            throw new UsageException("--model is required");
        }
        if (maxTokens == null) {
            throw new UsageException("--max-tokens is required");
        }
        if (maxTokens < 1) {
            throw new UsageException("--max-tokens must be >= 1, was " + maxTokens);
        }
        try {
            SamplingParams sampling = greedy ? SamplingParams.GREEDY : new SamplingParams(temperature, topP);
            return new GenerateOptions(model, prompt, maxTokens, sampling, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String value(String[] args, int index, String flag) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(flag + " needs a value");
        }
        return args[index];
    }

    private static int parseInt(String text, String flag) throws UsageException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be an integer, was '" + text + "'");
        }
    }

    private static long parseLong(String text, String flag) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be an integer, was '" + text + "'");
        }
    }

    private static float parseFloat(String text, String flag) throws UsageException {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a number, was '" + text + "'");
        }
    }
}
