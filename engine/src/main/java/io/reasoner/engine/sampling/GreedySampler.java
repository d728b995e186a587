package io.reasoner.engine.sampling;

/** Argmax; on ties the lowest id wins, so results do not depend on anything but the logits. */
final class GreedySampler implements Sampler {

    @Override
    public int sample(float[] logits) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty");
        }
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
