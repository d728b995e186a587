package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.LongSupplier;

/**
 * Measures what bounds decoding on this machine through the same PyTorch runtime the models use: memory
 * bandwidth (decoding a token reads every weight once, so bandwidth / weight bytes is the batch-1 ceiling) and
 * the fixed cost of one tensor op (which a forward pass of hundreds of small ops pays hundreds of times). For
 * benchmarks; each call allocates and frees its own arrays.
 */
public final class MachineProbe {

    private MachineProbe() {
    }

    /**
     * Read bandwidth in GB/s (10^9 bytes per second): the best of {@code repeats} sums over an F32 array of
     * {@code bytes}, large enough to defeat the caches. Summing reads each byte once and writes nothing, which is
     * what a matrix-vector product does with its matrix.
     */
    public static double torchReadGbPerSecond(long bytes, int repeats, LongSupplier nanoClock) {
        try (NDManager manager = TorchRuntime.newProbeManager()) {
            NDArray data = manager.ones(new Shape(bytes / Float.BYTES), DataType.FLOAT32);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                try (NDManager step = manager.newSubManager()) {
                    long start = nanoClock.getAsLong();
                    NDArray sum = data.sum();
                    sum.attach(step);
                    sum.getFloat();
                    best = Math.min(best, nanoClock.getAsLong() - start);
                }
            }
            return (double) bytes / best;
        }
    }

    /** Copy bandwidth in GB/s, bytes read plus bytes written, between two preallocated F32 arrays of {@code bytes}. */
    public static double torchCopyGbPerSecond(long bytes, int repeats, LongSupplier nanoClock) {
        try (NDManager manager = TorchRuntime.newProbeManager()) {
            Shape shape = new Shape(bytes / Float.BYTES);
            NDArray source = manager.ones(shape, DataType.FLOAT32);
            NDArray target = manager.zeros(shape, DataType.FLOAT32);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                long start = nanoClock.getAsLong();
                source.copyTo(target);
                best = Math.min(best, nanoClock.getAsLong() - start);
            }
            return 2.0 * bytes / best;
        }
    }

    /**
     * Microseconds one trivial op costs (adding two 64-element arrays): JNI crossing, PyTorch dispatch and DJL's
     * bookkeeping of the result, none of which depends on the size of the data.
     */
    public static double opOverheadMicros(int ops, LongSupplier nanoClock) {
        try (NDManager manager = TorchRuntime.newProbeManager()) {
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray a = step.ones(new Shape(64), DataType.FLOAT32);
                    long start = nanoClock.getAsLong();
                    for (int i = 0; i < ops; i++) {
                        a.add(a);
                    }
                    best = Math.min(best, nanoClock.getAsLong() - start);
                }
            }
            return best / 1e3 / ops;
        }
    }

    /** PyTorch's intra-op threads now (process-wide; {@link ModelLoader} sets them per model size). */
    public static int intraOpThreads() {
        try (NDManager ignored = TorchRuntime.newProbeManager()) {
            return JniUtils.getNumThreads();
        }
    }
}
