package io.reasoner.s1mini.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.model.RandomModelWriter;
import io.reasoner.engine.model.TrainableTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final RandomModelWriter.Spec MICRO = new RandomModelWriter.Spec(16, 1, 2, 1, 32, 300, 64);

    /** Four fixed sequences of a repeating pattern: easy to overfit, so the loss must fall fast. */
    private static List<TrainingExample> examples() {
        List<TrainingExample> examples = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            int[] tokens = new int[24];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = 10 + e + (i % 3) * 7;
            }
            examples.add(new TrainingExample(tokens, 1));
        }
        return examples;
    }

    private static List<Float> train(long seed) {
        try (TrainableTransformer model = TrainableTransformer.initialize(MICRO, new SplittableRandom(seed))) {
            return new Trainer(model, 0).train(examples(), new TrainingConfig(30, 4, 1e-2f, 3, 0f, 1f, seed),
                    TrainingListener.ignoring());
        }
    }

    @Test
    void loss_fallsOnARepeatedPattern() {
        List<Float> losses = train(1);

        assertThat(losses.get(losses.size() - 1)).isLessThan(0.5f * losses.get(0));
    }

    @Test
    void sameSeed_givesTheSameLossCurve() {
        assertThat(train(2)).containsExactlyElementsOf(train(2));
    }

    @Test
    void evaluatedLoss_afterTraining_isBelowTheUntrainedOne() {
        try (TrainableTransformer model = TrainableTransformer.initialize(MICRO, new SplittableRandom(3))) {
            Trainer trainer = new Trainer(model, 0);
            float before = trainer.loss(examples(), 4);
            trainer.train(examples(), new TrainingConfig(30, 4, 1e-2f, 3, 0f, 1f, 3), TrainingListener.ignoring());
            assertThat(trainer.loss(examples(), 4)).isLessThan(0.5f * before);
        }
    }
}
