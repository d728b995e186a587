package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Rotary position embedding. Pair i of the first {@code d = dimensions} dims of each head is rotated by
 * {@code theta_i = position * base^(-2i/d)}:
 * <pre>
 *   x0' = x0 cos(theta) - x1 sin(theta)
 *   x1' = x0 sin(theta) + x1 cos(theta)
 * </pre>
 * so the dot product of a rotated query and key depends only on their distance. Which dims form a pair is the
 * {@link RopeLayout}. A {@link RopeScaling} replaces the inverse frequencies {@code base^(-2i/d)} and may scale
 * every rotated cos and sin by its attention factor.
 *
 * <p>Computed as {@code x' = x * C + (x @ R) * S}: {@code R} is a fixed signed permutation that sends each pair
 * {@code (x0, x1)} to {@code (-x1, x0)}, and {@code C}, {@code S} hold each pair's cos and sin at both of its dims
 * (1 and 0 at dims past {@code d}, which therefore pass through). Four tensor ops whatever the layout, against a
 * dozen for splitting and re-joining the pairs, which matters because on small models each op's fixed cost
 * dominates the arithmetic. For the same reason it is applied once to the fused query/key/value heads of a
 * layer: the value heads, which must not be rotated, get C = 1 and S = 0 like the pass-through dims.
 */
final class Rope {

    private final int dimensions;
    private final int headDim;
    private final double[] inverseFrequencies;
    private final double attentionFactor;
    private final RopeLayout layout;
    private final int rotatedHeads;
    private final int heads;
    private final DataType dtype;
    private final NDArray rotation;

    /**
     * @param rotatedHeads the leading heads to rotate (queries and keys); heads after them pass through
     * @param heads        heads per token in the arrays given to {@link #apply}
     * @param dtype        the type of the arrays given to {@link #apply}; angles are computed in double and rounded
     *                     to it
     * @param manager      owner of the {@code [headDim, headDim]} rotation matrix (the model's manager)
     */
    Rope(int dimensions, int headDim, float base, RopeLayout layout, int rotatedHeads, int heads, DataType dtype,
         NDManager manager) {
        this(dimensions, headDim, base, RopeScaling.none(), layout, rotatedHeads, heads, dtype, manager);
    }

    /** As the plain constructor, with the inverse frequencies and cos/sin magnitude of {@code scaling}. */
    Rope(int dimensions, int headDim, float base, RopeScaling scaling, RopeLayout layout, int rotatedHeads, int heads,
         DataType dtype, NDManager manager) {
        this.dimensions = dimensions;
        this.headDim = headDim;
        this.inverseFrequencies = scaling.inverseFrequencies(base, dimensions);
        this.attentionFactor = scaling.attentionFactor();
        this.layout = layout;
        this.rotatedHeads = rotatedHeads;
        this.heads = heads;
        this.dtype = dtype;
        float[] r = new float[headDim * headDim];
        for (int i = 0; i < dimensions / 2; i++) {
            int first = first(i);
            int second = second(i);
            r[second * headDim + first] = -1; // output dim `first` takes -x[second]
            r[first * headDim + second] = 1;  // output dim `second` takes x[first]
        }
        NDArray wide = manager.create(r, new Shape(headDim, headDim));
        this.rotation = narrow(wide);
        if (rotation != wide) {
            wide.close();
        }
    }

    private int first(int pair) {
        return layout == RopeLayout.INTERLEAVED ? 2 * pair : pair;
    }

    private int second(int pair) {
        return layout == RopeLayout.INTERLEAVED ? 2 * pair + 1 : pair + dimensions / 2;
    }

    /** C and S for positions {@code [start, start + count)}, each shaped {@code [count, heads, headDim]}. */
    record Angles(NDArray cos, NDArray sin) {
    }

    Angles angles(NDManager manager, int start, int count) {
        int[] positions = new int[count];
        for (int p = 0; p < count; p++) {
            positions[p] = start + p;
        }
        return angles(manager, positions);
    }

    /** C and S for each of {@code positions} (in any order: rows of a batch are at unrelated positions). */
    Angles angles(NDManager manager, int[] positions) {
        int count = positions.length;
        float[] cos = new float[count * heads * headDim];
        float[] sin = new float[count * heads * headDim];
        Arrays.fill(cos, 1f);
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < dimensions / 2; i++) {
                double theta = positions[p] * inverseFrequencies[i];
                float c = (float) (Math.cos(theta) * attentionFactor);
                float s = (float) (Math.sin(theta) * attentionFactor);
                for (int h = 0; h < rotatedHeads; h++) {
                    int row = (p * heads + h) * headDim;
                    cos[row + first(i)] = c;
                    cos[row + second(i)] = c;
                    sin[row + first(i)] = s;
                    sin[row + second(i)] = s;
                }
            }
        }
        Shape shape = new Shape(count, heads, headDim);
        return new Angles(narrow(manager.create(cos, shape)), narrow(manager.create(sin, shape)));
    }

    /** Converts an F32 array built here to the compute dtype (the original is left to its manager's scope). */
    private NDArray narrow(NDArray wide) {
        return dtype == DataType.FLOAT32 ? wide : wide.toType(dtype, false);
    }

    /** Rotates {@code x} shaped {@code [tokens, heads, headDim]}; the result is owned by x's manager. */
    NDArray apply(NDArray x, Angles angles) {
        return x.mul(angles.cos()).add(x.matMul(rotation).mul(angles.sin()));
    }
}
