package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The tensors a forward step derives from its {@link StepPlan}, created once in the step's manager and shared by
 * every layer (indices, RoPE angles, masks), so each layer adds no host-to-tensor copies of its own.
 *
 * @param singleMask    {@code [span, 1, 1, length]}, broadcast over heads; null without single-token rows or when
 *                      they need none ({@link StepPlan#singlesNeedMask()})
 * @param singleOffsets each single-token row's slot relative to the first, to scatter queries into the slot range
 *                      and gather outputs back; null when the rows are packed (or absent)
 * @param chunkMasks    one {@code [count, start + count]} causal mask per chunk
 * @param lastRows      rows whose logits are wanted, in the callers' order; null when that is every row in order
 */
record StepTensors(StepPlan plan, NDArray tokenIndex, NDArray slotIndex, NDArray positionIndex, Rope.Angles angles,
                   NDArray singleMask, NDArray singleOffsets, List<NDArray> chunkMasks, NDArray lastRows) {

    static StepTensors create(NDManager step, StepPlan plan, Rope rope, DataType dtype) {
        NDArray singleMask = null;
        NDArray singleOffsets = null;
        if (plan.singles() > 0 && plan.singlesNeedMask()) {
            singleMask = step.create(plan.singleMask(), new Shape(plan.span(), 1, 1, plan.singleLength()))
                    .toType(dtype, false);
        }
        if (plan.singles() > 0 && !plan.packed()) {
            singleOffsets = step.create(plan.singleOffsets());
        }
        List<NDArray> chunkMasks = new ArrayList<>(plan.chunks().size());
        for (StepPlan.Chunk chunk : plan.chunks()) {
            chunkMasks.add(step.create(StepPlan.causalMask(chunk), new Shape(chunk.count(), chunk.start()
                    + chunk.count())).toType(dtype, false));
        }
        return new StepTensors(plan,
                step.create(plan.tokens()),
                step.create(plan.slots()),
                step.create(plan.positions()),
                rope.angles(step, plan.positionsAsInts()),
                singleMask,
                singleOffsets,
                chunkMasks,
                plan.lastRowsAreAllRows() ? null : step.create(plan.lastRows()));
    }
}
