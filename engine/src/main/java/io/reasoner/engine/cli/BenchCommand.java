package io.reasoner.engine.cli;

import io.reasoner.engine.decode.DecodingLoop;
import io.reasoner.engine.decode.GenerationRequest;
import io.reasoner.engine.decode.GenerationResult;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decode-speed benchmark, two ways. With no arguments or flags it runs the batch suite ({@link BatchSuite}):
 * the machine's memory bandwidth, then tokens/s and ms/token for batch sizes 1, 4 and 16 at prompt lengths 16 and
 * 512 on stories260K and a generated ~100M-parameter llama, with the forward pass's profile and the goals met or
 * missed. With a model path first it runs the original single-sequence rounds: greedy decoding from BOS, repeated
 * in one JVM so the effect of JIT warm-up shows. Everything goes to stdout except each model's load report.
 *
 * <pre>java -Dai.djl.offline=true -cp CLASSPATH io.reasoner.engine.cli.BenchCommand [--quick] [--model PATH]...
 * java -Dai.djl.offline=true -cp CLASSPATH io.reasoner.engine.cli.BenchCommand MODEL [TOKENS] [ROUNDS]</pre>
 */
public final class BenchCommand {

    private static final String ROUNDS_USAGE = "usage: BenchCommand MODEL [TOKENS (default 200)] [ROUNDS (default 5)]";

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length > 0 && !args[0].startsWith("--")) {
            return rounds(args, out, err);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            return GenerateCommand.EXIT_USAGE;
        }
        return new BatchSuite(options, out, err, System::nanoTime).run();
    }

    private static int rounds(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path model;
        int tokens;
        int rounds;
        try {
            if (args.length > 3 || !Files.exists(Path.of(args[0]))) {
                throw new IllegalArgumentException("expected an existing model (.gguf file or Hugging Face folder)"
                        + " and up to two numbers");
            }
            model = Path.of(args[0]);
            tokens = args.length > 1 ? Integer.parseInt(args[1]) : 200;
            rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
            if (tokens < 1 || rounds < 1) {
                throw new IllegalArgumentException("TOKENS and ROUNDS must be >= 1, were " + tokens + ", " + rounds);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(ROUNDS_USAGE);
            err.println(BenchOptions.USAGE);
            return GenerateCommand.EXIT_USAGE;
        }
        out.println(machine());
        try (LanguageModel loaded = ModelLoader.load(model)) {
            loaded.loadReport().ifPresent(report -> err.println("loaded " + loaded.info().name() + ": "
                    + report.summary()));
            DecodingLoop loop = new DecodingLoop(loaded);
            GenerationRequest request = new GenerationRequest(new int[] {loaded.info().bosToken()}, tokens);
            for (int round = 1; round <= rounds; round++) {
                GenerationResult result = loop.generate(request, Sampler.greedy(), (token, text) -> true);
                out.println("round " + round + ": " + GenerateCommand.stats(result));
            }
        }
        return GenerateCommand.EXIT_OK;
    }

    static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
