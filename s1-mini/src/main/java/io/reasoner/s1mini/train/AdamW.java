package io.reasoner.s1mini.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), on NDArrays:
 * <pre>
 *   m = b1 m + (1 - b1) g          v = b2 v + (1 - b2) g^2
 *   w -= lr (m / (1 - b1^t) / (sqrt(v / (1 - b2^t)) + eps) + decay w)
 * </pre>
 * Moments live in {@code stateManager}; every temporary is attached to the step's manager, since DJL would
 * otherwise attach a result to its receiver's (long-lived) manager and leak one array per op per step. Run it
 * outside a gradient collector: the parameter updates must not be recorded.
 */
final class AdamW {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.95f;
    private static final float EPSILON = 1e-8f;

    private final NDManager stateManager;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private int t;

    AdamW(NDManager stateManager) {
        this.stateManager = stateManager;
    }

    /** Starts step t + 1; call once per step before the updates. */
    void nextStep() {
        t++;
    }

    /** @param gradient already clipped, owned by {@code step} */
    void update(NDManager step, String name, NDArray weight, NDArray gradient, float learningRate, float decay) {
        NDArray m = means.computeIfAbsent(name, n -> stateManager.zeros(weight.getShape()));
        NDArray v = variances.computeIfAbsent(name, n -> stateManager.zeros(weight.getShape()));
        m.muli(BETA1).addi(gradient.mul(1 - BETA1));
        v.muli(BETA2).addi(gradient.square().mul(1 - BETA2));
        float corrected1 = (float) (1 - Math.pow(BETA1, t));
        float corrected2 = (float) (1 - Math.pow(BETA2, t));
        NDArray denominator = scoped(step, v.div(corrected2)).sqrt().add(EPSILON);
        NDArray direction = scoped(step, m.div(corrected1)).div(denominator);
        if (decay > 0) {
            direction = direction.add(scoped(step, weight.mul(decay)));
        }
        weight.subi(direction.mul(learningRate));
    }

    private static NDArray scoped(NDManager step, NDArray array) {
        array.attach(step);
        return array;
    }
}
