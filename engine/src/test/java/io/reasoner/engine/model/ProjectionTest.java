package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operand-order choice of the weight products. Which order a measured projection picks depends on the
 * machine, so these tests check what holds everywhere: both orders give the same product, the rule's bounds,
 * and that only the shapes given are measured.
 */
class ProjectionTest {

    private static final float TOLERANCE = 1e-4f;

    @Test
    void bothOrders_giveTheSameProduct() {
        try (NDManager manager = TorchRuntime.newManager(0)) {
            NDArray w = manager.randomNormal(new Shape(48, 80));
            NDArray x = manager.randomNormal(new Shape(16, 48));
            Projection flipped = Projection.of(MatmulOrder.FLIPPED, manager, List.of(w), DataType.FLOAT32);
            Projection direct = Projection.of(MatmulOrder.DIRECT, manager, List.of(w), DataType.FLOAT32);

            NDArray viaFlip = flipped.apply(manager, x, w);
            NDArray viaDirect = direct.apply(manager, x, w);

            assertThat(flipped.flipped(x, w)).isTrue();
            assertThat(direct.flipped(x, w)).isFalse();
            assertThat(viaFlip.getShape()).isEqualTo(new Shape(16, 80));
            assertThat(viaFlip.allClose(viaDirect, TOLERANCE, TOLERANCE, false)).isTrue();
        }
    }

    @Test
    void singleRowsAndRowsPastTheMeasuredRange_neverFlip() {
        try (NDManager manager = TorchRuntime.newManager(0)) {
            NDArray w = manager.randomNormal(new Shape(32, 64));
            Projection measured = Projection.of(MatmulOrder.MEASURED, manager, List.of(w), DataType.FLOAT32);
            Projection flipped = Projection.of(MatmulOrder.FLIPPED, manager, List.of(w), DataType.FLOAT32);

            NDArray one = manager.zeros(new Shape(1, 32));
            NDArray many = manager.zeros(new Shape(2L * Projection.MAX_MEASURED_ROWS, 32));

            assertThat(measured.flipped(one, w)).isFalse();
            assertThat(flipped.flipped(one, w)).isFalse();
            assertThat(measured.flipped(many, w)).isFalse();
        }
    }

    @Test
    void measured_timesOnlyTheShapesGiven_andLeavesOthersDirect() {
        try (NDManager manager = TorchRuntime.newManager(0)) {
            NDArray w = manager.randomNormal(new Shape(32, 64));
            NDArray other = manager.randomNormal(new Shape(64, 32));
            Projection measured = Projection.of(MatmulOrder.MEASURED, manager, List.of(w), DataType.FLOAT32);

            for (int rows = 2; rows <= Projection.MAX_MEASURED_ROWS; rows *= 2) {
                NDArray x = manager.zeros(new Shape(rows, 64));
                assertThat(measured.flipped(x, other)).as("unmeasured shape at %d rows", rows).isFalse();
            }
            assertThat(measured.describe()).startsWith("measured: ").doesNotContain("64x32");
        }
    }

    @Test
    void direct_describesItself() {
        try (NDManager manager = TorchRuntime.newManager(0)) {
            NDArray w = manager.randomNormal(new Shape(8, 8));

            assertThat(Projection.of(MatmulOrder.DIRECT, manager, List.of(w), DataType.FLOAT32).describe())
                    .isEqualTo("direct");
            assertThat(Projection.direct().describe()).isEqualTo("direct");
        }
    }
}
