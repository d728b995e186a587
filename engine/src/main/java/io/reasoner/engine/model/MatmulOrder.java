package io.reasoner.engine.model;

/**
 * Which operand order the forward pass's weight products take on a CPU: {@code x @ w} directly, or
 * {@code (w^T @ x^T)^T}. The product is the same; the speed is not, and which order wins depends on the BLAS
 * build, the CPU and the shapes (see {@link Projection}). A GPU always takes the direct order.
 */
public enum MatmulOrder {
    /** Timed at load, per weight shape and row count, on this machine; the default. */
    MEASURED,
    /** Always {@code x @ w}. */
    DIRECT,
    /** Always the flipped order for products of two rows or more: for tests of that path and for comparison. */
    FLIPPED
}
