package io.reasoner.engine.model;

import java.util.Map;
import java.util.Objects;

/**
 * Time spent in forward passes since the {@link ForwardProfiler} was created or reset.
 *
 * @param steps         forward passes
 * @param rows          tokens run through them (a decode step of batch B is B rows)
 * @param arraysCreated NDArrays the passes created: about one per tensor op, each of which pays a fixed cost
 *                      (JNI call, PyTorch dispatch, DJL bookkeeping) whatever its size
 * @param nanosByPart   wall time per part, in nanoseconds
 */
public record ForwardProfile(long steps, long rows, long arraysCreated, Map<ForwardProfiler.Part, Long> nanosByPart) {

    public ForwardProfile {
        nanosByPart = Map.copyOf(Objects.requireNonNull(nanosByPart, "nanosByPart"));
    }

    public long totalNanos() {
        return nanosByPart.values().stream().mapToLong(Long::longValue).sum();
    }
}
