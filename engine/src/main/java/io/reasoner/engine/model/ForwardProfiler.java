package io.reasoner.engine.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Collects where forward passes spend their time, by part of the transformer, for benchmarks: pass one to
 * {@link LoadOptions#withProfiler} and read {@link #snapshot()} after decoding. PyTorch runs CPU ops
 * synchronously, so the wall time between two ops is the cost of the ops between them, fixed per-op costs (JNI,
 * dispatch, DJL bookkeeping) included; on a GPU, where ops only queue, the figures would be meaningless.
 *
 * <p>Thread-safe, but parts overlap when several threads decode at once; profile one decoding thread.
 */
public final class ForwardProfiler {

    /** What a span of the forward pass was doing. */
    public enum Part {
        /** Index, position, RoPE-angle and mask tensors built from the step's layout. */
        INPUTS,
        EMBEDDING,
        /** RMSNorms: before attention, before the feed-forward, and qwen3's per-head q/k norms. */
        NORMS,
        /** The QKV, attention-output, gate/up and down matmuls, which read every layer weight. */
        PROJECTIONS,
        ROPE,
        /** Writing the step's keys and values into the cache. */
        KV_WRITE,
        /** Scores, mask, softmax and the weighted sum of values. */
        ATTENTION,
        /** SiLU and the gating product. */
        ACTIVATION,
        RESIDUAL,
        /** The final norm and the [dim, vocab] output matmul. */
        OUTPUT_HEAD,
        /** Logits from native memory into Java arrays. */
        LOGITS_COPY
    }

    private final LongSupplier nanoClock;
    private final long[] nanos = new long[Part.values().length];
    private long steps;
    private long rows;
    private long arrays;

    /** @param nanoClock nanoseconds from an arbitrary origin, e.g. {@code System::nanoTime} */
    public ForwardProfiler(LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    long now() {
        return nanoClock.getAsLong();
    }

    synchronized void add(long[] stepNanos, int stepRows, int stepArrays) {
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] += stepNanos[i];
        }
        steps++;
        rows += stepRows;
        arrays += stepArrays;
    }

    public synchronized ForwardProfile snapshot() {
        Map<Part, Long> byPart = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            byPart.put(part, nanos[part.ordinal()]);
        }
        return new ForwardProfile(steps, rows, arrays, byPart);
    }

    public synchronized void reset() {
        Arrays.fill(nanos, 0);
        steps = 0;
        rows = 0;
        arrays = 0;
    }
}
