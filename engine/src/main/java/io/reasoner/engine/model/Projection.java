package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code x @ w} for activations {@code x [rows, in]} and a contiguous weight {@code w [in, out]}, computed as
 * {@code (w^T @ x^T)^T} when that is faster on this machine. The product is the same, but MKL picks its kernels
 * by operand shape and layout, and on small batches the two orders differ a lot, in a direction that depends on
 * the CPU. Measured with PyTorch 2.7.1's MKL and 2 threads, a 110M-parameter model at 16 rows: on a 2-core AMD
 * EPYC the flipped order took 82 ms for the projections against 108 ms direct (output head 17 against 31 ms);
 * on a 2-core Intel Xeon with AVX-512 it took twice as long as direct (768 x 2048: 0.82 against 0.44 ms; output
 * head 19 against 7.4 ms). At 4-12 rows flipped was slower on both. No fixed rule serves both machines, so
 * {@link MatmulOrder#MEASURED} times both orders at load, for each weight shape at row counts 2, 4, ..., 256, and
 * flips a row count only where that was clearly faster.
 */
final class Projection {

    /** Measured row counts: powers of two up to this; a count takes the decision of the power of two below it. */
    static final int MAX_MEASURED_ROWS = 256;
    /** Flipped must beat direct by this factor: a closer call is within this machine's run-to-run noise. */
    static final double CLEAR_WIN = 0.85;
    /** Once one product of a shape takes longer than this, its larger row counts are left direct, unmeasured. */
    static final long MEASURE_LIMIT_NANOS = 20_000_000L;
    private static final int ROUNDS = 3;
    private static final int BUCKETS = Integer.numberOfTrailingZeros(MAX_MEASURED_ROWS) + 1;

    private final MatmulOrder order;
    /** Per weight shape {@code [in, out]}: whether row count 2^i flips, for i in [0, BUCKETS). */
    private final Map<Shape, boolean[]> flips;

    private Projection(MatmulOrder order, Map<Shape, boolean[]> flips) {
        this.order = order;
        this.flips = flips;
    }

    /** Always direct: on a GPU (cuBLAS takes either operand order natively), or where no step runs. */
    static Projection direct() {
        return new Projection(MatmulOrder.DIRECT, Map.of());
    }

    /**
     * The products of {@code weights} in the order {@code order} says; for {@link MatmulOrder#MEASURED} on a CPU,
     * timed here: 0.6-0.8 s for a 100M-parameter model on 2 cores.
     *
     * @param weights the {@code [in, out]} matrices the pass multiplies by; one of each shape is timed
     */
    static Projection of(MatmulOrder order, NDManager manager, Collection<NDArray> weights, DataType dtype) {
        if (manager.getDevice().isGpu() || order == MatmulOrder.DIRECT) {
            return direct();
        }
        if (order == MatmulOrder.FLIPPED) {
            return new Projection(MatmulOrder.FLIPPED, Map.of());
        }
        Map<Shape, boolean[]> flips = new LinkedHashMap<>();
        for (NDArray weight : weights) {
            if (!flips.containsKey(weight.getShape())) {
                flips.put(weight.getShape(), measure(manager, weight, dtype));
            }
        }
        return new Projection(MatmulOrder.MEASURED, flips);
    }

    /** Whether {@code x @ w} takes the flipped order. */
    boolean flipped(NDArray x, NDArray w) {
        long rows = x.getShape().get(0);
        if (rows < 2 || order == MatmulOrder.DIRECT) {
            return false;
        }
        if (order == MatmulOrder.FLIPPED) {
            return true;
        }
        boolean[] byBucket = flips.get(w.getShape());
        int bucket = 63 - Long.numberOfLeadingZeros(rows);
        return byBucket != null && bucket < byBucket.length && byBucket[bucket];
    }

    /**
     * {@code [rows, out]}, contiguous. A flipped product is copied back to row-major order: left as a transposed
     * view, every later op would inherit its strides (reshape keeps them where it can, elementwise ops preserve
     * them), and measured at 16 rows the RoPE and attention ops alone then took 3x as long, more than the flip
     * saves.
     */
    NDArray apply(NDManager step, NDArray x, NDArray w) {
        return flipped(x, w) ? flippedProduct(step, x, w) : x.matMul(w);
    }

    /** {@code (x @ w)^T = w^T @ x^T}, {@code [out, rows]}, contiguous, owned by {@code step}. */
    static NDArray transposed(NDManager step, NDArray x, NDArray w) {
        // The view of the weight starts out in the model's manager; moved to the step's, it and the product
        // (which DJL attaches to its receiver's manager) die with the step.
        NDArray weightView = w.transpose();
        weightView.attach(step);
        return weightView.matMul(x.transpose());
    }

    /** One line for the load log and the benchmark: which shapes flip at which row counts. */
    String describe() {
        if (order != MatmulOrder.MEASURED) {
            return order == MatmulOrder.DIRECT ? "direct" : "flipped from 2 rows";
        }
        List<String> flipping = new ArrayList<>();
        flips.forEach((shape, byBucket) -> {
            List<String> rows = new ArrayList<>();
            for (int bucket = 0; bucket < byBucket.length; bucket++) {
                if (byBucket[bucket]) {
                    rows.add(Integer.toString(1 << bucket));
                }
            }
            if (!rows.isEmpty()) {
                flipping.add(String.format(Locale.ROOT, "%dx%d at %s rows", shape.get(0), shape.get(1),
                        String.join("/", rows)));
            }
        });
        return flipping.isEmpty() ? "measured: direct for every shape"
                : "measured: flipped for " + String.join(", ", flipping) + "; direct otherwise";
    }

    private static NDArray flippedProduct(NDManager step, NDArray x, NDArray w) {
        // flatten() cannot view a transposed array, so it copies it into row-major order.
        return transposed(step, x, w).transpose().flatten().reshape(x.getShape().get(0), -1);
    }

    /** Row count 2^i flips where the flipped order was clearly faster, best of {@value #ROUNDS} interleaved runs. */
    private static boolean[] measure(NDManager manager, NDArray weight, DataType dtype) {
        boolean[] byBucket = new boolean[BUCKETS];
        for (int bucket = 1; bucket < BUCKETS; bucket++) {
            int rows = 1 << bucket;
            long direct = Long.MAX_VALUE;
            long flipped = Long.MAX_VALUE;
            try (NDManager probe = manager.newSubManager()) {
                NDArray x = probe.randomNormal(new Shape(rows, weight.getShape().get(0))).toType(dtype, false);
                time(probe, x, weight, false);
                time(probe, x, weight, true);
                for (int round = 0; round < ROUNDS; round++) {
                    direct = Math.min(direct, time(probe, x, weight, false));
                    flipped = Math.min(flipped, time(probe, x, weight, true));
                }
            }
            byBucket[bucket] = flipped < CLEAR_WIN * direct;
            if (Math.max(direct, flipped) > MEASURE_LIMIT_NANOS) {
                break;
            }
        }
        return byBucket;
    }

    private static long time(NDManager probe, NDArray x, NDArray weight, boolean flip) {
        try (NDManager run = probe.newSubManager()) {
            long start = System.nanoTime();
            NDArray product = flip ? flippedProduct(run, x, weight) : x.matMul(weight);
            product.attach(run);
            return System.nanoTime() - start;
        }
    }
}
