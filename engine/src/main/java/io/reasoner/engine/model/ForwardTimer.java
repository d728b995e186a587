package io.reasoner.engine.model;

import java.util.function.IntSupplier;

/**
 * Times the parts of one forward pass for a {@link ForwardProfiler}: each {@link #lap} charges the time since the
 * previous lap to a part. Without a profiler every call is a no-op, so the forward pass can lap unconditionally.
 */
final class ForwardTimer {

    private static final ForwardTimer OFF = new ForwardTimer(null);

    private final ForwardProfiler profiler;
    private final long[] nanos;
    private long last;

    private ForwardTimer(ForwardProfiler profiler) {
        this.profiler = profiler;
        this.nanos = profiler == null ? null : new long[ForwardProfiler.Part.values().length];
        this.last = profiler == null ? 0 : profiler.now();
    }

    /** @param profiler where the times go, or null for none */
    static ForwardTimer start(ForwardProfiler profiler) {
        return profiler == null ? OFF : new ForwardTimer(profiler);
    }

    void lap(ForwardProfiler.Part part) {
        if (profiler != null) {
            long now = profiler.now();
            nanos[part.ordinal()] += now - last;
            last = now;
        }
    }

    /** @param arraysCreated how many arrays the step created; asked only when profiling, as counting is slow */
    void finish(int rows, IntSupplier arraysCreated) {
        if (profiler != null) {
            profiler.add(nanos, rows, arraysCreated.getAsInt());
        }
    }
}
