package io.reasoner.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/** Creates NDManagers on DJL's PyTorch engine on CPU and sizes its thread pools for the model at hand. */
final class TorchRuntime {

    static final String ENGINE = "PyTorch";
    static final String INTRA_OP_THREADS = "ai.djl.pytorch.num_threads";
    static final String INTER_OP_THREADS = "ai.djl.pytorch.num_interop_threads";

    /**
     * Below this many weights every matmul is too small for PyTorch to split (its grain is ~32K elements), yet a
     * second intra-op thread still costs a pool hand-off per op. Measured on stories260K on a 2-core machine:
     * ~480 tokens/s with one thread, ~380 with two, and far worse with two when other processes share the cores.
     */
    static final long MULTI_THREAD_MIN_PARAMETERS = 50_000_000L;

    private TorchRuntime() {
    }

    /**
     * A new root manager with the intra-op thread count chosen for a model of {@code parameterCount} weights:
     * one thread for small models, all available cores otherwise, unless the user set
     * {@value #INTRA_OP_THREADS}. Inter-op threads default to 1 because decoding runs one op after another and a
     * second pool would only compete for the same cores. The thread counts are process-wide.
     */
    static NDManager newManager(long parameterCount) {
        setIfAbsent(INTER_OP_THREADS, 1);
        NDManager manager = NDManager.newBaseManager(Device.cpu(), ENGINE);
        if (System.getProperty(INTRA_OP_THREADS) == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            JniUtils.setNumThreads(parameterCount < MULTI_THREAD_MIN_PARAMETERS ? 1 : cores);
        }
        return manager;
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
}
