package io.reasoner.s1mini.train;

/** Told after every step, on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /**
     * @param loss     the step's mean cross-entropy per learned token, in nats
     * @param millis   wall time of the step
     */
    void onStep(int step, int steps, float loss, float learningRate, long millis);

    static TrainingListener ignoring() {
        return (step, steps, loss, learningRate, millis) -> { };
    }
}
