package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a step lays out rows: the part of batching that needs no tensors. */
class StepPlanTest {

    private static final float HIDDEN = Float.NEGATIVE_INFINITY;

    @Test
    void singleTokenRows_comeFirstBySlot_thenChunksInGivenOrder_andLastRowsFollowTheCallersOrder() {
        StepPlan plan = StepPlan.of(List.of(
                new Append(3, 5, new int[] {30}),
                new Append(1, 0, new int[] {10, 11, 12}),
                new Append(0, 2, new int[] {40})));

        assertThat(plan.tokens()).containsExactly(40, 30, 10, 11, 12);
        assertThat(plan.slots()).containsExactly(0, 3, 1, 1, 1);
        assertThat(plan.positions()).containsExactly(2, 5, 0, 1, 2);
        assertThat(plan.singles()).isEqualTo(2);
        assertThat(plan.chunks()).containsExactly(new StepPlan.Chunk(2, 3, 1, 0));
        assertThat(plan.lastRows()).containsExactly(1, 4, 0);
        assertThat(plan.lastRowsAreAllRows()).isFalse();
    }

    @Test
    void singleTokenRows_arePacked_onlyWhenTheyFillTheirSlotRange() {
        StepPlan packed = StepPlan.of(List.of(new Append(2, 0, new int[] {1}), new Append(1, 0, new int[] {1})));
        StepPlan holey = StepPlan.of(List.of(new Append(0, 0, new int[] {1}), new Append(2, 0, new int[] {1})));

        assertThat(packed.packed()).isTrue();
        assertThat(packed.firstSlot()).isEqualTo(1);
        assertThat(packed.span()).isEqualTo(2);
        assertThat(holey.packed()).isFalse();
        assertThat(holey.span()).isEqualTo(3);
        assertThat(holey.singleOffsets()).containsExactly(0, 2);
    }

    @Test
    void singleMask_hidesEachSlotsPositionsPastItsLength_andLetsARowlessSlotSeePositionZeroOnly() {
        StepPlan plan = StepPlan.of(List.of(new Append(0, 2, new int[] {1}), new Append(2, 0, new int[] {1})));

        assertThat(plan.singleLength()).isEqualTo(3);
        assertThat(plan.singleMask()).containsExactly(
                0, 0, 0,
                0, HIDDEN, HIDDEN,
                0, HIDDEN, HIDDEN);
    }

    @Test
    void packedRowsOfEqualLength_needNoMask_butUnequalOrHoleyOnesDo() {
        StepPlan equal = StepPlan.of(List.of(new Append(0, 4, new int[] {1}), new Append(1, 4, new int[] {1})));
        StepPlan unequal = StepPlan.of(List.of(new Append(0, 4, new int[] {1}), new Append(1, 3, new int[] {1})));
        StepPlan holey = StepPlan.of(List.of(new Append(0, 4, new int[] {1}), new Append(2, 4, new int[] {1})));

        assertThat(equal.singlesNeedMask()).isFalse();
        assertThat(unequal.singlesNeedMask()).isTrue();
        assertThat(holey.singlesNeedMask()).isTrue();
    }

    @Test
    void causalMask_letsEachChunkTokenSeeTheCacheAndItsPredecessors() {
        assertThat(StepPlan.causalMask(new StepPlan.Chunk(0, 2, 0, 1))).containsExactly(
                0, 0, HIDDEN,
                0, 0, 0);
    }

    @Test
    void aSlotTwiceInOneStep_isRejected() {
        assertThatThrownBy(() -> StepPlan.of(List.of(new Append(1, 0, new int[] {1}), new Append(1, 1, new int[] {2}))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("each slot may appear once per step, slots were [1, 1]");
    }
}
