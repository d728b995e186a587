package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding. Pair i of the first {@code d = dimensions} dims of each head is rotated by
 * {@code theta = position * base^(-2i/d)}:
 * <pre>
 *   x0' = x0 cos(theta) - x1 sin(theta)
 *   x1' = x0 sin(theta) + x1 cos(theta)
 * </pre>
 * so the dot product of a rotated query and key depends only on their distance. Which dims form a pair is the
 * {@link RopeLayout}.
 */
final class Rope {

    private final int dimensions;
    private final float base;
    private final RopeLayout layout;

    Rope(int dimensions, float base, RopeLayout layout) {
        this.dimensions = dimensions;
        this.base = base;
        this.layout = layout;
    }

    /** cos and sin of theta for positions {@code [start, start + count)}, each shaped {@code [count, 1, d/2]}. */
    record Angles(NDArray cos, NDArray sin) {
    }

    Angles angles(NDManager manager, int start, int count) {
        int half = dimensions / 2;
        float[] cos = new float[count * half];
        float[] sin = new float[count * half];
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < half; i++) {
                double theta = (start + p) * Math.pow(base, -2.0 * i / dimensions);
                cos[p * half + i] = (float) Math.cos(theta);
                sin[p * half + i] = (float) Math.sin(theta);
            }
        }
        Shape shape = new Shape(count, 1, half);
        return new Angles(manager.create(cos, shape), manager.create(sin, shape));
    }

    /** Rotates {@code x} shaped {@code [tokens, heads, headDim]}; dims past {@code d} pass through unchanged. */
    NDArray apply(NDArray x, Angles angles) {
        long headDim = x.getShape().get(2);
        NDArray rotary = dimensions == headDim ? x : x.get(new NDIndex("..., :{}", dimensions));
        NDArray rotated = switch (layout) {
            case INTERLEAVED -> interleaved(rotary, angles);
            case NEOX -> neox(rotary, angles);
        };
        return dimensions == headDim ? rotated : rotated.concat(x.get(new NDIndex("..., {}:", dimensions)), -1);
    }

    private static NDArray interleaved(NDArray x, Angles angles) {
        Shape shape = x.getShape();
        NDArray pairs = x.reshape(shape.get(0), shape.get(1), shape.get(2) / 2, 2);
        NDArray x0 = pairs.get(new NDIndex("..., 0"));
        NDArray x1 = pairs.get(new NDIndex("..., 1"));
        return rotate(x0, x1, angles, true).reshape(shape);
    }

    private static NDArray neox(NDArray x, Angles angles) {
        long half = x.getShape().get(2) / 2;
        NDArray x0 = x.get(new NDIndex("..., :{}", half));
        NDArray x1 = x.get(new NDIndex("..., {}:", half));
        return rotate(x0, x1, angles, false);
    }

    /** Applies the rotation and re-joins the halves: stacked as pairs (interleaved) or concatenated (NeoX). */
    private static NDArray rotate(NDArray x0, NDArray x1, Angles angles, boolean asPairs) {
        NDArray r0 = x0.mul(angles.cos()).sub(x1.mul(angles.sin()));
        NDArray r1 = x0.mul(angles.sin()).add(x1.mul(angles.cos()));
        return asPairs ? r0.stack(r1, -1) : r0.concat(r1, -1);
    }
}
