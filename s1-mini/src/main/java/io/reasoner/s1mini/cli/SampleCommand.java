package io.reasoner.s1mini.cli;

import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.PoolGenerator;
import io.reasoner.s1mini.data.Trace;
import java.io.PrintStream;
import java.util.SplittableRandom;

/** Prints sample traces, to see what the model is trained on. */
final class SampleCommand {

    private SampleCommand() {
    }

    static void print(int count, PrintStream out) {
        PoolGenerator generator = new PoolGenerator(Domains.all(), Recipe.TEACHER);
        for (Trace trace : generator.generate(count, new SplittableRandom(7))) {
            out.printf("--- %s d=%d %s%nUSER: %s%nASSISTANT: %s%n", trace.problem().domain(),
                    trace.problem().difficulty(), trace.kind(), trace.problem().question(), trace.completion());
        }
    }
}
