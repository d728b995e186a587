package io.reasoner.policy.topology;

import java.time.Duration;

import io.reasoner.policy.control.ControlParameters;

/**
 * What the topology needs besides the control law's own parameters.
 *
 * @param window                        length of the tumbling windows; the controller steps once per window
 * @param grace                         how long after its end a window still takes late signals; signals reach
 *                                      the aggregate from several tasks through a repartition topic, so slightly
 *                                      out of order, and a window is decided only once its grace has passed
 * @param policyTtl                     a controller policy expires this long after its window, so that workers
 *                                      fall back to requested budgets if the service stops publishing
 * @param outstandingHorizon            a request with no result after this long is dropped from the backlog
 * @param assumedTokensPerSecondPerSlot per-slot decoding speed assumed until a busy worker has reported one
 * @param control                       the control law's parameters
 */
public record PolicySettings(
        Duration window,
        Duration grace,
        Duration policyTtl,
        Duration outstandingHorizon,
        double assumedTokensPerSecondPerSlot,
        ControlParameters control) {

    public PolicySettings {
        positive("window", window);
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be a duration >= 0, was " + grace);
        }
        positive("policyTtl", policyTtl);
        positive("outstandingHorizon", outstandingHorizon);
        if (!(assumedTokensPerSecondPerSlot > 0)) {
            throw new IllegalArgumentException(
                    "assumedTokensPerSecondPerSlot must be > 0, was " + assumedTokensPerSecondPerSlot);
        }
        if (control == null) {
            throw new IllegalArgumentException("control must not be null");
        }
    }

    public static PolicySettings defaults() {
        return new PolicySettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(30), 50.0,
                ControlParameters.defaults());
    }

    public PolicySettings withWindow(Duration window) {
        return new PolicySettings(window, grace, policyTtl, outstandingHorizon, assumedTokensPerSecondPerSlot, control);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
