package io.reasoner.s1mini.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private static TrainingExample example(int id, int length, int lossFrom) {
        int[] tokens = new int[length];
        tokens[0] = id; // the first token names the example
        for (int i = 1; i < length; i++) {
            tokens[i] = 1000 + i;
        }
        return new TrainingExample(tokens, lossFrom);
    }

    @Test
    void paddingAndPromptPositions_carryNoLoss_andTargetsAreTheNextToken() {
        List<TrainingExample> examples = List.of(example(1, 5, 3), example(2, 3, 1));
        Batches.Batch batch = new Batches(examples, 2, 0, new SplittableRandom(1)).next();

        assertThat(batch.length()).isEqualTo(4);
        for (int b = 0; b < 2; b++) {
            int row = b * batch.length();
            if (batch.inputs()[row] == 1) {
                assertThat(new float[] {batch.weights()[row], batch.weights()[row + 1], batch.weights()[row + 2],
                        batch.weights()[row + 3]}).containsExactly(0, 0, 1, 1);
                assertThat(batch.targets()[row]).isEqualTo(1001);
            } else {
                assertThat(new float[] {batch.weights()[row], batch.weights()[row + 1], batch.weights()[row + 2],
                        batch.weights()[row + 3]}).containsExactly(1, 1, 0, 0);
                assertThat(batch.inputs()[row + 3]).isZero();
            }
        }
        assertThat(batch.lossTokens()).isEqualTo(4);
    }

    @Test
    void skippedTokens_carryNoLoss_butStayInTheInputs() {
        int[] tokens = {7, 1001, 1002, 1003, 1004, 1005};
        Batches.Batch batch = new Batches(List.of(new TrainingExample(tokens, 1, 2, 4)), 1, 0,
                new SplittableRandom(1)).next();

        assertThat(batch.weights()).containsExactly(1, 0, 0, 1, 1);
        assertThat(batch.inputs()).containsExactly(7, 1001, 1002, 1003, 1004);
    }

    @Test
    void everyExample_isSeenOncePerEpoch_inBatchesOfSimilarLength() {
        List<TrainingExample> examples = new ArrayList<>();
        SplittableRandom lengths = new SplittableRandom(2);
        for (int i = 0; i < 256; i++) {
            examples.add(example(i, lengths.nextInt(2, 300), 1));
        }
        Batches batches = new Batches(examples, 8, 0, new SplittableRandom(3));
        Set<Long> seen = new HashSet<>();
        long padded = 0;
        long real = 0;
        for (int b = 0; b < 32; b++) {
            Batches.Batch batch = batches.next();
            for (int i = 0; i < batch.size(); i++) {
                seen.add(batch.inputs()[i * batch.length()]);
            }
            padded += (long) batch.size() * batch.length();
            real += batch.lossTokens();
        }
        assertThat(seen).hasSize(256);
        // Random batches of lengths uniform in [2, 300) would be about half padding.
        assertThat((double) real / padded).isGreaterThan(0.85);
    }
}
