package io.reasoner.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final float[] LOGITS = {
        (float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15), (float) Math.log(0.05)};

    @Test
    void greedy_takesTheArgmax_andTheLowestIdOnTies() {
        assertThat(Sampler.greedy().sample(new float[] {0.1f, 3f, -2f, 3f})).isEqualTo(1);
    }

    @Test
    void temperatureZero_meansGreedy() {
        Sampler sampler = Sampler.of(new SamplingParams(0f, 0.9f), new SplittableRandom(1));

        assertThat(IntStream.range(0, 20).map(i -> sampler.sample(LOGITS))).containsOnly(0);
    }

    @Test
    void sameSeed_drawsTheSameTokens_differentSeedDoesNot() {
        SamplingParams params = new SamplingParams(1.0f, 1.0f);

        int[] first = draw(Sampler.of(params, new SplittableRandom(42)), 200);
        int[] again = draw(Sampler.of(params, new SplittableRandom(42)), 200);
        int[] other = draw(Sampler.of(params, new SplittableRandom(43)), 200);

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void fullDistribution_isSampledInProportion() {
        int[] tokens = draw(Sampler.of(new SamplingParams(1.0f, 1.0f), new SplittableRandom(7)), 20_000);

        assertThat(frequency(tokens, 0)).isCloseTo(0.5, within(0.02));
        assertThat(frequency(tokens, 1)).isCloseTo(0.3, within(0.02));
        assertThat(frequency(tokens, 3)).isCloseTo(0.05, within(0.01));
    }

    @Test
    void topP_keepsOnlyTheSmallestSetReachingTheMass() {
        // 0.5 + 0.3 = 0.8 reaches 0.75, so tokens 2 and 3 can never be drawn.
        int[] tokens = draw(Sampler.of(new SamplingParams(1.0f, 0.75f), new SplittableRandom(7)), 5_000);

        assertThat(tokens).containsOnly(0, 1);
        assertThat(frequency(tokens, 0)).isCloseTo(0.5 / 0.8, within(0.03));
    }

    @Test
    void lowTemperature_sharpensTowardsTheArgmax() {
        int[] tokens = draw(Sampler.of(new SamplingParams(0.05f, 1.0f), new SplittableRandom(7)), 1_000);

        assertThat(frequency(tokens, 0)).isGreaterThan(0.99);
    }

    @Test
    void seededDraw_forEachPosition_isSplitMix64JumpedAheadToIt() {
        SplittableRandom stream = new SplittableRandom(42);
        PositionDraws keyed = PositionDraws.keyedBy(42);

        for (int position = 0; position < 100; position++) {
            assertThat(keyed.at(position)).as("position %d", position).isEqualTo(stream.nextDouble());
        }
    }

    @Test
    void seeded_picksTheSameTokenAtAPosition_inWhateverOrderPositionsAreAsked() {
        SamplingParams params = new SamplingParams(1.0f, 0.9f);
        Sampler forward = Sampler.seeded(params, 5);
        Sampler backward = Sampler.seeded(params, 5);

        int[] ascending = IntStream.range(0, 200).map(p -> forward.sample(LOGITS, p)).toArray();
        int[] descending = IntStream.range(0, 200).map(p -> backward.sample(LOGITS, 199 - p)).toArray();
        int[] otherSeed = IntStream.range(0, 200).map(p -> Sampler.seeded(params, 6).sample(LOGITS, p)).toArray();

        assertThat(IntStream.range(0, 200).map(i -> descending[199 - i]).toArray()).containsExactly(ascending);
        assertThat(otherSeed).isNotEqualTo(ascending);
    }

    @Test
    void seeded_samplesTheDistributionInProportion_acrossPositions() {
        Sampler sampler = Sampler.seeded(new SamplingParams(1.0f, 1.0f), 7);

        int[] tokens = IntStream.range(0, 20_000).map(p -> sampler.sample(LOGITS, p)).toArray();

        assertThat(frequency(tokens, 0)).isCloseTo(0.5, within(0.02));
        assertThat(frequency(tokens, 1)).isCloseTo(0.3, within(0.02));
        assertThat(frequency(tokens, 3)).isCloseTo(0.05, within(0.01));
    }

    @Test
    void seededAtTemperatureZero_isGreedy() {
        Sampler sampler = Sampler.seeded(new SamplingParams(0f, 0.5f), 3);

        assertThat(IntStream.range(0, 20).map(p -> sampler.sample(LOGITS, p))).containsOnly(0);
    }

    @Test
    void params_outsideTheirRanges_areRejectedWithTheRange() {
        assertThatThrownBy(() -> new SamplingParams(2.5f, 0.9f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature must be in [0, 2], was 2.5");
        assertThatThrownBy(() -> new SamplingParams(-0.1f, 0.9f))
                .hasMessage("temperature must be in [0, 2], was -0.1");
        assertThatThrownBy(() -> new SamplingParams(1f, 0f)).hasMessage("topP must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new SamplingParams(1f, 1.5f)).hasMessage("topP must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> new SamplingParams(Float.NaN, 1f)).hasMessage("temperature must be in [0, 2], was NaN");
    }

    private static int[] draw(Sampler sampler, int count) {
        return IntStream.range(0, count).map(i -> sampler.sample(LOGITS)).toArray();
    }

    private static double frequency(int[] tokens, int token) {
        return IntStream.of(tokens).filter(t -> t == token).count() / (double) tokens.length;
    }
}
