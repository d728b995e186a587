package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * {@code x @ w} for activations {@code x [rows, in]} and a contiguous weight {@code w [in, out]}, computed as
 * {@code (w^T @ x^T)^T} when that is faster: the product is the same, but MKL picks its kernels by operand shape
 * and layout, and on small batches the two orders differ a lot. Measured with PyTorch 2.7.1's MKL on a 2-core AMD
 * EPYC, 2 threads, a 110M-parameter model's projections alone: at 16 rows 82 ms flipped against 108 ms direct
 * (output head 17 against 31 ms), at 32 rows 98 against 108, at 64 rows 116 against 144; at 4-12 rows flipped is
 * 1.1-8x slower, at 512 rows slightly slower; with 1 thread the two are within 5% from 16 rows up. Hence the
 * window. Whole decode steps of that model, the two orders interleaved in one process (this machine's timings
 * drift by tens of percent from minute to minute): median 100-103 against 107-111 ms at 16 rows, 182 against
 * 224 ms at 32, 333 against 360 ms at 64.
 */
final class Projection {

    static final int FLIP_MIN_ROWS = 16;
    static final int FLIP_MAX_ROWS = 256;

    private Projection() {
    }

    /** On a CPU only: the window is MKL's; cuBLAS takes either operand order natively. */
    static boolean flipped(NDArray x) {
        long rows = x.getShape().get(0);
        return rows >= FLIP_MIN_ROWS && rows <= FLIP_MAX_ROWS && !x.getDevice().isGpu();
    }

    /**
     * {@code [rows, out]}, contiguous. A flipped product is copied back to row-major order: left as a transposed
     * view, every later op would inherit its strides (reshape keeps them where it can, elementwise ops preserve
     * them), and measured at 16 rows the RoPE and attention ops alone then took 3x as long, more than the flip
     * saves.
     */
    static NDArray apply(NDManager step, NDArray x, NDArray w) {
        if (!flipped(x)) {
            return x.matMul(w);
        }
        // flatten() cannot view a transposed array, so it copies it into row-major order.
        return transposed(step, x, w).transpose().flatten().reshape(x.getShape().get(0), -1);
    }

    /** {@code (x @ w)^T = w^T @ x^T}, {@code [out, rows]}, contiguous, owned by {@code step}. */
    static NDArray transposed(NDManager step, NDArray x, NDArray w) {
        // The view of the weight starts out in the model's manager; moved to the step's, it and the product
        // (which DJL attaches to its receiver's manager) die with the step.
        NDArray weightView = w.transpose();
        weightView.attach(step);
        return weightView.matMul(x.transpose());
    }
}
