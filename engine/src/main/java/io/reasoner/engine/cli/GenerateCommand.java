package io.reasoner.engine.cli;

import io.reasoner.engine.decode.DecodingLoop;
import io.reasoner.engine.decode.GenerationRequest;
import io.reasoner.engine.decode.GenerationResult;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates text from a model (a GGUF file or a Hugging Face model folder), printing each token's text to stdout
 * as it is decoded, and to stderr the model's load report first and one stats line at the end. Exit status: 0 on
 * success, 2 for bad arguments, 1 when the model cannot be loaded or run.
 *
 * <pre>java -Dai.djl.offline=true -cp CLASSPATH io.reasoner.engine.cli.GenerateCommand \
 *     --model stories260K.gguf --max-tokens 200 --greedy</pre>
 */
public final class GenerateCommand {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.exit(run(args, out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        GenerateOptions options;
        try {
            options = GenerateOptions.parse(args);
            if (!Files.exists(options.model())) {
                throw new UsageException("--model not found: " + options.model()
                        + " (expected a .gguf file or a Hugging Face model folder)");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(GenerateOptions.USAGE);
            return EXIT_USAGE;
        }
        try (LanguageModel model = ModelLoader.load(options.model())) {
            model.loadReport().ifPresent(report -> err.println("loaded " + model.info().name() + ": "
                    + report.summary()));
            GenerationResult result = generate(model, options, out);
            out.println();
            out.flush();
            err.println(stats(result));
            return EXIT_OK;
        } catch (Exception e) {
            out.flush();
            err.println("error: " + e);
            return EXIT_FAILURE;
        }
    }

    private static GenerationResult generate(LanguageModel model, GenerateOptions options, PrintStream out) {
        int[] prompt = model.tokenizer().encode(options.prompt());
        Sampler sampler = Sampler.of(options.sampling(), new SplittableRandom(options.seed()));
        return new DecodingLoop(model).generate(new GenerationRequest(prompt, options.maxTokens()), sampler,
                (token, text) -> {
                    out.print(text);
                    out.flush();
                    return true;
                });
    }

    static String stats(GenerationResult result) {
        return String.format(Locale.ROOT,
                "prompt_tokens=%d generated_tokens=%d stop=%s prefill_ms=%.1f decode_tokens_per_s=%.1f"
                        + " ms_per_token=%.2f",
                result.promptTokens(), result.generatedTokens(), result.stopReason(),
                result.prefillTime().toNanos() / 1e6, result.decodeTokensPerSecond(), result.millisPerToken());
    }
}
