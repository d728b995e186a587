package io.reasoner.engine.cli;

import io.reasoner.engine.model.MachineProbe;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The machine's ceilings, measured in the same run as the benchmark: memory bandwidth through PyTorch (what the
 * forward pass uses) and through Java, and the fixed cost of one tensor op.
 *
 * @param torchReadGbPerSecond  summing a 1 GiB F32 tensor: bytes read per second, the figure that bounds a decode
 *                              step, which reads every weight once
 * @param torchCopyGbPerSecond  copying 512 MiB between preallocated tensors, bytes read plus written
 * @param javaCopyGbPerSecond   {@code System.arraycopy} of 256 MiB, bytes read plus written
 * @param opOverheadMicros      one 64-element tensor add, which costs only the fixed per-op price
 */
record MachineLimits(double torchReadGbPerSecond, double torchCopyGbPerSecond, double javaCopyGbPerSecond,
                     double opOverheadMicros, int intraOpThreads) {

    static MachineLimits measure(LongSupplier clock) {
        return new MachineLimits(
                MachineProbe.torchReadGbPerSecond(1L << 30, 5, clock),
                MachineProbe.torchCopyGbPerSecond(1L << 29, 5, clock),
                javaCopyGbPerSecond(clock),
                MachineProbe.opOverheadMicros(20_000, clock),
                MachineProbe.intraOpThreads());
    }

    private static double javaCopyGbPerSecond(LongSupplier clock) {
        float[] source = new float[1 << 26];
        float[] target = new float[source.length];
        Arrays.fill(source, 1f);
        Arrays.fill(target, 0f);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = clock.getAsLong();
            System.arraycopy(source, 0, target, 0, source.length);
            best = Math.min(best, clock.getAsLong() - start);
        }
        return 2.0 * Float.BYTES * source.length / best;
    }

    /** Tokens per second one sequence could reach if each step did nothing but read {@code weightBytes} once. */
    double batchOneCeiling(long weightBytes) {
        return torchReadGbPerSecond * 1e9 / weightBytes;
    }

    String describe() {
        return String.format(Locale.ROOT, "memory bandwidth: torch read %.1f GB/s (sum of a 1 GiB F32 tensor, best"
                        + " of 5, %d intra-op threads), torch copy %.1f GB/s, Java array copy %.1f GB/s (copies count"
                        + " bytes read + written)%nfixed cost per tensor op: %.1f us (64-element add; JNI, PyTorch"
                        + " dispatch, DJL bookkeeping)", torchReadGbPerSecond, intraOpThreads, torchCopyGbPerSecond,
                javaCopyGbPerSecond, opOverheadMicros);
    }
}
