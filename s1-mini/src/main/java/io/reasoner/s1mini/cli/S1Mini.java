package io.reasoner.s1mini.cli;

import java.util.Arrays;

/**
 * Command line: {@code recipe} reproduces the models from scratch; {@code eval} runs the held-out test set
 * through them with budget forcing; {@code compare} checks its comparisons on a larger draw, with sign tests;
 * {@code sample} prints a few traces.
 *
 * <pre>
 * java -Dai.djl.offline=true -cp ... io.reasoner.s1mini.cli.S1Mini recipe [--seed 1] [--out DIR] [--smoke true] ...
 * java -Dai.djl.offline=true -cp ... io.reasoner.s1mini.cli.S1Mini eval [--models DIR] [--out DIR] [--per-domain 20] ...
 * java -Dai.djl.offline=true -cp ... io.reasoner.s1mini.cli.S1Mini compare [--models DIR] [--per-domain 100] [--also N=PATH]
 * java -cp ... io.reasoner.s1mini.cli.S1Mini sample [COUNT]
 * </pre>
 */
public final class S1Mini {

    private static final String THREADS = "ai.djl.pytorch.num_threads";

    private S1Mini() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: S1Mini recipe [--key value ...] | eval [--key value ...] | compare [--key value ...]"
                    + " | sample [COUNT]");
            System.exit(2);
        }
        // Training multiplies matrices of thousands of rows, which every core speeds up; the engine's default of
        // one thread is for decoding small models. Set before the PyTorch engine loads; an explicit value wins.
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "recipe" -> new Recipe(RecipeOptions.parse(rest), System.out, true).run();
            case "sample" -> SampleCommand.print(rest.length > 0 ? Integer.parseInt(rest[0]) : 5, System.out);
            case "eval" -> EvalOptions.parse(rest).run(System.out);
            case "compare" -> EvalOptions.parseCompare(rest).compare(System.out);
            default -> {
                System.err.println("unknown command '" + args[0] + "' (recipe, eval, compare, sample)");
                System.exit(2);
            }
        }
    }
}
