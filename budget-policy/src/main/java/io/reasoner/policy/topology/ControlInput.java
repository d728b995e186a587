package io.reasoner.policy.topology;

/**
 * What reaches the controller, in order: a closed window, or an operator setting or clearing an override. Passed
 * between processors of one task only, never serialized.
 */
record ControlInput(long windowStartMs, long windowEndMs, WindowLoad load, String tier, PolicyOverride override) {

    static ControlInput window(long startMs, long endMs, WindowLoad load) {
        return new ControlInput(startMs, endMs, load, null, null);
    }

    /** {@code override} null clears the tier's override. */
    static ControlInput override(String tier, PolicyOverride override) {
        return new ControlInput(0, 0, null, tier, override);
    }

    boolean isWindow() {
        return load != null;
    }
}
