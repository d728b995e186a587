package io.reasoner.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsed arguments of {@link BenchCommand}'s batch suite.
 *
 * @param models  models to measure (GGUF files or Hugging Face folders); empty means the default pair,
 *                stories260K and a generated ~100M-parameter llama
 * @param quick   prompt length 16 only and fewer decode steps: a smoke run of a minute or so
 * @param steps   decode steps per configuration, or 0 for the default (more for small models, whose steps are
 *                short and noisy)
 */
record BenchOptions(List<Path> models, boolean quick, int steps) {

    static final String USAGE = """
            usage: BenchCommand [--quick] [--model PATH]... [--steps N]
                   BenchCommand MODEL [TOKENS] [ROUNDS]      (one sequence, DecodingLoop, per-round lines)
              --model PATH   a .gguf file or a Hugging Face model folder (repeatable); default: stories260K
                             (../shared/models beside the repository) and a generated ~100M-parameter llama
              --quick        prompt length 16 only, fewer steps
              --steps N      decode steps per configuration, N >= 1""";

    BenchOptions {
        models = List.copyOf(models);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, was " + steps);
        }
    }

    static BenchOptions parse(String[] args) throws UsageException {
        List<Path> models = new ArrayList<>();
        boolean quick = false;
        int steps = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--model" -> models.add(existing(value(args, ++i, "--model")));
                case "--steps" -> steps = positive(value(args, ++i, "--steps"));
                default -> throw new UsageException("unknown argument '" + args[i] + "'");
            }
        }
        return new BenchOptions(models, quick, steps);
    }

    private static Path existing(String text) throws UsageException {
        Path path = Path.of(text);
        if (!Files.exists(path)) {
            throw new UsageException("--model not found: " + path);
        }
        return path;
    }

    private static int positive(String text) throws UsageException {
        try {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw new UsageException("--steps must be >= 1, was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--steps must be an integer, was '" + text + "'");
        }
    }

    private static String value(String[] args, int index, String flag) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(flag + " needs a value");
        }
        return args[index];
    }
}
