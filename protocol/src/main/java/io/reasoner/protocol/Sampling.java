package io.reasoner.protocol;

/**
 * Sampling settings. A temperature of 0 means greedy decoding (argmax), which is deterministic.
 *
 * @param temperature softmax temperature in [0, 2]
 * @param topP        nucleus mass in (0, 1]
 * @param seed        seed of the sampler's random generator; null lets the worker pick one
 */
public record Sampling(double temperature, double topP, Long seed) {

    public static final Sampling GREEDY = new Sampling(0.0, 1.0, null);

    public Sampling {
        Checks.inRange("temperature", temperature, 0.0, 2.0);
        if (!(topP > 0.0 && topP <= 1.0)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
    }

    public boolean greedy() {
        return temperature == 0.0;
    }
}
