package io.reasoner.s1mini.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.s1mini.cli.Recipe;
import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.PoolGenerator;
import io.reasoner.s1mini.data.Trace;
import io.reasoner.s1mini.data.TraceGenerator;
import io.reasoner.s1mini.vocab.S1Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainingExampleTest {

    private static List<Trace> pool;
    private static Tokenizer tokenizer;

    @BeforeAll
    static void learn() {
        pool = new PoolGenerator(Domains.all(), Recipe.TEACHER.withRechecks(TraceGenerator.Rechecks.COLUMNS))
                .generate(1500, new SplittableRandom(5));
        tokenizer = S1Vocabulary.learn(pool.stream().map(Trace::completion).toList(), 450).tokenizer();
    }

    @Test
    void maskedSlips_skipExactlyTheSlipsTokens_andLearnEverythingElseOfTheCompletion() {
        int withSlip = 0;
        for (Trace trace : pool) {
            TrainingExample learned = TrainingExample.of(trace, tokenizer, true, true);
            TrainingExample masked = TrainingExample.of(trace, tokenizer, true, false);
            assertThat(masked.tokens()).isEqualTo(learned.tokens());
            assertThat(learned.skipTo()).isEqualTo(learned.skipFrom());
            if (!trace.hasSlip()) {
                assertThat(masked.skipTo()).isEqualTo(masked.skipFrom());
                continue;
            }
            withSlip++;
            int[] skipped = Arrays.copyOfRange(masked.tokens(), masked.skipFrom(), masked.skipTo());
            assertThat(tokenizer.decode(skipped)).isEqualTo(trace.completion().substring(trace.slipFrom(),
                    trace.slipTo()));
            assertThat(masked.learned(masked.skipFrom() - 1)).isTrue();
            assertThat(masked.learned(masked.skipFrom())).isFalse();
            assertThat(masked.learned(masked.skipTo() - 1)).isFalse();
            assertThat(masked.learned(masked.skipTo())).as("the newline after the slip, then Wait").isTrue();
            assertThat(tokenizer.decode(Arrays.copyOfRange(masked.tokens(), masked.skipTo(), masked.skipTo() + 3)))
                    .startsWith("\nWait");
        }
        assertThat(withSlip).as("about 30% of the teacher's traces slip").isBetween(300, 600);
    }

    @Test
    void pretrainingExamples_learnThePromptToo_exceptAMaskedSlip() {
        Trace trace = pool.stream().filter(Trace::hasSlip).findFirst().orElseThrow();
        TrainingExample masked = TrainingExample.of(trace, tokenizer, false, false);

        assertThat(masked.lossFrom()).isEqualTo(1);
        assertThat(masked.learned(1)).isTrue();
        assertThat(masked.skipTo()).isGreaterThan(masked.skipFrom());
    }

    @Test
    void aSkippedStretchOutsideTheTokens_isRejected() {
        assertThatThrownBy(() -> new TrainingExample(new int[] {1, 2, 3}, 1, 2, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skipped tokens [2, 4) are not within 3 tokens");
    }
}
