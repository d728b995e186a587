package io.reasoner.engine.sampling;

/**
 * @param temperature divides the logits before softmax: below 1 sharpens, above 1 flattens; 0 means greedy.
 *                    In [0, 2].
 * @param topP        keep the smallest set of most likely tokens whose probabilities sum to at least topP
 *                    (nucleus sampling); 1 keeps everything. In (0, 1].
 */
public record SamplingParams(float temperature, float topP) {

    public static final SamplingParams GREEDY = new SamplingParams(0f, 1f);

    public SamplingParams {
        if (!(temperature >= 0f && temperature <= 2f)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
        }
        if (!(topP > 0f && topP <= 1f)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
    }

    public boolean isGreedy() {
        return temperature == 0f;
    }
}
